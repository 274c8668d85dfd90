import { afterEach, describe, expect, it } from 'vitest';
import { createRegistry, dispatch, type HandlerGroup } from '../../electron/services/registry';
import { appHandlerGroups } from '../../electron/services';
import { AppError } from '../../electron/services/errors';
import { isTrustedSender } from '../../electron/services/sender';
import { ADMIN, createSignedInApp, createTestApp, TEST_ORIGIN, trustedSender, type TestApp } from '../support/services';

let app: TestApp | undefined;

/** All of the app's handlers in one group, with some replaced (a registry refuses a channel handled twice). */
function withOverrides(overrides: HandlerGroup): HandlerGroup {
  return Object.assign({}, ...appHandlerGroups(), overrides) as HandlerGroup;
}
afterEach(() => {
  app?.dispose();
  app = undefined;
});

describe('isTrustedSender', () => {
  it('accepts only our window, main frame and origin', () => {
    expect(isTrustedSender(trustedSender, TEST_ORIGIN)).toBe(true);
    expect(isTrustedSender({ ...trustedSender, isMainFrame: false }, TEST_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...trustedSender, isOurWindow: false }, TEST_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...trustedSender, url: 'https://evil.example/app' }, TEST_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...trustedSender, url: 'app://careinspect.evil/index.html' }, TEST_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...trustedSender, url: 'file:///index.html' }, TEST_ORIGIN)).toBe(false);
    expect(isTrustedSender({ ...trustedSender, url: 'not a url' }, TEST_ORIGIN)).toBe(false);
  });
});

describe('dispatch', () => {
  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    app = createTestApp();
    for (const name of ['nope:nothing', 'NOT A CHANNEL', 42, '__proto__:x', 'constructor']) {
      const result = await app.raw(name as string, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('rejects a foreign sender before looking at the channel', async () => {
    app = createTestApp();
    const result = await app.raw('auth:status', {}, { url: 'https://evil.example/', isMainFrame: true, isOurWindow: true });
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: '拒绝来自非本程序窗口的请求' } });
    const iframe = await app.raw('auth:status', {}, { ...trustedSender, isMainFrame: false });
    expect(iframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('validates input and lists each bad field in Chinese', async () => {
    app = createTestApp();
    const result = await app.raw('auth:setup-admin', { username: 'a', password: 'short', displayName: '', departmentKey: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toContain('用户名至少 2 个字符');
    expect(result.error.message).toContain('密码至少 8 位');
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['displayName', 'password', 'username']);
    const wrongType = await app.raw('towns:list', { includeInactive: 'yes' });
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('enforces roles in the service layer', async () => {
    app = createTestApp();
    expect(await app.raw('users:list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    await app.call('auth:setup-admin', ADMIN);
    await app.call('users:create', { username: 'viewer1', password: 'Viewer#2026', displayName: '李查看', departmentKey: 'fire', role: 'viewer' });
    await app.call('auth:sign-out', {});
    await app.call('auth:sign-in', { username: 'viewer1', password: 'Viewer#2026' });
    expect(await app.raw('users:list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await app.raw('towns:list', {})).toMatchObject({ ok: true });
  });

  it('masks unexpected handler errors and passes AppErrors through', async () => {
    app = await createSignedInApp();
    const base = app.registry;
    const throwing = createRegistry(
      base.deps,
      [
        withOverrides({
          'towns:list': () => {
            throw new TypeError('secret internal detail');
          },
          'departments:list': () => {
            throw new AppError('CONFLICT', '部门数据冲突');
          },
        }),
      ],
      { trustedOrigin: TEST_ORIGIN },
    );
    throwing.session.user = base.session.user;
    const original = console.error;
    console.error = () => undefined;
    try {
      const internal = await dispatch(throwing, 'towns:list', {}, trustedSender);
      expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(JSON.stringify(internal)).not.toContain('secret internal detail');
    } finally {
      console.error = original;
    }
    const known = await dispatch(throwing, 'departments:list', {}, trustedSender);
    expect(known).toEqual({ ok: false, error: { code: 'CONFLICT', message: '部门数据冲突' } });
  });

  it('rejects an output that breaks its schema when output validation is on', async () => {
    app = await createSignedInApp();
    const bad = createRegistry(
      app.registry.deps,
      [withOverrides({ 'departments:list': () => [{ key: 1 }] as never })],
      { trustedOrigin: TEST_ORIGIN, validateOutput: true },
    );
    const original = console.error;
    console.error = () => undefined;
    try {
      expect(await dispatch(bad, 'departments:list', {}, trustedSender)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    } finally {
      console.error = original;
    }
  });

  it('refuses to build a registry with a duplicate, undeclared or missing handler', () => {
    app = createTestApp();
    const deps = app.registry.deps;
    const all = appHandlerGroups();
    expect(() => createRegistry(deps, [...all, { 'towns:list': () => [] }], { trustedOrigin: TEST_ORIGIN })).toThrow(/handled twice/);
    expect(() =>
      createRegistry(deps, [...all, { 'nope:x': () => null } as never], { trustedOrigin: TEST_ORIGIN }),
    ).toThrow(/undeclared/);
    expect(() => createRegistry(deps, all.slice(1), { trustedOrigin: TEST_ORIGIN })).toThrow(/without handler/);
  });
});
