import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardReferrals } from '../../../db/schema';
import type { Hazard, IssuedDocument } from '../../../electron/api';
import { renderIssued } from '../../../electron/services/documents/issue';
import { issuedRow } from '../../../electron/services/documents/issued';
import { fontsOf, pageInfo, pageTexts, savePdfWithPages, squash } from '../../reports/support/pdf-tools';
import { createSignedInApp, type TestApp } from '../../support/services';
import { createInstitution } from '../hazards/support';
import { finishedInspection, type FinishedInspection } from './support';

let app: TestApp;
let world: FinishedInspection;
let notice: IssuedDocument;
let f20: Hazard;
let e01: Hazard;

const textOf = (name: string, doc: IssuedDocument): string =>
  squash(
    pageTexts(
      savePdfWithPages(name, fs.readFileSync(path.join(app.dataDir, issuedRow(app.registry.deps, doc.id).storedPath))),
    ).join(''),
  );

beforeAll(async () => {
  app = await createSignedInApp();
  world = await finishedInspection(app);
  notice = await app.call('documents:issue-notice', { inspectionId: world.inspectionId });
  const all = await Promise.all(world.hazardIds.map((id) => app.call('hazards:get', { id })));
  const open = all.map((d) => d.hazard).filter((h) => !h.fixedOnSpot);
  f20 = open.find((h) => h.severity === 'general') as Hazard;
  e01 = open.find((h) => h.severity === 'major') as Hazard;
  // E01 was already registered as 移送 to 消防 by hand, before any letter existed.
  await app.call('hazards:refer', {
    hazardIds: [e01.id],
    departmentKey: 'fire',
    kind: 'transfer',
    referredOn: '2026-03-02',
  });
  app.clock.set(new Date('2026-03-12T02:00:00.000Z'));
}, 120_000);
afterAll(() => app.dispose());

describe('移送函 to a department', () => {
  let letter: IssuedDocument;
  let all: string;

  beforeAll(async () => {
    letter = await app.call('documents:issue', {
      request: { kind: 'referral-letter', departmentKey: 'fire', hazardIds: [f20.id, e01.id] },
    });
    all = textOf('service-referral-letter', letter);
  }, 60_000);

  it('is numbered in the 移送 sequence and addressed to the department', () => {
    expect(letter).toMatchObject({
      kind: 'referral-letter',
      number: '浦民养移〔2026〕第001号',
      departmentKey: 'fire',
      institutionName: null,
      issueDate: '2026-03-12',
      fileName: '上海市浦东新区消防救援支队_移送函_浦民养移〔2026〕第001号.pdf',
    });
  });

  it('prints each hazard with institution, severity and rationale, state, overdue days, the basis and the request', async () => {
    const [f20Now, e01Now] = await Promise.all([f20, e01].map((h) => app.call('hazards:get', { id: h.id })));
    for (const text of [
      '关于养老机构隐患情况的移送函',
      '上海市浦东新区消防救援支队：',
      world.world.institutionName,
      f20.code,
      e01.code,
      '二楼走廊2具手提式灭火器压力指针位于红区',
      '洗衣房内私拉电线为电动自行车蓄电池充电',
      '重大事故隐患',
      '判定标准第四条（二）：违规私拉电线为电动自行车充电',
      `${f20Now?.hazard.daysOverdue}天`,
      // The hazard's own citation, resolved through the law library.
      '上述隐患涉嫌违反《中华人民共和国消防法》第六十条',
      '现将有关情况移送贵单位，请依法处理，并将处理结果书面反馈我局',
      '联系人：养老服务科；联系电话：021-68541234',
      '附件：1.隐患照片（共2张）',
      `2.整改通知书（${notice.number}）`,
      '照片1（第1项）',
      '上海市浦东新区民政局2026年3月12日',
    ])
      expect(all, text).toContain(squash(text));
    expect(f20Now?.hazard.daysOverdue).toBeGreaterThan(0);
    expect(e01Now?.hazard.state).toBe('to-rectify');
  });

  it('writes the letter number to new referrals and keeps the hand-registered one as a subject', async () => {
    const f20Refs = (await app.call('hazards:get', { id: f20.id })).referrals;
    expect(f20Refs).toEqual([
      expect.objectContaining({
        departmentKey: 'fire',
        kind: 'transfer',
        letterNo: letter.number,
        referredOn: '2026-03-12',
      }),
    ]);
    const e01Refs = (await app.call('hazards:get', { id: e01.id })).referrals;
    expect(e01Refs).toHaveLength(1);
    expect(e01Refs[0]?.letterNo).toBeNull();
    const subjects = JSON.parse(issuedRow(app.registry.deps, letter.id).subjectIdsJson) as string[];
    expect(subjects).toEqual(expect.arrayContaining([f20.id, e01.id, e01Refs[0]?.id, f20Refs[0]?.id]));
    const events = (await app.call('hazards:get', { id: f20.id })).events.filter((e) => e.kind === 'referral');
    expect(events).toHaveLength(1);
  });

  it('pages, fonts, re-rendering and verification hold', async () => {
    const file = path.join(app.dataDir, issuedRow(app.registry.deps, letter.id).storedPath);
    const pages = pageTexts(file);
    pages.forEach((p, i) => {
      expect(p).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
      expect(p).toContain(`核验码 ${letter.verificationCode}`);
    });
    expect(pageInfo(file).pages).toBe(letter.pageCount);
    for (const f of fontsOf(file)) expect(f.subset && f.embedded).toBe(true);
    const again = await renderIssued(app.registry.deps, issuedRow(app.registry.deps, letter.id));
    expect(again.pdf.equals(fs.readFileSync(file))).toBe(true);
    expect((await app.call('documents:verify', { code: letter.verificationCode })).document?.id).toBe(letter.id);
  });
});

describe('抄告函 to a department', () => {
  it('has its own sequence, asks to be noted and supervised, and cites no clause the hazards do not carry', async () => {
    const other = await createInstitution(app, '浦东新区福寿养老院', '87654321', 1);
    const food = await app.call('hazards:create', {
      institutionId: other.id,
      location: '食堂',
      description: '食堂未取得食品经营许可证',
      severity: 'general',
      departments: ['market'],
      requiredAction: '依法办理食品经营许可证',
    });
    const before = app.registry.deps.db.select().from(hazardReferrals).all().length;
    await app.call('documents:preview', {
      request: { kind: 'notify-letter', departmentKey: 'market', hazardIds: [food.hazard.id] },
    });
    expect(app.registry.deps.db.select().from(hazardReferrals).all()).toHaveLength(before);
    const letter = await app.call('documents:issue', {
      request: { kind: 'notify-letter', departmentKey: 'market', hazardIds: [food.hazard.id] },
    });
    expect(letter.number).toBe('浦民养抄〔2026〕第001号');
    const all = textOf('service-notify-letter', letter);
    expect(all).toContain('关于养老机构隐患情况的抄告函');
    expect(all).toContain('上海市浦东新区市场监督管理局：');
    expect(all).toContain('现将有关情况抄告贵单位，请知悉，并依职责督促相关机构落实整改');
    expect(all).toContain('食堂未取得食品经营许可证');
    expect(all).not.toContain('涉嫌违反');
    expect((await app.call('hazards:get', { id: food.hazard.id })).referrals).toEqual([
      expect.objectContaining({ kind: 'notify', departmentKey: 'market', letterNo: letter.number }),
    ]);
  });

  it('refuses closed hazards and unknown departments', async () => {
    expect(
      await app.raw('documents:issue', {
        request: { kind: 'notify-letter', departmentKey: 'nowhere', hazardIds: [f20.id] },
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const fixed = world.hazardIds.find((id) => id !== f20.id && id !== e01.id) ?? '';
    expect(
      await app.raw('documents:issue', {
        request: { kind: 'referral-letter', departmentKey: 'fire', hazardIds: [fixed] },
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('已闭环') } });
  });
});
