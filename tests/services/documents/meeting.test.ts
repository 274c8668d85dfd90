import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDistrictData } from '../../../scripts/demo/district';
import type { ChannelOutput, IssuedDocument } from '../../../electron/api';
import { renderIssued } from '../../../electron/services/documents/issue';
import { issuedRow } from '../../../electron/services/documents/issued';
import { fontsOf, pageInfo, pageTexts, savePdfWithPages, squash } from '../../reports/support/pdf-tools';
import { createSignedInApp, type TestApp } from '../../support/services';

type Dashboard = ChannelOutput<'statistics:dashboard'>;

const END = '2026-03-02';
const PERIOD = { from: '2025-03-01', to: '2026-02-28' };
const rate = (closed: number, found: number) => (found ? `${((closed / found) * 100).toFixed(1)}%` : '—');
const days = (d: number | null) => (d === null ? '—' : Number.isInteger(d) ? String(d) : d.toFixed(1));

let app: TestApp;

beforeAll(async () => {
  app = await createSignedInApp();
  generateDistrictData(app.registry.deps.sqlite, { seed: 21, institutions: 20, years: 2, endDate: END });
  // 10:00 Shanghai on the data's last day: the statistics' today and the document's issue date.
  app.clock.set(new Date('2026-03-02T02:00:00.000Z'));
}, 120_000);
afterAll(() => app.dispose());

const storedPdf = (doc: IssuedDocument): Buffer =>
  fs.readFileSync(path.join(app.dataDir, issuedRow(app.registry.deps, doc.id).storedPath));

describe('会商材料 for the whole district', () => {
  let doc: IssuedDocument;
  let dash: Dashboard;
  let file: string;
  let pages: string[];
  let all: string;

  beforeAll(async () => {
    doc = await app.call('documents:issue', { request: { kind: 'consultation-material', ...PERIOD } });
    dash = await app.call('statistics:dashboard', PERIOD);
    file = savePdfWithPages('service-meeting-brief', storedPdf(doc));
    pages = pageTexts(file);
    all = squash(pages.join(''));
  }, 120_000);

  it('is numbered in the 会商 sequence and registered with its scope', () => {
    expect(doc).toMatchObject({
      kind: 'consultation-material',
      number: '浦民养会〔2026〕第001号',
      title: '会商材料（全区）',
      issueDate: END,
      institutionName: null,
      departmentKey: null,
    });
  });

  it('prints on its summary page exactly the totals statistics:dashboard gives for the period', () => {
    const t = dash.totals;
    expect(dash.asOf).toBe(PERIOD.to);
    expect(t.found).toBeGreaterThan(0);
    const first = squash(pages[0] ?? '');
    for (const text of [
      '养老机构综合监管“一件事”会商材料',
      '浦民养会〔2026〕第001号',
      '2025年3月1日至2026年2月28日',
      `在册养老机构${t.institutions}家，开展检查${t.inspections}次，覆盖机构${t.inspectedInstitutions}家`,
      `发现隐患${t.found}处，其中重大事故隐患${t.majorFound}处`,
      `已整改闭环${t.closed}处，整改率${rate(t.closed, t.found)}`,
      `截至2026年2月28日，尚未闭环隐患${t.open}处，其中逾期未整改${t.overdue}处，重大事故隐患未闭环${t.majorOpen}处`,
      `期内闭环隐患${t.closedInPeriod}处，整改用时中位数${days(t.medianDaysToClose)}天、平均${days(t.meanDaysToClose)}天`,
    ])
      expect(first, text).toContain(text);
  });

  it('has the by-town and by-department tables of the dashboard, with a 合计 row equal to the totals', () => {
    for (const r of dash.byTown)
      expect(all, r.townName).toContain(
        `${r.townName}${r.found}${r.closed}${rate(r.closed, r.found)}${r.open}${r.overdue}${r.majorOpen}`,
      );
    const t = dash.totals;
    expect(all).toContain(`合计${t.found}${t.closed}${rate(t.closed, t.found)}${t.open}${t.overdue}${t.majorOpen}`);
    for (const r of dash.byDepartment)
      expect(all, r.shortZh).toContain(
        `${r.shortZh}${r.found}${r.closed}${rate(r.closed, r.found)}${r.open}${r.overdue}${r.majorOpen}`,
      );
    // Header repeated on every page a table runs over.
    const townPages = pages.filter((p) => squash(p).includes('街镇发现隐患已闭环整改率未闭环逾期未整改重大未闭环'));
    expect(townPages.length).toBeGreaterThanOrEqual(1);
  });

  it('lists the major open and the overdue hazards with institution, deadline and overdue days', () => {
    expect(all).toContain(`五、重大事故隐患未闭环清单（${dash.majorOpen.total}处）`);
    expect(all).toContain(`六、逾期未整改隐患清单（${dash.overdue.total}处）`);
    expect(dash.overdue.total).toBeGreaterThan(0);
    for (const h of [...dash.majorOpen.items, ...dash.overdue.items]) {
      expect(all, h.code).toContain(h.code);
      expect(all).toContain(h.institutionName);
    }
    const longest = dash.overdue.items[0];
    expect(all).toContain(`${longest?.daysOverdue}天`);
    const listPages = pages.filter((p) => /YH-\d{4}-\d{4}/.test(p));
    for (const p of listPages) expect(squash(p)).toContain('序号机构隐患情况责任部门整改期限逾期天数');
  });

  it('draws its charts as vectors: no image in the file, fonts subset, sane page count, A4', () => {
    expect(all).toContain('图1各月发现与闭环隐患数');
    expect(all).toContain('图2各街镇发现隐患与未闭环隐患');
    expect(all).toContain('图3各责任部门发现隐患与未闭环隐患');
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toEqual([]);
    for (const f of fontsOf(file)) expect(f.embedded && f.subset, f.name).toBe(true);
    const info = pageInfo(file);
    expect(info.pages).toBe(doc.pageCount);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(info.pages).toBeLessThanOrEqual(40);
    for (const s of info.sizes) expect([Math.round(s.width), Math.round(s.height)]).toEqual([595, 842]);
    pages.forEach((p, i) => {
      expect(p).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
      expect(p).toContain(doc.verificationCode);
    });
  });

  it('renders again from its record to the very same bytes, and its code verifies', async () => {
    const again = await renderIssued(app.registry.deps, issuedRow(app.registry.deps, doc.id));
    expect(again.pdf.equals(storedPdf(doc))).toBe(true);
    const verified = await app.call('documents:verify', { code: doc.verificationCode });
    expect(verified.outcome).toBe('match');
    expect(verified.document?.id).toBe(doc.id);
  });
});

describe('会商材料 narrowed to a town and a department', () => {
  it('prints that scope’s dashboard figures', async () => {
    const towns = await app.call('statistics:dashboard', PERIOD);
    const town = towns.byTown.find((t) => t.found > 0);
    expect(town).toBeDefined();
    const filter = { ...PERIOD, townId: town?.townId ?? '', departmentKey: 'fire' };
    const doc = await app.call('documents:issue', { request: { kind: 'consultation-material', ...filter } });
    const dash = await app.call('statistics:dashboard', filter);
    expect(doc.number).toBe('浦民养会〔2026〕第002号');
    const fire = towns.byDepartment.find((d) => d.departmentKey === 'fire');
    expect(doc.title).toBe(`会商材料（${town?.townName}·${fire?.shortZh}）`);
    const first = squash(pageTexts(savePdfWithPages('service-meeting-brief-town', storedPdf(doc)))[0] ?? '');
    const t = dash.totals;
    expect(first).toContain(`${town?.townName}在册养老机构${t.institutions}家，开展检查${t.inspections}次`);
    expect(first).toContain(`发现隐患${t.found}处，其中重大事故隐患${t.majorFound}处`);
    expect(first).toContain(
      `尚未闭环隐患${t.open}处，其中逾期未整改${t.overdue}处，重大事故隐患未闭环${t.majorOpen}处`,
    );
    expect(first).toContain('责任部门：');
  }, 120_000);

  it('refuses an unknown town, and a preview takes no number', async () => {
    await expect(
      app.call('documents:issue', {
        request: { kind: 'consultation-material', ...PERIOD, townId: '01890000-0000-7000-8000-000000000000' },
      }),
    ).rejects.toThrow('所选街镇不存在');
    const preview = await app.call('documents:preview', { request: { kind: 'consultation-material', ...PERIOD } });
    expect(preview.pageCount).toBeGreaterThanOrEqual(3);
    const list = await app.call('documents:list', { kind: 'consultation-material' });
    expect(list.map((d) => d.number).sort()).toEqual(['浦民养会〔2026〕第001号', '浦民养会〔2026〕第002号']);
  }, 120_000);
});
