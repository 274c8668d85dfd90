import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedDocuments, photos } from '../../../db/schema';
import type { IssuedDocument } from '../../../electron/api';
import { renderIssued } from '../../../electron/services/documents/issue';
import { issuedRow } from '../../../electron/services/documents/issued';
import { fontsOf, pageInfo, pageTexts, savePdfWithPages, squash } from '../../reports/support/pdf-tools';
import { ADMIN, createSignedInApp, type TestApp } from '../../support/services';
import { createInstitution } from '../hazards/support';
import { finishedInspection, type FinishedInspection } from './support';

let app: TestApp;
let world: FinishedInspection;
let notice: IssuedDocument;
let pages: string[];
let file: string;

const FIRE_60 = '单位违反本法规定，有下列行为之一的，责令改正，处五千元以上五万元以下罚款';
const SAFETY_102 = '生产经营单位未采取措施消除事故隐患的，责令立即消除或者限期消除';

beforeAll(async () => {
  app = await createSignedInApp();
  world = await finishedInspection(app);
  notice = await app.call('documents:issue-notice', { inspectionId: world.inspectionId });
  const pdf = fs.readFileSync(path.join(app.dataDir, 'documents', '2026', 'rectification-notice', `${notice.id}.pdf`));
  file = savePdfWithPages('service-rectification-notice', pdf);
  pages = pageTexts(file);
}, 120_000);
afterAll(() => app.dispose());

describe('整改通知书 issued from a finished inspection', () => {
  it('takes the first number of the year and stores the PDF in the data folder', () => {
    expect(notice).toMatchObject({
      kind: 'rectification-notice',
      number: '浦民养整〔2026〕第001号',
      status: 'issued',
      issueDate: '2026-03-02',
      institutionName: world.world.institutionName,
      fileName: `${world.world.institutionName}_整改通知书_浦民养整〔2026〕第001号.pdf`,
    });
    expect(notice.verificationCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(pageInfo(file).pages).toBe(notice.pageCount);
  });

  it('prints the institution, the inspection, each open hazard with its rule and quote, the consequences and the receipt', async () => {
    const all = squash(pages.join(''));
    const { institution } = await app.call('institutions:get', { id: world.world.institutionId });
    for (const field of [
      '上海市浦东新区民政局',
      '整改通知书',
      notice.number,
      institution.name,
      institution.uscc,
      squash(institution.address),
      '2026年3月2日',
      ...world.world.inspectorNames,
      '沪民执001',
      '沪消执002',
      '签收人',
      '拒签情况',
      '见证人',
      '浦东新区消防救援支队',
    ]) {
      expect(all, field).toContain(squash(field));
    }
    // The hazard fixed on the spot is not ordered to be rectified; the two open ones are, E01 as major.
    expect(all).not.toContain('疏散指示标志被遮挡');
    expect(all).toContain('二楼走廊2具手提式灭火器压力指针位于红区（实测0.4MPa）');
    expect(all).toContain('洗衣房内私拉电线为电动自行车蓄电池充电');
    expect(all).toContain('【重大事故隐患】');
    expect(all).toContain('立即停止在洗衣房充电并切断该回路电源');
    expect(all).toContain('《中华人民共和国消防法》第六十条');
    // Quoted in full (the default setting): article texts from the law library, with their version.
    expect(all).toContain(squash(FIRE_60));
    expect(all).toContain('2021年4月29日版');
    // What happens if not rectified: the settings' text and 安全生产法 第一百零二条 quoted from the library.
    expect(all).toContain(squash(SAFETY_102));
    expect(all).toContain('照片1（第1项）');
    expect(all).toContain('照片2（第2项）');
    // 成文日期 in Arabic numerals under the organ.
    expect(all).toContain('上海市浦东新区民政局2026年3月2日');
  });

  it('numbers and codes every page, embeds subset fonts only, stays A4 and within bounds', () => {
    pages.forEach((p, i) => {
      expect(p).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
      expect(p).toContain(`核验码 ${notice.verificationCode}`);
    });
    const info = pageInfo(file);
    expect(info.pages).toBeGreaterThanOrEqual(3);
    expect(info.pages).toBeLessThanOrEqual(8);
    for (const s of info.sizes) expect([Math.round(s.width), Math.round(s.height)]).toEqual([595, 842]);
    for (const f of fontsOf(file))
      expect([f.embedded, f.subset, f.name.replace(/^[A-Z]{6}\+/, '')]).toEqual([
        true,
        true,
        expect.stringMatching(/^NotoSansSC-(Regular|Bold)$/),
      ]);
    expect(fs.statSync(file).size).toBeLessThan(3_000_000);
  });

  it('records the law versions quoted and the audit record, and re-renders to the same bytes', async () => {
    const laws = await app.call('laws:list', {});
    const fireLaw = laws.find((l) => l.title.includes('消防法') && !l.title.includes('上海'));
    expect(fireLaw).toBeDefined();
    expect(notice.lawVersions[fireLaw?.id ?? '']).toBe(fireLaw?.currentVersionId);
    const log = await app.call('audit:list', { entity: 'document', entityId: notice.id });
    expect(log.map((r) => r.action)).toEqual(['issue']);
    expect(log[0]?.after).toMatchObject({ number: notice.number, verificationCode: notice.verificationCode });
    const row = issuedRow(app.registry.deps, notice.id);
    const again = await renderIssued(app.registry.deps, row);
    expect(again.pdf.equals(fs.readFileSync(path.join(app.dataDir, row.storedPath)))).toBe(true);
    expect(row.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps what it printed after the hazard is edited: the stored PDF and its re-rendering do not change', async () => {
    const row = issuedRow(app.registry.deps, notice.id);
    const before = fs.readFileSync(path.join(app.dataDir, row.storedPath));
    const [first] = JSON.parse(row.subjectIdsJson).slice(2) as string[];
    await app.call('hazards:update', { id: first ?? '', reason: '更正描述', description: '改写后的描述' });
    const again = await renderIssued(app.registry.deps, row);
    expect(again.pdf.equals(before)).toBe(true);
  });
});

describe('numbering, voiding, preview and verification', () => {
  it('never reuses a voided number, and verifies by code and by PDF bytes', async () => {
    const voided = await app.call('documents:void', { id: notice.id, reason: '地址填写错误，重新签发' });
    expect(voided.status).toBe('voided');
    expect((await app.raw('documents:void', { id: notice.id, reason: '再次作废' })).ok).toBe(false);
    const second = await app.call('documents:issue-notice', { inspectionId: world.inspectionId });
    expect(second.number).toBe('浦民养整〔2026〕第002号');
    expect(second.verificationCode).not.toBe(notice.verificationCode);

    // A code read off paper: lower case, no hyphen, O for 0 — still found; the voided one says so.
    const typed = second.verificationCode.toLowerCase().replace('-', ' ').replace(/0/g, 'o');
    expect(await app.call('documents:verify', { code: typed })).toMatchObject({
      outcome: 'match',
      document: { id: second.id, number: second.number, status: 'issued' },
    });
    const old = await app.call('documents:verify', { code: notice.verificationCode });
    expect(old).toMatchObject({
      outcome: 'match',
      document: { status: 'voided', voidedReason: '地址填写错误，重新签发' },
    });
    expect(old.message).toContain('作废');
    const c = second.verificationCode.replace('-', '');
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const typo = `${c.slice(0, 3)}${alphabet[(alphabet.indexOf(c[3] ?? '0') + 1) % 32]}${c.slice(4)}`;
    expect((await app.call('documents:verify', { code: typo })).outcome).toBe('typo');
    expect((await app.call('documents:verify', { code: 'ABC' })).outcome).toBe('format');

    const pdf = fs.readFileSync(
      path.join(app.dataDir, 'documents', '2026', 'rectification-notice', `${second.id}.pdf`),
    );
    expect(await app.call('documents:verify', { pdfBase64: pdf.toString('base64') })).toMatchObject({
      outcome: 'match',
      identicalFile: true,
      document: { id: second.id },
    });
    // The same record, but a file whose code was altered, is flagged.
    const forged = Buffer.from(
      pdf.toString('latin1').replace(`code=${second.verificationCode}`, `code=${notice.verificationCode}`),
      'latin1',
    );
    expect((await app.call('documents:verify', { pdfBase64: forged.toString('base64') })).outcome).toBe('altered');
    expect(
      (await app.call('documents:verify', { pdfBase64: Buffer.from('%PDF-1.7\n%%EOF').toString('base64') })).outcome,
    ).toBe('no-code');
  });

  it('previews a 样稿 without taking a number or writing the register', async () => {
    const before = app.registry.deps.db.select().from(issuedDocuments).all().length;
    const preview = await app.call('documents:preview', {
      request: { kind: 'rectification-notice', inspectionId: world.inspectionId },
    });
    expect(preview.saved?.path).toContain(path.join(app.dataDir, 'exports'));
    const text = squash(
      pageTexts(savePdfWithPages('service-notice-preview', fs.readFileSync(preview.saved?.path ?? ''))).join(''),
    );
    expect(text).toContain('样稿：未编号、未签发');
    expect(text).toContain('（未编号）');
    expect(app.registry.deps.db.select().from(issuedDocuments).all()).toHaveLength(before);
    const next = await app.call('documents:issue-notice', { inspectionId: world.inspectionId });
    expect(next.number).toBe('浦民养整〔2026〕第003号');
  });

  it('saves under the Chinese default name and exports the notices of a date range as separate files', async () => {
    const list = await app.call('documents:list', { kind: 'rectification-notice', status: 'issued' });
    const saved = await app.call('documents:save', { id: list[0]?.id ?? '' });
    expect(path.basename(saved.saved?.path ?? '')).toBe(list[0]?.fileName);
    const exported = await app.call('documents:export', {
      kind: 'rectification-notice',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(exported.count).toBe(2);
    expect(exported.saved.map((s) => s.fileName)).toEqual([
      `${world.world.institutionName}_整改通知书_浦民养整〔2026〕第002号.pdf`,
      `${world.world.institutionName}_整改通知书_浦民养整〔2026〕第003号.pdf`,
    ]);
    for (const s of exported.saved) expect(fs.readFileSync(s.path).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints a missing photo as a captioned placeholder instead of failing', async () => {
    const row = app.registry.deps.db.select().from(photos).all()[0];
    fs.rmSync(path.join(app.dataDir, ...(row?.storedPath ?? '').split('/')));
    const doc = await app.call('documents:issue-notice', { inspectionId: world.inspectionId });
    const text = squash(
      pageTexts(
        savePdfWithPages(
          'service-notice-missing-photo',
          fs.readFileSync(path.join(app.dataDir, issuedRow(app.registry.deps, doc.id).storedPath)),
        ),
      ).join(''),
    );
    expect(text).toContain('照片文件缺失');
    expect(text).toContain('照片1（第1项）');
    expect(
      app.registry.deps.db.select().from(issuedDocuments).where(eq(issuedDocuments.id, doc.id)).get()?.pageCount,
    ).toBeGreaterThan(0);
  });
});

describe('document settings', () => {
  it('are admin-only and audited, and change the organ and the prefix of the next number', async () => {
    const settings = await app.call('documents:get-settings', {});
    expect(settings).toMatchObject({
      issuingOrgan: '上海市浦东新区民政局',
      organShort: '浦民养',
      prefixes: { 'rectification-notice': '浦民养整', 'reinspection-opinion': '浦民养复' },
    });
    const dup = await app.raw('documents:update-settings', {
      ...settings,
      prefixes: { ...settings.prefixes, 'notify-letter': '浦民养整' },
    });
    expect(dup).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '各类文书的编号前缀不能相同' } });
    await app.call('documents:update-settings', {
      ...settings,
      prefixes: { ...settings.prefixes, 'rectification-notice': '浦民养改' },
    });
    const log = await app.call('audit:list', { entity: 'setting', entityId: 'documents.settings' });
    expect(log.map((r) => r.action)).toEqual(['update']);
    await app.call('users:create', {
      username: 'viewer1',
      password: 'Viewer#2026',
      displayName: '钱查看',
      departmentKey: 'market',
      role: 'viewer',
    });
    await app.call('auth:sign-out', {});
    await app.call('auth:sign-in', { username: 'viewer1', password: 'Viewer#2026' });
    expect(await app.raw('documents:update-settings', settings)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await app.raw('documents:issue-notice', { inspectionId: world.inspectionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await app.call('documents:verify', { code: notice.verificationCode })).outcome).toBe('match');
    await app.call('auth:sign-out', {});
    await app.call('auth:sign-in', { username: ADMIN.username, password: ADMIN.password });
  });
});

describe('现场检查记录 issued from the same inspection', () => {
  it('prints every item, the findings with photos, the team and the signatures, under its own number', async () => {
    const record = await app.call('documents:issue', {
      request: { kind: 'inspection-record', inspectionId: world.inspectionId },
    });
    expect(record).toMatchObject({
      kind: 'inspection-record',
      number: '浦民养查〔2026〕第001号',
      institutionName: world.world.institutionName,
    });
    const out = savePdfWithPages(
      'service-inspection-record',
      fs.readFileSync(path.join(app.dataDir, issuedRow(app.registry.deps, record.id).storedPath)),
    );
    const all = squash(pageTexts(out).join(''));
    const detail = await app.call('inspections:get', { inspectionId: world.inspectionId });
    for (const item of detail.sections.flatMap((s) => s.items)) expect(all, item.code).toContain(squash(item.textZh));
    for (const text of [
      '现场检查记录',
      '疏散指示标志被遮挡',
      '【已当场整改】',
      '整改后照片',
      '检查人员：李检查',
      '检查人员：周消防',
      '被检查单位：钱主任',
      '沪民执001',
      '食堂厨房（无食堂）',
      '本次检查共5项',
    ]) {
      expect(all, text).toContain(squash(text));
    }
    expect(pageInfo(out).pages).toBe(record.pageCount);
    // An unfinished inspection gets no record.
    const other = await app.call('inspections:start', {
      institutionId: world.world.institutionId,
      templateVersionId: world.world.templateVersionId,
      inspectorIds: world.world.inspectorIds,
      representativeName: '钱主任',
    });
    expect(
      await app.raw('documents:issue', { request: { kind: 'inspection-record', inspectionId: other.summary.id } }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('联合监管报告 for one department', () => {
  it('collects the department’s hazards of the period across institutions, with state and overdue days', async () => {
    const other = await createInstitution(app, '浦东新区福寿养老院', '87654321', 1);
    await app.call('hazards:create', {
      institutionId: other.id,
      location: '二楼东侧疏散走道',
      description: '疏散走道堆放床垫等可燃物',
      severity: 'general',
      departments: ['fire', 'construction'],
      requiredAction: '清除走道堆放物，保持疏散走道畅通',
      deadlineDate: '2026-03-05',
    });
    await app.call('hazards:create', {
      institutionId: other.id,
      location: '食堂',
      description: '食堂未取得食品经营许可证',
      severity: 'general',
      departments: ['market'],
      requiredAction: '依法办理食品经营许可证',
    });
    // Ten days later: deadlines of 2026-03-05 and 2026-03-09 have passed.
    app.clock.set(new Date('2026-03-12T02:00:00.000Z'));
    const report = await app.call('documents:issue', {
      request: { kind: 'joint-report', departmentKey: 'fire', from: '2026-03-01', to: '2026-03-31' },
    });
    expect(report).toMatchObject({
      kind: 'joint-report',
      number: '浦民养联〔2026〕第001号',
      departmentKey: 'fire',
      institutionName: null,
      issueDate: '2026-03-12',
    });
    expect(report.fileName).toBe('上海市浦东新区消防救援支队_联合监管报告_浦民养联〔2026〕第001号.pdf');
    const out = savePdfWithPages(
      'service-joint-report',
      fs.readFileSync(path.join(app.dataDir, issuedRow(app.registry.deps, report.id).storedPath)),
    );
    const texts = pageTexts(out);
    const all = squash(texts.join(''));
    expect(squash(texts[0] ?? '')).toContain('养老机构消防救援领域隐患联合监管报告');
    expect(squash(texts[0] ?? '')).toContain('上海市浦东新区消防救援支队：');
    for (const text of [
      world.world.institutionName,
      '浦东新区福寿养老院',
      '疏散走道堆放床垫等可燃物',
      '洗衣房内私拉电线',
      '7天',
      '3天',
      '已闭环',
      '待整改',
    ])
      expect(all, text).toContain(text);
    // Only the department's hazards: the 市场监管 one is not in the 消防 report.
    expect(all).not.toContain('食品经营许可证');
    expect(
      await app.raw('documents:issue', {
        request: { kind: 'joint-report', departmentKey: 'health', from: '2026-03-01', to: '2026-03-31' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    app.clock.set(new Date('2026-03-02T06:00:00.000Z'));
  });
});
