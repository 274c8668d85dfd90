import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planAssignments, planDraws, plans, users } from '../../../db/schema';
import type { IssuedDocument } from '../../../electron/api';
import { createSignedInApp, type TestApp } from '../../support/services';
import { itemByCode, itemKeys, makeJpeg, makeSignaturePng } from '../inspections/fixtures';
import { finishedInspection, type FinishedInspection } from './support';

let app: TestApp;
let other: FinishedInspection;
let otherNotice: IssuedDocument;
let planNotice: IssuedDocument;
let planId: string;
let emptyPlanId: string;

/** Inserts a plan (with a draw and, when given, one assignment for the institution) straight into the database. */
function insertPlan(name: string, institutionId?: string): { planId: string; assignmentId: string | null } {
  const { db } = app.registry.deps;
  const user = db.select({ id: users.id }).from(users).get();
  if (!user) throw new Error('no user');
  const now = '2026-03-01T08:00:00.000Z';
  const id = `plan-${name}`;
  db.insert(plans)
    .values({
      id,
      name,
      type: '双随机抽查',
      periodStart: '2026-03-01',
      periodEnd: '2026-03-31',
      scopeJson: '{}',
      status: '已抽取',
      createdById: user.id,
      createdByName: '王管理',
      createdAt: now,
      updatedAt: now,
    })
    .run();
  if (!institutionId) return { planId: id, assignmentId: null };
  db.insert(planDraws)
    .values({
      id: `${id}-draw`,
      planId: id,
      seq: 1,
      recordJson: '{}',
      candidatesJson: '{}',
      seed: 'seed',
      algorithmVersion: '1',
      candidateHash: 'hash',
      drawnById: user.id,
      drawnByName: '王管理',
      drawnAt: now,
    })
    .run();
  db.insert(planAssignments)
    .values({
      id: `${id}-a1`,
      planId: id,
      drawId: `${id}-draw`,
      institutionId,
      sortOrder: 1,
      inspectorIdsJson: '[]',
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return { planId: id, assignmentId: `${id}-a1` };
}

beforeAll(async () => {
  app = await createSignedInApp();
  other = await finishedInspection(app);
  otherNotice = await app.call('documents:issue-notice', { inspectionId: other.inspectionId });
  const { world } = other;
  const inserted = insertPlan('三月双随机抽查', world.institutionId);
  planId = inserted.planId;
  emptyPlanId = insertPlan('空计划').planId;
  const detail = await app.call('inspections:start', {
    institutionId: world.institutionId,
    templateVersionId: world.templateVersionId,
    inspectorIds: world.inspectorIds,
    representativeName: '钱主任',
    planAssignmentId: inserted.assignmentId,
  });
  const id = detail.summary.id;
  for (const key of itemKeys(detail))
    await app.call('inspections:save-answer', { inspectionId: id, itemKey: key, result: '符合' });
  const f20 = itemByCode(detail, 'F20').key;
  await app.call('inspections:save-answer', {
    inspectionId: id,
    itemKey: f20,
    result: '不符合',
    description: '三楼走廊1具手提式灭火器压力不足',
    locationBuilding: '1号楼',
    locationFloor: '3层',
    locationText: '西侧走廊',
    measurementValue: 0.5,
  });
  await app.call('inspections:add-photo', {
    inspectionId: id,
    itemKey: f20,
    base64: (await makeJpeg(11)).toString('base64'),
  });
  for (const [i, inspectorId] of world.inspectorIds.entries())
    await app.call('inspections:sign', {
      inspectionId: id,
      signer: { role: 'inspector', inspectorId },
      pngDataUrl: await makeSignaturePng(i),
    });
  await app.call('inspections:sign', {
    inspectionId: id,
    signer: { role: 'representative' },
    pngDataUrl: await makeSignaturePng(9),
  });
  await app.call('inspections:finish', { inspectionId: id });
  planNotice = await app.call('documents:issue-notice', { inspectionId: id });
}, 120_000);
afterAll(() => app.dispose());

describe('bulk export of the 整改通知书 of a 检查计划', () => {
  it('saves exactly the notice of the inspection that carried out the plan assignment', async () => {
    expect(planNotice.id).not.toBe(otherNotice.id);
    const exported = await app.call('documents:export', { kind: 'rectification-notice', planId });
    expect(exported.count).toBe(1);
    expect(exported.saved.map((s) => s.fileName)).toEqual([planNotice.fileName]);
    const saved = exported.saved[0]?.path ?? '';
    expect(path.dirname(saved)).toBe(path.join(app.dataDir, 'exports'));
    expect(fs.readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readdirSync(path.join(app.dataDir, 'exports'))).not.toContain(otherNotice.fileName);
  });

  it('refuses an unknown plan, a plan without notices, and a plan together with a date range', async () => {
    await expect(
      app.call('documents:export', { kind: 'rectification-notice', planId: 'no-such-plan' }),
    ).rejects.toThrow('NOT_FOUND 检查计划不存在或已被删除');
    const before = fs.readdirSync(path.join(app.dataDir, 'exports')).length;
    await expect(app.call('documents:export', { kind: 'rectification-notice', planId: emptyPlanId })).rejects.toThrow(
      '该检查计划下没有已出具的整改通知书',
    );
    expect(fs.readdirSync(path.join(app.dataDir, 'exports'))).toHaveLength(before);
    await expect(
      app.call('documents:export', { kind: 'rectification-notice', planId, from: '2026-03-01', to: '2026-03-31' }),
    ).rejects.toThrow('请选择日期范围或检查计划（二选一）');
  });
});
