import { expect, test } from './support/fixtures';
import { ShellPage } from './pages/shell-page';

test('first start: create the administrator, sign in, see the 36 towns, switch to English and back', async ({ appPage: page, app }) => {
  const shell = new ShellPage(page);
  await expect(page.getByText('首次使用：创建管理员账号')).toBeVisible();

  // A mismatched confirmation is caught before anything is saved.
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('姓名').fill('王管理');
  await page.getByLabel('密码', { exact: true }).fill('Admin#2026');
  await page.getByLabel('确认密码').fill('Admin#2027');
  await page.getByRole('button', { name: '创建并登录' }).click();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  expect((await app.call('auth:status', {})).needsSetup).toBe(true);

  await shell.createAdministrator({ username: 'admin', displayName: '王管理', password: 'Admin#2026' });
  await expect(page.getByLabel('当前用户')).toContainText('王管理');
  for (const label of ['机构档案', '检查计划', '现场检查', '隐患整改', '文书报告', '统计', '设置']) {
    await expect(shell.menu().getByText(label, { exact: true })).toBeVisible();
  }

  // Sign out and back in through the sign-in screen.
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await shell.signIn('admin', 'wrong-password');
  await expect(page.getByText('用户名或密码不正确')).toBeVisible();
  await shell.signIn('admin', 'Admin#2026');
  await expect(page.getByLabel('当前用户')).toContainText('王管理');

  await shell.open('设置');
  await expect(page.getByText('数据文件夹')).toBeVisible();
  await expect(page.getByText(app.dataDir, { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: '街镇' }).click();
  await expect(page.getByText('共 36 条')).toBeVisible();
  await expect(page.getByRole('cell', { name: '潍坊新村街道' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '南汇新城镇' })).toBeVisible();

  await page.getByText('English', { exact: true }).first().click();
  await expect(page.getByRole('tab', { name: 'Towns' })).toBeVisible();
  await expect(shell.menu().getByText('Institutions', { exact: true })).toBeVisible();
  expect(await app.call('settings:get-language', {})).toEqual({ language: 'en-US' });

  await page.getByText('中文', { exact: true }).first().click();
  await expect(page.getByRole('tab', { name: '街镇' })).toBeVisible();
  expect(await app.call('settings:get-language', {})).toEqual({ language: 'zh-CN' });

  // The language choice and the changes are in the audit log, with the administrator as actor.
  const log = await app.call('audit:list', { entity: 'setting' });
  expect(log.map((r) => r.actorName)).toEqual(['王管理', '王管理']);
});
