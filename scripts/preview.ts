/**
 * npm run preview: the real renderer in Debian's Chromium, with the real services behind the same bridge the
 * end-to-end tests use, on a chosen data folder. For machines where the Electron binary cannot run.
 *   npm run preview -- --data-dir ./my-data
 *   CAREINSPECT_DATA_DIR=./my-data npm run preview
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServices } from '../electron/services/bootstrap';
import { dataDirFromArgs } from '../electron/window-policy';
import { attachBridge, BRIDGE_ORIGIN, BRIDGE_START_URL, CHROMIUM_ARGS, CHROMIUM_PATH, RENDERER_DIST } from './bridge';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const dataDir = path.resolve(dataDirFromArgs(process.argv.slice(2), process.env) ?? path.join(root, '.data', 'preview'));
  if (!process.env.DISPLAY && process.platform === 'linux') {
    console.error('没有图形显示（DISPLAY 未设置）。请在图形桌面中运行，或使用虚拟显示：\n  xvfb-run -a npm run preview');
    process.exit(2);
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    console.error(`找不到 Chromium（${CHROMIUM_PATH}）。Debian/Ubuntu：apt-get install -y chromium fonts-noto-cjk`);
    process.exit(2);
  }
  if (!fs.existsSync(path.join(RENDERER_DIST, 'index.html'))) {
    console.log('正在构建界面（npm run build:renderer）…');
    execFileSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const services = startServices({
    dataDir,
    resourcesDir: path.join(root, 'resources'),
    appVersion: `${pkg.version}-preview`,
    trustedOrigin: BRIDGE_ORIGIN,
    validateOutput: true,
  });
  console.log(`数据文件夹：${dataDir}`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: [...CHROMIUM_ARGS, '--app=about:blank', '--window-size=1366,860'],
  });
  const context = await browser.newContext({ viewport: null, locale: 'zh-CN' });
  const page = await context.newPage();
  await attachBridge(page, services.registry);
  await page.goto(BRIDGE_START_URL);
  console.log('预览已打开；关闭浏览器窗口即退出。');
  await new Promise<void>((resolve) => {
    page.on('close', () => resolve());
    browser.on('disconnected', () => resolve());
  });
  await browser.close().catch(() => undefined);
  services.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
