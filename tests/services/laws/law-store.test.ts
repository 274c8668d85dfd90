import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLegalBasis, resolveCitation } from '../../../electron/services/laws/citations';
import { loadLawLibrary } from '../../../electron/services/laws/law-library';
import { seedLaws } from '../../../electron/services/laws/law-store';
import { QUOTE_MODE_KEY } from '../../../electron/services/laws/quote-mode';
import { createSignedInApp, repoRoot, type TestApp } from '../../support/services';

const lawsDir = path.join(repoRoot, 'resources', 'laws');
const library = loadLawLibrary(lawsDir);
const FIRE_FILE = '消防法(2021-04-29).md';
const fireMarkdown = fs.readFileSync(path.join(lawsDir, FIRE_FILE), 'utf8');
const OLD_28 = library.byFile.get(FIRE_FILE)?.articles.find((a) => a.key === '28')?.text ?? '';

interface RowCounts {
  law_documents: number;
  law_versions: number;
  law_articles: number;
  audit_log: number;
  settings: number;
}

function rowCounts(app: TestApp): RowCounts {
  const count = (table: string) =>
    (app.database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    law_documents: count('law_documents'),
    law_versions: count('law_versions'),
    law_articles: count('law_articles'),
    audit_log: count('audit_log'),
    settings: count('settings'),
  };
}

/** A newer 消防法 text: same structure, 第二十八条 reworded, a later amendment line. */
function newerFireLaw(): string {
  const lines = fireMarkdown.split('\n');
  const i28 = lines.findIndex((l) => l.startsWith('第二十八条'));
  lines[i28] =
    '第二十八条 任何单位、个人不得损坏、挪用或者擅自拆除、停用消防设施、器材，不得埋压、圈占、遮挡消火栓，不得占用、堵塞、封闭疏散通道、安全出口、消防车通道和电动自行车充电场所。（测试用修订文本）';
  return lines.join('\n');
}

let app: TestApp;
beforeEach(async () => {
  app = await createSignedInApp();
  seedLaws(app.registry.deps);
});
afterEach(() => app.dispose());

describe('seedLaws', () => {
  it('stores the 16 bundled texts as bundled versions with every parsed article, once', async () => {
    const counts = rowCounts(app);
    const expectedArticles = library.laws.reduce((n, l) => n + l.articles.length, 0);
    expect(counts.law_documents).toBe(16);
    expect(counts.law_versions).toBe(16);
    expect(counts.law_articles).toBe(expectedArticles);

    const again = seedLaws(app.registry.deps);
    expect(again).toEqual({ lawsCreated: 0, versionsInserted: 0, versionsPresent: 16 });
    expect(rowCounts(app)).toEqual(counts);

    const laws = await app.call('laws:list', {});
    expect(laws).toHaveLength(16);
    for (const law of laws) {
      expect(law.versions).toHaveLength(1);
      expect(law.versions[0]?.source).toBe('bundled');
      expect(law.versions[0]?.isCurrent).toBe(true);
      const parsed = library.laws.find((l) => l.title === law.title);
      expect(law.versions[0]?.articleCount).toBe(parsed?.articles.length);
    }
    const fire = laws.find((l) => l.code === '消防法');
    expect(fire?.title).toBe('中华人民共和国消防法');
    expect(fire?.versions[0]?.versionDate).toBe('2021-04-29');
    // National laws are listed before Shanghai regulations.
    const firstShanghai = laws.findIndex((l) => l.title.startsWith('上海'));
    expect(laws.slice(firstShanghai).every((l) => l.title.startsWith('上海'))).toBe(true);
  });

  it('serves one version in full: chapters, sections and articles including 第一百零二条', async () => {
    const laws = await app.call('laws:list', {});
    const safety = laws.find((l) => l.code === '安全生产法');
    if (!safety) throw new Error('安全生产法 missing');
    const detail = await app.call('laws:get-version', { lawId: safety.id });
    expect(detail.version.id).toBe(safety.currentVersionId);
    expect(detail.articles.find((a) => a.key === '102')?.label).toBe('第一百零二条');
    expect(detail.chapters[0]?.label).toBe('第一章');
    const missing = await app.raw('laws:get-version', { lawId: 'no-such-law' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('laws:search', () => {
  it('finds 电动自行车 only in 上海市非机动车安全管理条例, with offsets on the phrase', async () => {
    const result = await app.call('laws:search', { query: '电动自行车', limit: 500 });
    expect(result.total).toBe(result.hits.length);
    expect(result.total).toBeGreaterThan(10);
    expect(new Set(result.hits.map((h) => h.lawTitle))).toEqual(new Set(['上海市非机动车安全管理条例']));
    expect(result.hits.map((h) => h.articleKey)).toContain('29');
    for (const h of result.hits) {
      for (const m of h.matches) expect(h.text.slice(m.start, m.end)).toBe('电动自行车');
    }
  });

  it('finds 疏散通道 in 消防法 第二十八条 and 上海市消防条例 第四十三条, capped by the limit', async () => {
    const result = await app.call('laws:search', { query: '疏散通道', limit: 500 });
    const found = result.hits.map((h) => `${h.lawTitle} ${h.articleLabel}`);
    expect(found).toContain('中华人民共和国消防法 第二十八条');
    expect(found).toContain('上海市消防条例 第四十三条');
    expect(found).toContain('中华人民共和国安全生产法 第四十二条');
    const capped = await app.call('laws:search', { query: '疏散通道', limit: 2 });
    expect(capped.hits).toHaveLength(2);
    expect(capped.total).toBe(result.total);
    const empty = await app.raw('laws:search', { query: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('laws:resolve-citations', () => {
  it('links every seed checklist citation of a library law to the same article the parser resolves', async () => {
    const items = await app.call('laws:list-checklist-citations', {});
    expect(items).toHaveLength(120);
    let linked = 0;
    for (const item of items) {
      const { citations } = await app.call('laws:resolve-citations', { legalBasis: item.legalBasis });
      const parsed = parseLegalBasis(item.legalBasis);
      expect(citations.map((c) => c.mark)).toEqual(parsed.map((c) => c.mark));
      citations.forEach((c, i) => {
        const p = parsed[i];
        if (!p) throw new Error('citation count differs');
        if (p.lawFile === null) {
          expect(c).toMatchObject({ found: false, reason: 'not-in-library', reasonText: '该文件原文未收录' });
          return;
        }
        const article = p.articleKey === null ? undefined : library.articlesByFile.get(p.lawFile)?.get(p.articleKey);
        if (p.articleKey === null) expect(c).toMatchObject({ found: false, reason: 'no-article-given' });
        else if (article === undefined) expect(c).toMatchObject({ found: false, reason: 'article-missing' });
        else {
          expect(c.found).toBe(true);
          expect(c.articleText).toBe(article.text);
          expect(c.lawId).not.toBeNull();
          linked += 1;
        }
      });
    }
    // Every citation the in-memory core resolves is linked through the database too (92 in the seed checklist).
    const coreResolved = items
      .flatMap((i) => parseLegalBasis(i.legalBasis))
      .filter((c) => resolveCitation(c, library).ok).length;
    expect(linked).toBe(coreResolved);
    expect(linked).toBeGreaterThan(0);
  });

  it('gives F14 the article, item and mark, and says 原文未收录 for a document outside the library', async () => {
    const { citations } = await app.call('laws:resolve-citations', {
      legalBasis:
        '消防法 第二十八条、第六十条(三) [V]; 上海消防条例 第四十三条 [V]; 判定标准 第四条(三) [P]; 消防法 第二百条 [S]',
    });
    expect(citations.map((c) => [c.source, c.articleLabel, c.item, c.mark, c.found])).toEqual([
      ['消防法', '第二十八条', null, 'V', true],
      ['消防法', '第六十条', '（三）', 'V', true],
      ['上海消防条例', '第四十三条', null, 'V', true],
      ['判定标准', '第四条', '（三）', 'P', false],
      ['消防法', '第二百条', null, 'S', false],
    ]);
    expect(citations[0]?.articleText).toBe(OLD_28);
    expect(citations[1]?.itemText).toMatch(/^（三）/);
    expect(citations[3]).toMatchObject({ reason: 'not-in-library', reasonText: '该文件原文未收录', lawId: null });
    expect(citations[4]).toMatchObject({ reason: 'article-missing', lawTitle: '中华人民共和国消防法' });
    expect(citations[4]?.reasonText).toContain('没有第二百条');
  });
});

describe('importing a newer version', () => {
  it('keeps both versions; new citations use the newer text, pinned ones keep the old', async () => {
    const fire = (await app.call('laws:list', {})).find((l) => l.code === '消防法');
    if (!fire) throw new Error('消防法 missing');
    const oldVersionId = fire.currentVersionId;
    const input = { fileName: '消防法(2026-01-01).md', markdown: newerFireLaw() };

    const before = rowCounts(app);
    const preview = await app.call('laws:preview-import', input);
    expect(preview).toMatchObject({
      valid: true,
      lawId: fire.id,
      title: '中华人民共和国消防法',
      versionDate: '2026-01-01',
      articleCount: 74,
      lastArticleLabel: '第七十四条',
      becomesCurrent: true,
      currentVersionLabel: '2021-04-29',
    });
    expect(rowCounts(app)).toEqual(before);

    const imported = await app.call('laws:import-version', input);
    expect(imported).toMatchObject({
      source: 'imported',
      isCurrent: true,
      label: '2026-01-01',
      importedByName: '王管理',
    });
    const after = rowCounts(app);
    expect(after.law_versions).toBe(before.law_versions + 1);
    expect(after.law_articles).toBe(before.law_articles + 74);
    expect(after.law_documents).toBe(before.law_documents);

    const fireAfter = (await app.call('laws:list', {})).find((l) => l.id === fire.id);
    expect(fireAfter?.versions.map((v) => [v.label, v.source, v.isCurrent])).toEqual([
      ['2026-01-01', 'imported', true],
      ['2021-04-29', 'bundled', false],
    ]);

    const legalBasis = '消防法 第二十八条 [V]';
    const fresh = await app.call('laws:resolve-citations', { legalBasis });
    expect(fresh.citations[0]).toMatchObject({ versionId: imported.id, isCurrentVersion: true, mark: 'V' });
    expect(fresh.citations[0]?.articleText).toContain('测试用修订文本');

    const pinned = await app.call('laws:resolve-citations', { legalBasis, versionIds: { [fire.id]: oldVersionId } });
    expect(pinned.citations[0]).toMatchObject({
      versionId: oldVersionId,
      isCurrentVersion: false,
      versionLabel: '2021-04-29',
    });
    expect(pinned.citations[0]?.articleText).toBe(OLD_28);

    // Search follows the current version.
    const search = await app.call('laws:search', { query: '测试用修订文本', limit: 10 });
    expect(search.hits.map((h) => [h.versionId, h.articleKey])).toEqual([[imported.id, '28']]);
    // The reader still opens the old version on request.
    const oldDetail = await app.call('laws:get-version', { lawId: fire.id, versionId: oldVersionId });
    expect(oldDetail.articles.find((a) => a.key === '28')?.text).toBe(OLD_28);

    const audit = await app.call('audit:list', { entity: 'law_version', entityId: imported.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'import', actorName: '王管理' });
    expect(audit[0]?.after).toMatchObject({ lawId: fire.id, articleCount: 74, versionDate: '2026-01-01' });

    // A pin that does not belong to the law is an error, not a silent fallback to the current text.
    const other = (await app.call('laws:list', {})).find((l) => l.code === '安全生产法');
    const wrongPin = await app.raw('laws:resolve-citations', {
      legalBasis,
      versionIds: { [fire.id]: other?.currentVersionId ?? '' },
    });
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('an older text is stored but does not become current', async () => {
    const markdown = newerFireLaw();
    const preview = await app.call('laws:preview-import', { fileName: '消防法(2019-04-23).md', markdown });
    expect(preview).toMatchObject({ valid: true, becomesCurrent: false });
    const imported = await app.call('laws:import-version', { fileName: '消防法(2019-04-23).md', markdown });
    expect(imported.isCurrent).toBe(false);
    const { citations } = await app.call('laws:resolve-citations', { legalBasis: '消防法 第二十八条 [V]' });
    expect(citations[0]?.articleText).toBe(OLD_28);
  });

  it('rejects a malformed text with the parser’s precise error and changes nothing', async () => {
    const broken = fireMarkdown.replace(/^第三十条 /m, '第三十二条 ');
    const lineNo = broken.split('\n').findIndex((l) => l.startsWith('第三十二条 ')) + 1;
    const input = { fileName: '消防法(2026-01-01).md', markdown: broken };
    const before = rowCounts(app);

    const preview = await app.call('laws:preview-import', input);
    expect(preview).toEqual({
      valid: false,
      line: lineNo,
      message: `法规文件《消防法(2026-01-01).md》第 ${lineNo} 行：条文编号不连续：第二十九条之后应为第三十条，实为第三十二条`,
    });
    const result = await app.raw('laws:import-version', input);
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: preview.valid ? '' : preview.message } });
    expect(rowCounts(app)).toEqual(before);

    const noInfoEnd = await app.raw('laws:import-version', {
      fileName: 'x.md',
      markdown: '# 中华人民共和国消防法\n第一条 测试。\n',
    });
    expect(noInfoEnd).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(noInfoEnd.ok ? '' : noInfoEnd.error.message).toContain('未找到“<!-- INFO END -->”标记');
    expect(rowCounts(app)).toEqual(before);
  });

  it('rejects an identical text, an unknown title and a title that does not match the chosen law', async () => {
    const before = rowCounts(app);
    const same = await app.raw('laws:import-version', { fileName: FIRE_FILE, markdown: fireMarkdown });
    expect(same).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(same.ok ? '' : same.error.message).toContain('完全相同');

    const unknown = await app.raw('laws:import-version', {
      fileName: '某条例.md',
      markdown: '# 某某条例\n<!-- INFO END -->\n第一条 测试。\n',
    });
    expect(unknown.ok ? '' : unknown.error.message).toBe(
      '法规库中没有标题为《某某条例》的法规，未作任何修改。只能导入已收录法规的新版本',
    );

    const safety = (await app.call('laws:list', {})).find((l) => l.code === '安全生产法');
    const mismatch = await app.raw('laws:import-version', {
      fileName: '消防法(2026-01-01).md',
      markdown: newerFireLaw(),
      lawId: safety?.id ?? '',
    });
    expect(mismatch.ok ? '' : mismatch.error.message).toContain('与所选法规《中华人民共和国安全生产法》不一致');

    const notMd = await app.raw('laws:import-version', { fileName: '消防法.txt', markdown: newerFireLaw() });
    expect(notMd).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(rowCounts(app)).toEqual(before);
  });

  it('is for administrators only', async () => {
    await app.call('users:create', {
      username: 'inspector1',
      password: 'Inspect#2026',
      displayName: '李检查',
      departmentKey: 'civil-affairs',
      role: 'inspector',
    });
    await app.call('auth:sign-out', {});
    await app.call('auth:sign-in', { username: 'inspector1', password: 'Inspect#2026' });
    const before = rowCounts(app);
    const result = await app.raw('laws:import-version', {
      fileName: '消防法(2026-01-01).md',
      markdown: newerFireLaw(),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const quote = await app.raw('laws:set-quote-mode', { mode: 'cite' });
    expect(quote).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(rowCounts(app)).toEqual(before);
    // Reading stays open to every signed-in role.
    expect((await app.call('laws:search', { query: '疏散通道', limit: 5 })).hits.length).toBe(5);
  });
});

describe('quote mode for notices', () => {
  it('defaults to quoting in full and records who changed it', async () => {
    expect(await app.call('laws:get-quote-mode', {})).toEqual({ mode: 'full' });
    expect(await app.call('laws:set-quote-mode', { mode: 'cite' })).toEqual({ mode: 'cite' });
    expect(await app.call('laws:get-quote-mode', {})).toEqual({ mode: 'cite' });
    const audit = await app.call('audit:list', { entity: 'setting', entityId: QUOTE_MODE_KEY });
    expect(audit[0]).toMatchObject({ action: 'update', before: { mode: 'full' }, after: { mode: 'cite' } });
    const bad = await app.raw('laws:set-quote-mode', { mode: 'summary' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
