import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, hazardPhotos } from '../../../db/schema';
import type { TestApp } from '../../support/services';
import { adHocHazard, createHazardApp, insertInspection, signInAs, type HazardWorld } from './support';

let app: TestApp;
let world: HazardWorld;

beforeEach(async () => {
  ({ app, world } = await createHazardApp());
});
afterEach(() => app.dispose());

/** A real JPEG of one colour, as a phone would give it (base64, as the renderer sends it). */
async function jpeg(background: string): Promise<string> {
  const bytes = await sharp({ create: { width: 640, height: 480, channels: 3, background } })
    .jpeg({ quality: 85 })
    .toBuffer();
  return bytes.toString('base64');
}

async function upload(colour: string, fileName: string): Promise<string> {
  const uploaded = await app.call('hazards:upload-photo', { base64: await jpeg(colour), fileName });
  expect(uploaded.thumbDataUrl).toMatch(/^data:image\/jpeg;base64,/);
  return uploaded.photoId;
}

describe('photos of the rectification report and the verification', () => {
  it('uploads (audited, deduplicated), links after-photos and documents to the report and verification events', async () => {
    await signInAs(app, 'li');
    const hazard = (await app.call('hazards:create', adHocHazard(world))).hazard;
    await app.call('hazards:transition', { hazardId: hazard.id, action: 'start' });

    const after = await upload('#2a9d8f', '整改后.jpg');
    const doc = await upload('#e9c46a', '整改材料.jpg');
    // The same original again answers the same photo, without a second row or audit record.
    expect(await upload('#2a9d8f', '再次选择.jpg')).toBe(after);
    const audits = app.registry.deps.db.select().from(auditLog).where(eq(auditLog.entity, 'photo')).all();
    expect(audits.map((a) => [a.entityId, a.action])).toEqual([
      [after, 'upload-hazard'],
      [doc, 'upload-hazard'],
    ]);

    const reported = await app.call('hazards:transition', {
      hazardId: hazard.id,
      action: 'report',
      text: '已清除走道堆放物',
      photoIds: [after],
      documentIds: [doc],
    });
    const reportEvent = reported.events.at(-1);
    expect(reportEvent?.kind).toBe('report');

    await signInAs(app, 'zhou');
    const verifyPhoto = await upload('#264653', '复查照片.jpg');
    const closed = await app.call('hazards:transition', {
      hazardId: hazard.id,
      action: 'verify-pass',
      method: '照片核验',
      photoIds: [verifyPhoto],
    });
    expect(closed.hazard.state).toBe('closed');
    const verifyEvent = closed.events.at(-1);
    expect(verifyEvent?.kind).toBe('verify-pass');
    // What the drawer gets: each photo with its role and the history entry it belongs to.
    expect(closed.hazard.photos).toEqual([
      { photoId: after, role: 'after', eventId: reportEvent?.id },
      { photoId: doc, role: 'document', eventId: reportEvent?.id },
      { photoId: verifyPhoto, role: 'after', eventId: verifyEvent?.id },
    ]);

    // And it can show them: thumbnail and full copy, also to a viewer-level read.
    const thumb = await app.call('hazards:photo-data', { photoId: after, thumb: true });
    const full = await app.call('hazards:photo-data', { photoId: after, thumb: false });
    expect(thumb).toMatchObject({ ok: true });
    expect(full).toMatchObject({ ok: true });
    if (!thumb.ok || !full.ok) throw new Error('photo not readable');
    expect(thumb.dataUrl.length).toBeLessThan(full.dataUrl.length);
  });

  it('refuses garbage and unknown ids in Chinese, writing nothing', async () => {
    await signInAs(app, 'li');
    const before = app.registry.deps.db.select().from(auditLog).all().length;
    const bad = await app.raw('hazards:upload-photo', { base64: '这不是图片' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '图片数据格式不正确，请重新选择照片' },
    });
    const notImage = await app.raw('hazards:upload-photo', { base64: Buffer.from('hello world!').toString('base64') });
    expect(notImage.ok).toBe(false);
    if (!notImage.ok) expect(notImage.error.message).toMatch(/[\u4e00-\u9fff]/);
    const missing = await app.raw('hazards:photo-data', { photoId: '0190f6a0-0000-7000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(app.registry.deps.db.select().from(auditLog).all().length).toBe(before);
  });

  it('is not open to viewers for upload', async () => {
    await app.call('users:create', {
      username: 'viewer1',
      password: 'Inspect#2026',
      displayName: '只读',
      departmentKey: 'fire',
      role: 'viewer',
    });
    await app.call('auth:sign-out', {});
    await app.call('auth:sign-in', { username: 'viewer1', password: 'Inspect#2026' });
    const refused = await app.raw('hazards:upload-photo', { base64: await jpeg('#000000') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('recheck of a hazard already 待复查', () => {
  it('attaches the after-photos to the closing event when a second inspector rechecks it as rectified', async () => {
    await signInAs(app, 'li');
    const hazard = (await app.call('hazards:create', adHocHazard(world))).hazard;
    await app.call('hazards:transition', { hazardId: hazard.id, action: 'report', text: '机构称已整改' });
    const inspectionId = insertInspection(app.registry.deps, world.institutionId, world.userIds.li);

    await signInAs(app, 'zhou');
    const photoId = await upload('#8ab17d', '复查现场.jpg');
    const result = await app.call('hazards:record-recheck', {
      hazardId: hazard.id,
      inspectionId,
      result: 'rectified',
      note: '现场已清理',
      photoIds: [photoId],
    });
    expect(result).toMatchObject({ outcome: 'closed', hazard: { state: 'closed' } });
    const detail = await app.call('hazards:get', { id: hazard.id });
    const closing = detail.events.at(-1);
    expect(closing).toMatchObject({ kind: 'verify-pass', toState: 'closed', method: '现场复查', inspectionId });
    const links = app.registry.deps.db
      .select({ photoId: hazardPhotos.photoId, role: hazardPhotos.role, eventId: hazardPhotos.eventId })
      .from(hazardPhotos)
      .where(eq(hazardPhotos.hazardId, hazard.id))
      .all();
    expect(links).toEqual([{ photoId, role: 'after', eventId: closing?.id }]);
  });

  it('keeps the photos on the recheck event (not twice) when the hazard was not yet 待复查', async () => {
    await signInAs(app, 'li');
    const hazard = (await app.call('hazards:create', adHocHazard(world))).hazard;
    const inspectionId = insertInspection(app.registry.deps, world.institutionId, world.userIds.li);
    await signInAs(app, 'zhou');
    const photoId = await upload('#b5838d', '复查.jpg');
    await app.call('hazards:record-recheck', {
      hazardId: hazard.id,
      inspectionId,
      result: 'rectified',
      note: '',
      photoIds: [photoId],
    });
    const detail = await app.call('hazards:get', { id: hazard.id });
    const recheck = detail.events.find((e) => e.kind === 'recheck');
    expect(detail.hazard.state).toBe('closed');
    expect(detail.hazard.photos).toEqual([{ photoId, role: 'after', eventId: recheck?.id }]);
  });
});
