import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { buildUscc } from '../../electron/services/institutions/uscc';
import { createDemoInstitutions, demoImportFile } from '../../scripts/demo/institutions';
import { InstitutionsPage } from './pages/institutions-page';
import { expect, test } from './support/fixtures';

test('机构档案: add with inline code check, search, edit, import with a bad row, export', async ({
  signedInPage: page,
  app,
}) => {
  const ui = new InstitutionsPage(page);
  await ui.open();
  await expect(page.getByText('还没有机构档案')).toBeVisible();

  // Add: a mistyped check character is explained inline before anything is saved.
  const code = buildUscc({ authority: '5', type: '2', area: '310115', orgBody: 'MJ7K2Q8D' });
  const wrong = code.slice(0, 17) + (code[17] === '1' ? '2' : '1');
  await page.getByRole('button', { name: '新增机构' }).click();
  await ui.fill('机构名称', '浦东新区花木街道康乐长者照护之家');
  await ui.fill('统一社会信用代码', wrong.toLowerCase());
  await expect(ui.drawer().getByText(`第 18 位校验码应为“${code[17]}”`)).toBeVisible();
  await ui.fill('统一社会信用代码', code);
  await expect(ui.drawer().getByText('第 18 位校验码应为')).toHaveCount(0);
  await ui.fill('地址', '上海市浦东新区花木街道锦绣路 1688 号');
  await ui.choose('街镇', '花木街道');
  await ui.choose('机构类型', '民办');
  await ui.fill('床位数', '40');
  await ui.fill('自理', '45');
  await ui.save();
  await expect(ui.drawer().getByText('入住老人合计 45 人，超过床位数 40')).toBeVisible();
  await ui.fill('自理', '12');
  await ui.fill('半失能', '10');
  await ui.field('电气火灾监控').click();
  await page.screenshot({ path: 'test-results/institutions-form.png' });
  await ui.save();
  await expect(page.getByText('已新增机构“浦东新区花木街道康乐长者照护之家”')).toBeVisible();
  await expect(ui.rows()).toHaveCount(1);

  // Search among many: 60 demo institutions plus ours.
  await createDemoInstitutions(app.registry.deps, 60, 21);
  await page.reload();
  await expect(ui.total()).toHaveText('共 61 条');
  await ui.search('康乐长者');
  await expect(ui.total()).toHaveText(`共 ${(await app.call('institutions:list', { query: '康乐长者' })).total} 条`);
  await expect(ui.rows().filter({ hasText: '浦东新区花木街道康乐长者照护之家' })).toHaveCount(1);
  await ui.search(code.slice(8, 14).toLowerCase());
  await expect(ui.rows()).toHaveCount(1);
  await ui.search('护理院');
  const nursing = await app.call('institutions:list', { query: '护理院' });
  await expect(ui.total()).toHaveText(`共 ${nursing.total} 条`);
  await page.screenshot({ path: 'test-results/institutions-list.png' });

  // Profile and edit.
  await ui.search('康乐长者照护之家');
  await ui.rows().filter({ hasText: '浦东新区花木街道康乐长者照护之家' }).click();
  await expect(page.getByText('上海市浦东新区花木街道锦绣路 1688 号')).toBeVisible();
  await page.getByRole('tab', { name: '风险' }).click();
  await expect(page.getByText('暂无检查数据：完成首次检查后自动计算风险等级。')).toBeVisible();
  await expect(page.getByText(/风险分 = 未整改重大隐患 × 25/)).toBeVisible();
  await page.screenshot({ path: 'test-results/institutions-profile-risk.png' });
  await page.getByRole('tab', { name: '检查记录' }).click();
  await expect(page.getByText('暂无检查记录')).toBeVisible();
  await page.getByRole('tab', { name: '基本信息' }).click();
  await page.getByRole('button', { name: '编辑' }).click();
  await ui.fill('床位数', '48');
  await ui.fill('联系电话', '021-58881234');
  await ui.save();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page.locator('.ant-descriptions').getByText('021-58881234')).toBeVisible();
  await page.screenshot({ path: 'test-results/institutions-profile.png' });
  const ours = (await app.call('institutions:list', { query: code })).items[0];
  const log = await app.call('audit:list', { entity: 'institution', entityId: ours?.id ?? '' });
  expect(log.map((l) => l.action)).toEqual(['update', 'create']);
  expect(log[0]).toMatchObject({ before: { bedCount: 40 }, after: { bedCount: 48, contactPhone: '021-58881234' } });

  // Import: 8 new rows, one row updating ours, one row with an unknown town.
  await page.getByRole('button', { name: '返回列表' }).click();
  await ui.search('');
  const towns = await app.call('towns:list', {});
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await demoImportFile(towns, 9, 555), 'base64') as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet('机构档案');
  if (!ws) throw new Error('no data sheet');
  ws.getCell('F4').value = '陆家嘴镇';
  ws.addRow([
    '浦东新区花木街道康乐长者照护之家',
    code,
    null,
    null,
    '上海市浦东新区花木街道锦绣路 1688 号',
    '花木街道',
    '民办',
    50,
    12,
    10,
    0,
    0,
  ]);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  await page.getByRole('button', { name: '导入 Excel' }).click();
  await ui.chooseImportFile('机构名单.xlsx', file);
  await expect(page.getByText('共 10 行：可导入 9 行（新增 8，更新 1，无变化 0），有错误 1 行')).toBeVisible();
  const errors = page.getByRole('table', { name: '错误（1）' });
  await expect(errors.getByRole('row').filter({ hasText: '街镇“陆家嘴镇”不在街镇列表中' })).toContainText('4');
  await page.screenshot({ path: 'test-results/institutions-import-preview.png' });
  await page.getByRole('tab', { name: '更新（1）' }).click();
  await expect(page.getByText('床位数：')).toBeVisible();
  expect((await app.call('institutions:list', {})).total).toBe(61); // nothing written before confirming
  await page.getByRole('button', { name: '导入 9 行有效数据' }).click();
  await expect(page.getByText('导入完成：新增 8 家，更新 1 家，无变化 0 家，跳过有错误的 1 行。')).toBeVisible();
  await page.locator('.ant-result').getByRole('button', { name: '关闭' }).click();
  await expect(ui.total()).toHaveText('共 69 条');

  // A file that is not a spreadsheet is refused with a clear message.
  await page.getByRole('button', { name: '导入 Excel' }).click();
  await ui.chooseImportFile('名单.csv', Buffer.from('机构名称,地址\n某某敬老院,浦东'));
  await expect(page.getByRole('dialog', { name: '导入机构档案' }).getByRole('alert')).toContainText('不是 Excel 表格');
  await page.locator('.ant-modal-close').click();

  // Export everything, then the filtered list; both are real .xlsx files with the registry's rows.
  const all = await ui.download('导出 Excel');
  expect(all.suggestedFilename()).toMatch(/^机构档案_\d{8}\.xlsx$/);
  const allPath = await all.path();
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.load(fs.readFileSync(allPath) as unknown as ExcelJS.Buffer);
  expect(exported.getWorksheet('机构档案')?.actualRowCount).toBe(70);
  await ui.search('花木');
  const filteredTotal = (await app.call('institutions:list', { query: '花木' })).total;
  await expect(ui.total()).toHaveText(`共 ${filteredTotal} 条`);
  const filtered = await ui.download('导出当前筛选结果');
  expect(filtered.suggestedFilename()).toContain('筛选');
  const part = new ExcelJS.Workbook();
  await part.xlsx.load(fs.readFileSync(await filtered.path()) as unknown as ExcelJS.Buffer);
  expect(part.getWorksheet('机构档案')?.actualRowCount).toBe(filteredTotal + 1);

  // The export re-imports with no change.
  const again = await app.call('institutions:import-preview', {
    fileName: all.suggestedFilename(),
    base64: fs.readFileSync(allPath).toString('base64'),
  });
  expect(again).toMatchObject({ errors: [], additions: [], updates: [], unchanged: 69 });
});
