/**
 * Runs the real built renderer in Chromium with `window.api` bridged to the real service registry in this
 * Node process: the transport used by `npm run preview`, the screenshots and the end-to-end tests where no
 * Electron binary exists. Not shipped in the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { contentTypeFor, CONTENT_SECURITY_POLICY, resolveStaticPath } from '../electron/static-files';
import { dispatch, type Registry } from '../electron/services/registry';

/** Origin the bridged renderer is served from (intercepted, never reaches the network). */
export const BRIDGE_ORIGIN = 'http://careinspect.local';

/** Flags Debian's Chromium needs on these machines (root, no GPU, closed network). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium, or the one named by CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The built renderer folder (npm run build:renderer). */
export const RENDERER_DIST = path.resolve(__dirname, '..', 'renderer', 'dist');

// Passed as a string: under tsx a function would be rewritten with helpers the page does not have.
const INIT_SCRIPT = `
  Object.defineProperty(window, 'api', {
    value: Object.freeze({ invoke: (channel, input) => window.__careinspectInvoke(channel, input) }),
    writable: false,
    configurable: false,
  });
`;

/** Serves the renderer, exposes the registry as `window.api`, and opens the app in `page`. */
export async function attachBridge(page: Page, registry: Registry, rendererDist = RENDERER_DIST): Promise<void> {
  if (!fs.existsSync(path.join(rendererDist, 'index.html'))) {
    throw new Error(`找不到已构建的界面（${rendererDist}）：请先运行 npm run build:renderer`);
  }
  await page.route(`${BRIDGE_ORIGIN}/**`, async (route) => {
    const file = resolveStaticPath(rendererDist, route.request().url());
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      await route.fulfill({ status: 404, body: 'not found' });
      return;
    }
    await route.fulfill({
      status: 200,
      headers: { 'content-type': contentTypeFor(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
      body: fs.readFileSync(file),
    });
  });
  // Anything else the page tries to load (remote content) is refused, as in the Electron shell.
  await page.route(
    (url) => !url.href.startsWith(BRIDGE_ORIGIN) && !url.protocol.startsWith('data') && !url.protocol.startsWith('blob'),
    (route) => route.abort('blockedbyclient'),
  );
  await page.exposeBinding('__careinspectInvoke', (source, channel: unknown, input: unknown) =>
    dispatch(registry, channel, input, {
      url: source.frame.url(),
      isMainFrame: source.frame === source.page.mainFrame(),
      isOurWindow: source.page === page,
    }),
  );
  await page.addInitScript(INIT_SCRIPT);
}

/** URL of the app's start page on the bridge origin. */
export const BRIDGE_START_URL = `${BRIDGE_ORIGIN}/index.html`;
