import { createSignedInApp, createTestApp, type TestApp } from '../../support/services';

/** A signed-in test app; startServices has seeded the 检查表 module (rule library, rule set, four templates). */
export async function createChecklistApp(): Promise<TestApp> {
  const app = createTestApp();
  await app.call('auth:setup-admin', {
    username: 'admin',
    password: 'Admin#2026',
    displayName: '王管理',
    departmentKey: 'civil-affairs',
  });
  return app;
}

export { createSignedInApp };

/** Signs in a second account with the given role (created by the signed-in administrator). */
export async function signInAs(app: TestApp, role: 'viewer' | 'inspector'): Promise<void> {
  const username = `${role}1`;
  await app.call('users:create', {
    username,
    password: 'Passw0rd!',
    displayName: `${role}用户`,
    departmentKey: 'fire',
    role,
  });
  await app.call('auth:sign-out', {});
  await app.call('auth:sign-in', { username, password: 'Passw0rd!' });
}
