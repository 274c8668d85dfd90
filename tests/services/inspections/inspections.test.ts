import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, createSignedInApp, createTestApp, type TestApp } from '../../support/services';
import {
  createInspectionWorld,
  itemByCode,
  itemKeys,
  makeJpeg,
  makeSignaturePng,
  startWorldInspection,
  type InspectionWorld,
} from './fixtures';

let app: TestApp | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

async function setup(): Promise<{ app: TestApp; world: InspectionWorld }> {
  app = await createSignedInApp();
  return { app, world: await createInspectionWorld(app) };
}

function count(t: TestApp, sql: string, ...params: unknown[]): number {
  return (t.database.sqlite.prepare(sql).get(...params) as { n: number }).n;
}

function auditOf(
  t: TestApp,
  entity: string,
): Array<{ action: string; before_json: string | null; after_json: string | null; reason: string | null }> {
  return t.database.sqlite
    .prepare('SELECT action, before_json, after_json, reason FROM audit_log WHERE entity = ? ORDER BY at, id')
    .all(entity) as never;
}

const b64 = (buf: Buffer): string => buf.toString('base64');

describe('starting an inspection', () => {
  it('freezes the published template for the institution: sections that do not apply are listed apart', async () => {
    const { app, world } = await setup();
    const detail = await startWorldInspection(app, world);
    expect(detail.summary).toMatchObject({
      status: 'in_progress',
      institutionName: world.institutionName,
      templateName: world.templateName,
      total: 5,
      answered: 0,
      inspectorNames: world.inspectorNames,
      createdByName: ADMIN.displayName,
    });
    expect(detail.sections.map((s) => s.title)).toEqual(['消防设施', '用电安全']);
    expect(detail.excludedSections).toEqual([
      expect.objectContaining({ title: '食堂厨房', appliesWhen: ['hasCanteen'] }),
    ]);
    expect(detail.representative).toEqual({ name: '钱主任', title: '办公室主任', phone: '021-58881234' });
    expect(auditOf(app, 'inspection').map((a) => a.action)).toEqual(['start']);
    // 进行中 inspections come back from the list (the app reopens them after a restart).
    expect((await app.call('inspections:list', { status: 'in_progress' })).map((s) => s.id)).toEqual([
      detail.summary.id,
    ]);
  });

  it('refuses a team of one, a draft template and an unknown inspector in Chinese, writing nothing', async () => {
    const { app, world } = await setup();
    const base = {
      institutionId: world.institutionId,
      templateVersionId: world.templateVersionId,
      representativeName: '钱主任',
    };
    const one = await app.raw('inspections:start', { ...base, inspectorIds: [world.inspectorIds[0]] });
    expect(one).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(one.ok ? '' : one.error.message).toContain('至少需要两名检查人员');
    const draft = await app.call('checklists:create-template', { name: '草稿模板', kind: '复查' });
    const withDraft = await app.raw('inspections:start', {
      ...base,
      templateVersionId: draft.versions[0]?.id,
      inspectorIds: world.inspectorIds,
    });
    expect(withDraft).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '只能使用已发布的检查表版本开始检查' },
    });
    const stranger = await app.raw('inspections:start', {
      ...base,
      inspectorIds: [world.inspectorIds[0], 'no-such-inspector'],
    });
    expect(stranger).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '所选检查人员不在检查人员名册中，请重新选择' },
    });
    expect(count(app, 'SELECT count(*) n FROM inspections')).toBe(0);
    expect(auditOf(app, 'inspection')).toEqual([]);
  });
});

describe('answers', () => {
  it('upserts one row per item, auditing exactly the fields that changed', async () => {
    const { app, world } = await setup();
    const detail = await startWorldInspection(app, world);
    const id = detail.summary.id;
    const key = itemByCode(detail, 'F07').key;
    const first = await app.call('inspections:save-answer', { inspectionId: id, itemKey: key, result: '符合' });
    expect(first).toMatchObject({ itemKey: key, result: '符合', note: null, fixedOnSpot: false });
    await app.call('inspections:save-answer', { inspectionId: id, itemKey: key, note: '  灭火器在有效期内  ' });
    const third = await app.call('inspections:save-answer', { inspectionId: id, itemKey: key, result: '不符合' });
    expect(third).toMatchObject({ result: '不符合', note: '灭火器在有效期内' });
    // Saving the same value again writes nothing.
    await app.call('inspections:save-answer', { inspectionId: id, itemKey: key, result: '不符合' });
    expect(count(app, 'SELECT count(*) n FROM inspection_answers WHERE inspection_id = ?', id)).toBe(1);
    const audit = auditOf(app, 'inspection-answer');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(JSON.parse(audit[2]?.before_json ?? '{}')).toEqual({ inspectionId: id, itemKey: key, result: '符合' });
    expect(JSON.parse(audit[2]?.after_json ?? '{}')).toEqual({ inspectionId: id, itemKey: key, result: '不符合' });
    // An empty string clears a text field.
    expect(await app.call('inspections:save-answer', { inspectionId: id, itemKey: key, note: '' })).toMatchObject({
      note: null,
    });
  });

  it('keeps the measurement unit of the item and refuses extras an item does not record', async () => {
    const { app, world } = await setup();
    const detail = await startWorldInspection(app, world);
    const id = detail.summary.id;
    const gauge = itemByCode(detail, 'F20');
    expect(gauge.answer).toMatchObject({ extra: 'measurement', unit: 'MPa' });
    expect(
      await app.call('inspections:save-answer', { inspectionId: id, itemKey: gauge.key, measurementValue: 0.62 }),
    ).toMatchObject({
      measurementValue: 0.62,
      measurementUnit: 'MPa',
    });
    const plain = itemByCode(detail, 'F07');
    const before = auditOf(app, 'inspection-answer').length;
    expect(
      await app.raw('inspections:save-answer', { inspectionId: id, itemKey: plain.key, measurementValue: 3 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '「消防设施」第 1 项（F07）不记录测量值' },
    });
    expect(
      await app.raw('inspections:save-answer', { inspectionId: id, itemKey: 'not-an-item', result: '符合' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '该检查项不属于本次检查的检查表' },
    });
    const kitchen = await app.call('checklists:get-template-version', { versionId: world.templateVersionId });
    const kitchenKey = kitchen.snapshot.sections.find((s) => s.title === '食堂厨房')?.items[0]?.key ?? '';
    expect(
      await app.raw('inspections:save-answer', { inspectionId: id, itemKey: kitchenKey, result: '符合' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(
      await app.raw('inspections:save-answer', { inspectionId: id, itemKey: plain.key, result: '合格' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(auditOf(app, 'inspection-answer')).toHaveLength(before);
    expect(count(app, 'SELECT count(*) n FROM inspection_answers WHERE item_key = ?', plain.key)).toBe(0);
  });

  it('lets viewers read but not write', async () => {
    const { app, world } = await setup();
    const detail = await startWorldInspection(app, world);
    await app.call('users:create', {
      username: 'guan',
      password: 'Viewer#2026',
      displayName: '关观察',
      departmentKey: 'civil-affairs',
      role: 'viewer',
    });
    await app.call('auth:sign-out', {});
    await app.call('auth:sign-in', { username: 'guan', password: 'Viewer#2026' });
    expect((await app.call('inspections:get', { inspectionId: detail.summary.id })).summary.id).toBe(detail.summary.id);
    expect(
      await app.raw('inspections:save-answer', {
        inspectionId: detail.summary.id,
        itemKey: itemKeys(detail)[0],
        result: '符合',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('survives a restart: the unfinished inspection and every answer are there when the app reopens', async () => {
    const { app: first, world } = await setup();
    const detail = await startWorldInspection(first, world);
    const keys = itemKeys(detail);
    for (const key of keys.slice(0, 3))
      await first.call('inspections:save-answer', { inspectionId: detail.summary.id, itemKey: key, result: '符合' });
    first.close();
    const reopened = createTestApp({ dataDir: first.dataDir });
    app = reopened;
    await reopened.call('auth:sign-in', { username: ADMIN.username, password: ADMIN.password });
    const [open] = await reopened.call('inspections:list', { status: 'in_progress' });
    expect(open).toMatchObject({ id: detail.summary.id, answered: 3, total: 5 });
  });
});

describe('photos', () => {
  it('stores real JPEGs once, links them to items, and reports a missing file instead of failing', async () => {
    const { app, world } = await setup();
    const detail = await startWorldInspection(app, world);
    const id = detail.summary.id;
    const key = itemByCode(detail, 'F07').key;
    const jpeg = await makeJpeg(1);
    const photo = await app.call('inspections:add-photo', {
      inspectionId: id,
      itemKey: key,
      fileName: 'C:\\照片\\灭火器.jpg',
      base64: b64(jpeg),
    });
    expect(photo).toMatchObject({
      itemKey: key,
      role: 'evidence',
      originalName: '灭火器.jpg',
      width: 640,
      height: 480,
    });
    // The same photo again for the same item changes nothing; for the after-fix role it is a second link.
    expect((await app.call('inspections:add-photo', { inspectionId: id, itemKey: key, base64: b64(jpeg) })).id).toBe(
      photo.id,
    );
    const after = await app.call('inspections:add-photo', {
      inspectionId: id,
      itemKey: key,
      role: 'after-fix',
      base64: b64(jpeg),
    });
    expect(after.photoId).toBe(photo.photoId);
    expect(count(app, 'SELECT count(*) n FROM photos')).toBe(1);
    expect(count(app, 'SELECT count(*) n FROM inspection_photos')).toBe(2);

    const thumb = await app.call('inspections:photo-data', { photoId: photo.photoId, variant: 'thumb' });
    expect(thumb.ok && thumb.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    const stored = app.database.sqlite.prepare('SELECT stored_path AS p FROM photos').get() as { p: string };
    fs.rmSync(path.join(app.dataDir, ...stored.p.split('/')));
    const missing = await app.call('inspections:photo-data', { photoId: photo.photoId, variant: 'full' });
    expect(missing).toMatchObject({ ok: false, problem: 'missing' });
    expect(missing.ok ? '' : missing.message).toContain('照片文件丢失');
    // The detail still loads with the missing file.
    expect((await app.call('inspections:get', { inspectionId: id })).photos).toHaveLength(2);
  });

  it('refuses a broken image and a non-image with a Chinese message, writing nothing', async () => {
    const { app, world } = await setup();
    const detail = await startWorldInspection(app, world);
    const id = detail.summary.id;
    const key = itemKeys(detail)[0] ?? '';
    const jpeg = await makeJpeg(2);
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    const broken = await app.raw('inspections:add-photo', { inspectionId: id, itemKey: key, base64: b64(truncated) });
    expect(broken).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '图片文件已损坏，无法读取' } });
    const text = await app.raw('inspections:add-photo', {
      inspectionId: id,
      itemKey: key,
      fileName: '说明.txt',
      base64: b64(Buffer.from('不是图片')),
    });
    expect(text).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(text.ok ? '' : text.error.message).toContain('不支持的图片格式');
    const garbage = await app.raw('inspections:add-photo', { inspectionId: id, itemKey: key, base64: '%%%%' });
    expect(garbage).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '图片数据格式不正确，请重新选择照片' },
    });
    expect(count(app, 'SELECT count(*) n FROM photos')).toBe(0);
    expect(auditOf(app, 'inspection-photo')).toEqual([]);
  });
});

describe('completion, signatures, finish and amendments', () => {
  it('lists exactly what is missing, by section, number and code', async () => {
    const { app, world } = await setup();
    const detail = await startWorldInspection(app, world);
    const id = detail.summary.id;
    const f07 = itemByCode(detail, 'F07').key;
    const f20 = itemByCode(detail, 'F20').key;
    await app.call('inspections:save-answer', { inspectionId: id, itemKey: f07, result: '符合' });
    await app.call('inspections:save-answer', { inspectionId: id, itemKey: f20, result: '不符合', fixedOnSpot: true });
    const check = await app.call('inspections:completion', { inspectionId: id });
    expect(check.complete).toBe(false);
    expect(check.problems.map((p) => p.message)).toEqual([
      '「消防设施」第 3 项未作答（F11）',
      '「用电安全」第 1、2 项未作答（E01、E02）',
      '「消防设施」第 2 项（F20）判为不符合，请填写问题描述',
      '「消防设施」第 2 项（F20）判为不符合，请填写问题位置（楼栋 / 楼层 / 房间或具体位置）',
      '「消防设施」第 2 项（F20）判为不符合，请填写灭火器压力表读数（MPa）',
      '「消防设施」第 2 项（F20）判为不符合，需要至少一张现场照片',
      '「消防设施」第 2 项（F20）判为不符合，已当场整改，需要至少一张整改后照片',
      `检查人员 ${world.inspectorNames[0]} 尚未签名`,
      `检查人员 ${world.inspectorNames[1]} 尚未签名`,
      '机构陪同人员 钱主任 尚未签名（如拒绝签名，请记录拒签原因和见证人）',
    ]);
    const finish = await app.raw('inspections:finish', { inspectionId: id });
    expect(finish).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(finish.ok ? '' : finish.error.message).toContain('还不能完成检查：「消防设施」第 3 项未作答（F11）');
    expect((await app.call('inspections:get', { inspectionId: id })).summary.status).toBe('in_progress');
  });

  it('records signatures of team members only, and a refusal with reason and witness', async () => {
    const { app, world } = await setup();
    const detail = await startWorldInspection(app, world);
    const id = detail.summary.id;
    const outsider = await app.call('inspectors:create', { name: '吴外人', departmentKey: 'market' });
    const signature = await makeSignaturePng(1);
    expect(
      await app.raw('inspections:sign', {
        inspectionId: id,
        signer: { role: 'inspector', inspectorId: outsider.id },
        pngDataUrl: signature,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '吴外人不是本次检查的检查人员，不能签名' },
    });
    const signed = await app.call('inspections:sign', {
      inspectionId: id,
      signer: { role: 'inspector', inspectorId: world.inspectorIds[0] ?? '' },
      pngDataUrl: signature,
    });
    expect(signed).toMatchObject({ role: 'inspector', signerName: world.inspectorNames[0], refused: false });
    const picture = await app.call('inspections:signature-data', { inspectionId: id, signerKey: signed.signerKey });
    expect(picture.ok && picture.dataUrl).toBe(signature);
    expect(
      await app.raw('inspections:refuse-signature', { inspectionId: id, reason: '拒', witnessName: '' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const refusal = await app.call('inspections:refuse-signature', {
      inspectionId: id,
      reason: '负责人不在现场，陪同人员无权签字',
      witnessName: '孙社工',
    });
    expect(refusal).toMatchObject({
      role: 'representative',
      refused: true,
      refusalReason: '负责人不在现场，陪同人员无权签字',
      witnessName: '孙社工',
      signerName: '钱主任',
    });
    expect(auditOf(app, 'inspection-signature').map((a) => a.action)).toEqual(['sign', 'refuse']);
    const white = await sharp({ create: { width: 100, height: 40, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    const blank = await app.raw('inspections:sign', {
      inspectionId: id,
      signer: { role: 'inspector', inspectorId: world.inspectorIds[1] ?? '' },
      pngDataUrl: `data:image/png;base64,${white.toString('base64')}`,
    });
    expect(blank).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '签名为空，请重新签名' } });
    expect(count(app, 'SELECT count(*) n FROM inspection_signatures')).toBe(2);
  });

  it('finishes: locks the inspection, creates the hazards in the same transaction, then accepts only amendments with a reason', async () => {
    const { app, world } = await setup();
    const detail = await startWorldInspection(app, world);
    const id = detail.summary.id;
    const keys = itemKeys(detail);
    for (const key of keys)
      await app.call('inspections:save-answer', { inspectionId: id, itemKey: key, result: '符合' });
    const f20 = itemByCode(detail, 'F20').key;
    await app.call('inspections:save-answer', {
      inspectionId: id,
      itemKey: f20,
      result: '不符合',
      description: '二楼走廊灭火器压力不足',
      locationBuilding: '1号楼',
      locationFloor: '2层',
      locationText: '东侧走廊',
      measurementValue: 0.4,
      fixedOnSpot: true,
    });
    expect(await app.call('inspections:location-suggestions', { inspectionId: id })).toEqual({
      buildings: ['1号楼'],
      floors: ['2层'],
      rooms: [],
    });
    await app.call('inspections:add-photo', { inspectionId: id, itemKey: f20, base64: b64(await makeJpeg(3)) });
    await app.call('inspections:add-photo', {
      inspectionId: id,
      itemKey: f20,
      role: 'after-fix',
      base64: b64(await makeJpeg(4)),
    });
    for (const [i, inspectorId] of world.inspectorIds.entries()) {
      await app.call('inspections:sign', {
        inspectionId: id,
        signer: { role: 'inspector', inspectorId },
        pngDataUrl: await makeSignaturePng(i),
      });
    }
    await app.call('inspections:sign', {
      inspectionId: id,
      signer: { role: 'representative' },
      pngDataUrl: await makeSignaturePng(9),
    });
    expect(await app.call('inspections:completion', { inspectionId: id })).toEqual({ complete: true, problems: [] });

    const finished = await app.call('inspections:finish', { inspectionId: id });
    expect(finished.summary).toMatchObject({ status: 'finished', answered: 5, nonCompliant: 1 });
    expect(finished.summary.finishedAt).not.toBeNull();
    expect(finished.hazardIds).toHaveLength(1);
    const { hazard } = await app.call('hazards:get', { id: finished.hazardIds[0] ?? '' });
    expect(hazard).toMatchObject({
      sourceInspectionId: id,
      itemKey: f20,
      ruleItemCode: 'F20',
      location: '1号楼 2层 东侧走廊',
      description: '二楼走廊灭火器压力不足',
      measurement: { value: 0.4, unit: 'MPa' },
      fixedOnSpot: true,
    });

    // Locked: answers, photos and signatures no longer change directly.
    const locked = await app.raw('inspections:save-answer', { inspectionId: id, itemKey: f20, note: '补记' });
    expect(locked).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '本次检查已完成并锁定，不能再修改；如需更正，请使用“更正”并填写原因' },
    });
    expect(
      await app.raw('inspections:add-photo', { inspectionId: id, itemKey: f20, base64: b64(await makeJpeg(5)) }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await app.raw('inspections:finish', { inspectionId: id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '本次检查已经完成，无需重复操作' },
    });

    // Amendments: a reason is required; each changed field is recorded with before and after.
    expect(
      await app.raw('inspections:amend', { inspectionId: id, itemKey: f20, patch: { description: '改' }, reason: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await app.raw('inspections:amend', {
        inspectionId: id,
        itemKey: f20,
        patch: { locationBuilding: '1号楼' },
        reason: '核对记录',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '更正后的内容与原记录相同，未作修改' },
    });
    const amended = await app.call('inspections:amend', {
      inspectionId: id,
      itemKey: f20,
      patch: { locationBuilding: '2号楼', measurementValue: 0.35 },
      reason: '楼号记录笔误，复核压力表读数',
    });
    expect(amended.summary.status).toBe('finished');
    expect(amended.answers.find((a) => a.itemKey === f20)).toMatchObject({
      locationBuilding: '2号楼',
      measurementValue: 0.35,
    });
    expect(
      amended.amendments.map((a) => ({
        field: a.field,
        before: a.before,
        after: a.after,
        reason: a.reason,
        byName: a.byName,
      })),
    ).toEqual([
      {
        field: 'measurementValue',
        before: 0.4,
        after: 0.35,
        reason: '楼号记录笔误，复核压力表读数',
        byName: ADMIN.displayName,
      },
      {
        field: 'locationBuilding',
        before: '1号楼',
        after: '2号楼',
        reason: '楼号记录笔误，复核压力表读数',
        byName: ADMIN.displayName,
      },
    ]);
    const amendAudit = auditOf(app, 'inspection-answer').filter((a) => a.action === 'amend');
    expect(amendAudit).toHaveLength(1);
    expect(amendAudit[0]?.reason).toBe('楼号记录笔误，复核压力表读数');
    expect(auditOf(app, 'inspection').map((a) => a.action)).toEqual(['start', 'finish']);
  });

  it('amending an inspection in progress is refused: it can still be edited directly', async () => {
    const { app, world } = await setup();
    const detail = await startWorldInspection(app, world);
    const result = await app.raw('inspections:amend', {
      inspectionId: detail.summary.id,
      itemKey: itemKeys(detail)[0],
      patch: { result: '符合' },
      reason: '补充',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '检查尚未完成，可以直接修改答案，无需更正' },
    });
    expect(count(app, 'SELECT count(*) n FROM inspection_answers')).toBe(0);
  });
});
