import { seedChecklists } from '../../electron/services/checklists/seed';
import { ChecklistsPage } from './pages/checklists-page';
import { expect, test } from './support/fixtures';

test('rule library, major-hazard standard, and a template built from the library, published and versioned', async ({
  signedInPage: page,
  app,
}) => {
  // Production seeds in startServices; until that line lands, the story seeds with the same function.
  seedChecklists(app.registry.deps);
  const ui = new ChecklistsPage(page);
  await ui.open('规则库');

  // 规则库: all 120 rules, marks and the major flag in plain words, the 2025 priorities filter.
  await expect(page.getByText('共 120 项')).toBeVisible();
  const f01 = page.getByRole('row').filter({ hasText: '建筑未经消防验收' });
  await expect(f01.getByText('已核实原文')).toBeVisible();
  await expect(f01.getByText('可能（需部门或专家认定） · 第四条(二)')).toBeVisible();
  await page.screenshot({ path: 'test-results/checklists-library.png', fullPage: true });

  await ui.filter('2025年重点', '电动自行车');
  await expect(page.getByText('共 3 项')).toBeVisible();
  await ui.filter('2025年重点', '2025年重点');
  const priorityCount = (await app.call('checklists:list-rule-items', { priority: 'any' })).length;
  await expect(page.getByText(`共 ${priorityCount} 项`)).toBeVisible();

  await page.getByText('电动自行车、电动轮椅及蓄电池在室内').click();
  const drawer = page.getByRole('dialog', { name: 'E06 检查项详情' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText('上海非机动车条例', { exact: false }).first()).toBeVisible();
  await expect(drawer.getByText('核对了部分原文').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/checklists-item-drawer.png' });
  await page.keyboard.press('Escape');

  // 判定标准: the 2023 rule set with its 7 criteria and the notice that 15 are missing.
  await page.getByRole('tab', { name: '判定标准' }).click();
  await expect(page.getByText('15 条未取得')).toBeVisible();
  await expect(page.getByRole('table', { name: 'mca-2023 判定情形' }).getByRole('row')).toHaveCount(8);
  await page.screenshot({ path: 'test-results/checklists-rule-sets.png', fullPage: true });

  // 模板: the four shipped templates, then build one from the library.
  await page.getByRole('tab', { name: '模板' }).click();
  for (const name of ['消防安全飞行检查', '服务质量监测', '多部门联合检查', '复查']) {
    await expect(page.getByRole('button', { name: `${name} 第 1 版` })).toContainText('已发布');
  }
  await ui.createTemplate('燃气专项检查', '消防安全飞行检查');
  await expect(page.getByTestId('template-title')).toHaveText('燃气专项检查 · 第 1 版');
  await expect(page.getByTestId('version-status')).toHaveText('草稿');

  // The section switches on with piped gas or LPG.
  await ui.section('检查项目').getByRole('button', { name: '编辑分组' }).click();
  const sectionDialog = ui.dialog('编辑分组');
  await sectionDialog.getByLabel('分组名称').fill('燃气');
  await sectionDialog.getByLabel('管道燃气').check();
  await sectionDialog.getByLabel('瓶装液化气').check();
  await sectionDialog.getByRole('button', { name: '保存' }).click();
  await expect(ui.section('燃气').getByText('管道燃气')).toBeVisible();

  // Add G01, G02 and G05 by category and department search.
  await ui.section('燃气').getByRole('button', { name: '从规则库添加' }).click();
  const picker = ui.dialog('从规则库添加到“燃气”');
  await ui.filter('类别', '燃气', picker);
  await expect(picker.getByText('共 5 项')).toBeVisible();
  await picker.getByRole('checkbox', { name: /^G01 / }).check();
  await picker.getByRole('checkbox', { name: /^G02 / }).check();
  await ui.filter('责任部门', '市场监管', picker);
  await picker.getByRole('checkbox', { name: /^G05 / }).check();
  await picker.getByRole('button', { name: '添加所选 3 项' }).click();
  await expect.poll(() => ui.itemCodes('燃气')).toEqual(['G01', 'G02', 'G05']);

  // Reorder with the keyboard-reachable buttons, and ask for a photo-free, optional G05.
  await page.getByRole('button', { name: '上移 G02' }).click();
  await expect.poll(() => ui.itemCodes('燃气')).toEqual(['G02', 'G01', 'G05']);
  await page.getByRole('button', { name: '下移 G02' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => ui.itemCodes('燃气')).toEqual(['G01', 'G02', 'G05']);
  await page.getByRole('button', { name: '作答设置 G05' }).click();
  const settings = ui.dialog('作答设置 G05');
  await settings.getByLabel('必答').click();
  await settings.getByLabel('检查要点').fill('查看气瓶检验标签和充装单位');
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(
    page.getByRole('table', { name: '燃气' }).getByRole('row').filter({ hasText: 'G05' }).getByText('选答'),
  ).toBeVisible();

  // Preview: without gas the section is switched off; with LPG it applies.
  await page.getByRole('button', { name: '预览' }).click();
  const preview = ui.dialog('预览：燃气专项检查 第 1 版');
  await expect(preview.getByText('适用 0 个分组、0 项；不适用：燃气')).toBeVisible();
  await preview.getByLabel('瓶装液化气').check();
  await expect(preview.getByText('适用 1 个分组、3 项；不适用：无')).toBeVisible();
  await page.screenshot({ path: 'test-results/checklists-preview.png' });
  await preview.getByRole('button', { name: '关闭' }).click();
  await page.screenshot({ path: 'test-results/checklists-editor.png', fullPage: true });

  // Publish with confirmation; the version is frozen and shown as published.
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('dialog').filter({ hasText: '发布第 1 版？' }).getByRole('button', { name: '发布' }).click();
  await expect(page.getByTestId('version-status')).toHaveText('已发布');
  await expect(page.getByText('王管理 于')).toBeVisible();
  await expect(page.getByRole('button', { name: '从规则库添加' })).toHaveCount(0);

  // Editing starts version 2; version 1 stays as it was.
  await page.getByRole('button', { name: '基于此版本新建草稿' }).click();
  await expect(page.getByTestId('template-title')).toHaveText('燃气专项检查 · 第 2 版');
  await page.getByRole('button', { name: '移除 G01' }).click();
  await expect.poll(() => ui.itemCodes('燃气')).toEqual(['G02', 'G05']);
  await page.getByRole('button', { name: '返回模板列表' }).click();
  const row = page.getByRole('row').filter({ hasText: '燃气专项检查' });
  await expect(row.getByRole('button', { name: '燃气专项检查 第 1 版' })).toContainText('已发布');
  await expect(row.getByRole('button', { name: '燃气专项检查 第 2 版' })).toContainText('草稿');
  await page.screenshot({ path: 'test-results/checklists-templates.png', fullPage: true });
  await row.getByRole('button', { name: '燃气专项检查 第 1 版' }).click();
  await expect.poll(() => ui.itemCodes('燃气')).toEqual(['G01', 'G02', 'G05']);

  const templates = await app.call('checklists:list-templates', {});
  expect(templates.find((t) => t.name === '燃气专项检查')?.versions.map((v) => [v.version, v.status])).toEqual([
    [2, 'draft'],
    [1, 'published'],
  ]);
});

test('a bad template file is refused with the JSON path of the problem, and nothing is imported', async ({
  signedInPage: page,
  app,
}) => {
  seedChecklists(app.registry.deps);
  const ui = new ChecklistsPage(page);
  await ui.open('模板');
  const bad = {
    format: 'careinspect-checklist-template',
    formatVersion: 1,
    name: '坏文件',
    kind: '复查',
    sections: [{ title: 'A', items: [{ ruleCode: 'Z99', photoRequiredOnFail: true }] }],
  };
  await page
    .getByLabel('导入模板')
    .setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId('import-error')).toContainText(
    '位置 sections[0].items[0].ruleCode：检查项 Z99 不在规则库中',
  );
  expect((await app.call('checklists:list-templates', {})).map((t) => t.name)).not.toContain('坏文件');
  await page.screenshot({ path: 'test-results/checklists-import-error.png' });
});
