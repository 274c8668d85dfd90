import fs from 'node:fs';
import path from 'node:path';
import { seedLaws } from '../../electron/services/laws/law-store';
import { repoRoot } from '../support/services';
import { LawsPage } from './pages/laws-page';
import { expect, test } from './support/fixtures';

const fireMarkdown = fs.readFileSync(path.join(repoRoot, 'resources', 'laws', '消防法(2021-04-29).md'), 'utf8');

function rowCount(app: { database: { sqlite: { prepare: (sql: string) => { get: () => unknown } } } }, table: string) {
  return (app.database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

test('法规库: search 疏散通道, open 消防法 第二十八条 highlighted, and read an item’s article on hover', async ({
  signedInPage: page,
  app,
}) => {
  seedLaws(app.registry.deps);
  const laws = new LawsPage(page);
  await laws.open();
  await expect(laws.lawTable().getByRole('row')).toHaveCount(17);
  const fireRow = laws.lawTable().getByRole('row', { name: /中华人民共和国消防法/ });
  await expect(fireRow).toContainText('2021年4月29日');
  await expect(fireRow).toContainText('74');
  await expect(fireRow).toContainText('随程序提供');

  await laws.search('疏散通道');
  await expect(page.getByText('共 12 条结果')).toBeVisible();
  const hit = laws.hits().filter({ hasText: '《中华人民共和国消防法》第二十八条' });
  await expect(hit.locator('mark').first()).toHaveText('疏散通道');
  await page.screenshot({ path: 'test-results/laws-search.png' });
  await hit.getByRole('link', { name: '《中华人民共和国消防法》第二十八条' }).click();

  await expect(page).toHaveURL(/#\/laws\/[^/]+\/28\?q=/);
  await expect(page.getByTestId('law-title')).toHaveText('中华人民共和国消防法');
  const a28 = laws.article('28');
  await expect(a28).toHaveAttribute('data-selected', 'true');
  await expect(a28).toBeInViewport();
  await expect(a28.locator('mark')).toHaveText(['疏散通道']);
  await expect(laws.article('27')).not.toHaveAttribute('data-selected', 'true');
  // The chapter tree opens on the article's chapter with the article selected.
  await expect(page.locator('.ant-tree-treenode-selected')).toContainText('第二十八条');
  await page.screenshot({ path: 'test-results/laws-reader.png' });

  // A deep link straight to an article, as a citation link produces it.
  const fireId = new URL(page.url()).hash.split('/')[2] ?? '';
  await page.goto(`${new URL(page.url()).origin}/index.html#/laws/${fireId}/60`);
  await expect(laws.article('60')).toHaveAttribute('data-selected', 'true');
  await expect(laws.article('60')).toBeInViewport();

  // 按检查项查依据: F14's legal basis links its articles; hovering shows the text, focus does too.
  await page.getByRole('menu').getByText('法规库', { exact: true }).click();
  await laws.lookUpItem('F14');
  const basis = laws.legalBasis();
  await expect(basis.getByTestId('legal-basis-segment')).toHaveCount(2);
  await expect(basis.getByText('已核实原文')).toHaveCount(2);
  await basis.getByRole('link', { name: '《中华人民共和国消防法》第二十八条' }).hover();
  const popover = page.locator('.ant-popover').filter({ hasText: '第二十八条' });
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('任何单位、个人不得损坏、挪用或者擅自拆除、停用消防设施、器材');
  await page.screenshot({ path: 'test-results/laws-legal-basis.png' });
  await basis.getByRole('link', { name: '《上海市消防条例》第四十三条' }).focus();
  await expect(page.locator('.ant-popover').filter({ hasText: '《上海市消防条例》第四十三条' })).toBeVisible();
  // The item (三) of 第六十条 is quoted above the article.
  await basis.getByRole('link', { name: '《中华人民共和国消防法》第六十条（三）' }).hover();
  await expect(page.locator('.ant-popover').filter({ hasText: '所引：（三）' })).toBeVisible();

  // The parent-controlled preview lists every citation with its text (what the inspection runner opens by key).
  await page.getByRole('button', { name: '查看全部原文' }).click();
  const drawer = page.getByRole('dialog', { name: 'F14 法律依据原文' });
  await expect(drawer.getByTestId('citation-article')).toHaveCount(3);
  await expect(drawer).toContainText('第四十三条');
  await page.screenshot({ path: 'test-results/laws-article-preview.png' });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // A document outside the library keeps its mark and says its text is not loaded.
  await laws.lookUpItem('F02');
  await expect(basis).toContainText('民发〔2023〕37号');
  await expect(basis.getByTestId('not-loaded')).toHaveText('原文未收录');
  await expect(basis.getByText('核对了部分原文')).toBeVisible();

  // Clicking a citation link opens the reader on that article.
  await laws.lookUpItem('F14');
  await basis.getByRole('link', { name: '《上海市消防条例》第四十三条' }).click();
  await expect(page.getByTestId('law-title')).toHaveText('上海市消防条例');
  await expect(laws.article('43')).toHaveAttribute('data-selected', 'true');
});

test('法规库: an administrator imports a newer 消防法; a malformed file shows the precise error and changes nothing', async ({
  signedInPage: page,
  app,
}) => {
  seedLaws(app.registry.deps);
  const laws = new LawsPage(page);
  await laws.open();
  await page.getByRole('button', { name: '导入新版本' }).click();
  const dialog = laws.importDialog();
  await expect(dialog).toBeVisible();

  const before = ['law_documents', 'law_versions', 'law_articles', 'audit_log'].map((t) => rowCount(app, t));
  const broken = fireMarkdown.replace(/^第三十条 /m, '第三十二条 ');
  await laws.chooseImportFile('消防法(2026-01-01).md', broken);
  await expect(dialog.getByTestId('import-error')).toContainText(
    /法规文件《消防法\(2026-01-01\)\.md》第 \d+ 行：条文编号不连续：第二十九条之后应为第三十条，实为第三十二条/,
  );
  await expect(dialog.getByRole('button', { name: '确认导入' })).toBeDisabled();
  expect(['law_documents', 'law_versions', 'law_articles', 'audit_log'].map((t) => rowCount(app, t))).toEqual(before);

  const newer = fireMarkdown.replace(
    /^第二十八条 .*$/m,
    '第二十八条 任何单位、个人不得占用、堵塞、封闭疏散通道、安全出口、消防车通道。（2026年新版本测试文本）',
  );
  await laws.chooseImportFile('消防法(2026-01-01).md', newer);
  const preview = dialog.getByTestId('import-preview');
  await expect(preview).toContainText('中华人民共和国消防法');
  await expect(preview).toContainText('2026年1月1日');
  await expect(preview).toContainText('第七十四条');
  await expect(preview).toContainText('导入后将成为现行版本');
  await page.screenshot({ path: 'test-results/laws-import.png' });
  await dialog.getByRole('button', { name: '确认导入' }).click();
  await expect(dialog).toBeHidden();

  const fireRow = laws.lawTable().getByRole('row', { name: /中华人民共和国消防法/ });
  await expect(fireRow).toContainText('2026年1月1日');
  await expect(fireRow).toContainText('管理员导入');
  await fireRow.getByRole('link').click();
  await expect(page.getByText('（2026年新版本测试文本）')).toBeVisible();

  // The version switcher opens the bundled text again.
  await laws.pickVersion(/2021年4月29日/);
  await expect(page).toHaveURL(/\?v=/);
  await expect(page.getByText('（2026年新版本测试文本）')).toHaveCount(0);
  await expect(laws.article('28')).toContainText('任何单位、个人不得损坏、挪用或者擅自拆除');

  const fire = (await app.call('laws:list', {})).find((l) => l.code === '消防法');
  expect(fire?.versions.map((v) => [v.label, v.source, v.isCurrent])).toEqual([
    ['2026-01-01', 'imported', true],
    ['2021-04-29', 'bundled', false],
  ]);
});
