import { test as base, expect, type Page } from '@playwright/test';
import { attachBridge, BRIDGE_ORIGIN, BRIDGE_START_URL } from '../../../scripts/bridge';
import { ADMIN, createTestApp, type TestApp } from '../../support/services';

/** The fixtures every story gets: real services on a fresh SQLite file and the built renderer bridged to them. */
export const test = base.extend<{ app: TestApp; appPage: Page; signedInPage: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from a destructured first argument.
  app: async ({}, use) => {
    const app = createTestApp();
    // The bridge origin is the renderer's origin in these tests, so the registry must trust it.
    app.registry.trustedOrigin = BRIDGE_ORIGIN;
    await use(app);
    app.dispose();
  },
  appPage: async ({ page, app }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await attachBridge(page, app.registry);
    await page.goto(BRIDGE_START_URL);
    await use(page);
    // Close the page before the app fixture closes the database, so no late query hits a closed connection.
    await page.close();
    expect(errors, 'uncaught errors in the renderer').toEqual([]);
  },
  /** The app with the administrator (tests/support ADMIN, 王管理) created and signed in, on the main frame. */
  signedInPage: async ({ appPage, app }, use) => {
    await app.call('auth:setup-admin', ADMIN);
    await appPage.reload();
    await expect(appPage.getByLabel('当前用户')).toContainText(ADMIN.displayName);
    await use(appPage);
  },
});

export { expect };
