import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createSignedInApp, createTestApp, type TestApp } from '../support/services';

let app: TestApp | undefined;
afterEach(() => {
  app?.dispose();
  app = undefined;
});

describe('reference data', () => {
  it('loads the 36 Pudong towns and the six departments on first start', async () => {
    app = await createSignedInApp();
    const towns = await app.call('towns:list', {});
    expect(towns).toHaveLength(36);
    expect(towns.filter((t) => t.kind === '街道')).toHaveLength(12);
    expect(towns.filter((t) => t.kind === '镇')).toHaveLength(24);
    expect(towns.map((t) => t.name)).toEqual(expect.arrayContaining(['潍坊新村街道', '花木街道', '川沙新镇', '南汇新城镇']));
    expect(new Set(towns.map((t) => t.district))).toEqual(new Set(['浦东新区']));
    const departments = await app.call('departments:list', {});
    expect(departments.map((d) => d.shortZh)).toEqual(['民政', '消防救援', '市场监管', '住建', '卫健', '发改']);
  });

  it('does not reseed or overwrite an edited town on restart', async () => {
    app = await createSignedInApp();
    const [first] = await app.call('towns:list', {});
    if (!first) throw new Error('no towns');
    await app.call('towns:update', { id: first.id, isActive: false });
    const dataDir = app.dataDir;
    app.close();
    const reopened = createTestApp({ dataDir });
    app = reopened;
    await reopened.call('auth:sign-in', { username: 'admin', password: 'Admin#2026' });
    expect(await reopened.call('towns:list', {})).toHaveLength(35);
    expect(await reopened.call('towns:list', { includeInactive: true })).toHaveLength(36);
    const log = await reopened.call('audit:list', { entity: 'town', entityId: first.id });
    expect(log[0]).toMatchObject({ action: 'update', before: { isActive: true }, after: { isActive: false } });
  });

  it('rejects a wrongly typed filter with INVALID_INPUT', async () => {
    app = await createSignedInApp();
    expect(await app.raw('towns:list', { includeInactive: 'yes' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('settings', () => {
  it('reports the data folder, schema version and database size', async () => {
    app = await createSignedInApp();
    const info = await app.call('system:info', {});
    expect(info.dataDir).toBe(app.dataDir);
    expect(info.databasePath.startsWith(app.dataDir)).toBe(true);
    expect(fs.existsSync(info.databasePath)).toBe(true);
    expect(info.databaseSizeBytes).toBeGreaterThan(4096);
    expect(info.schemaVersion).toMatch(/^\d{4}_/);
    expect(info.migrationCount).toBeGreaterThan(0);
  });

  it('defaults to zh-CN and keeps a language switch across restarts, audited', async () => {
    app = await createSignedInApp();
    expect(await app.call('settings:get-language', {})).toEqual({ language: 'zh-CN' });
    await app.call('settings:set-language', { language: 'en-US' });
    const dataDir = app.dataDir;
    app.close();
    app = createTestApp({ dataDir });
    expect(await app.call('settings:get-language', {})).toEqual({ language: 'en-US' });
    expect(await app.raw('settings:set-language', { language: 'fr-FR' })).toMatchObject({ ok: false });
    const rows = app.database.sqlite.prepare("SELECT actor_name FROM audit_log WHERE entity = 'setting'").all();
    expect(rows).toEqual([{ actor_name: '王管理' }]);
  });
});
