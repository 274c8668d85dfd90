import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/** Path of the Electron binary if one is installed (npm's electron package downloads it at install time). */
function electronBinary(): string | null {
  try {
    const pathFile = path.join(path.dirname(require.resolve('electron/package.json')), 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const exe = path.join(path.dirname(pathFile), 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const mainJs = path.resolve(__dirname, '../../build/electron/main.js');

test.describe('Electron shell smoke', () => {
  test.skip(!binary, 'no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline)');
  test.skip(!fs.existsSync(mainJs), 'main process not built: run npm run build first');

  test('the packaged shell starts, shows the first-start screen and exposes only window.api', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'careinspect-electron-'));
    const app = await electron.launch({ executablePath: binary ?? undefined, args: [mainJs, `--data-dir=${dataDir}`] });
    try {
      const window = await app.firstWindow();
      await expect(window.getByText('首次使用：创建管理员账号')).toBeVisible();
      const exposed = await window.evaluate(() => ({
        api: typeof (window as unknown as { api?: unknown }).api,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({ api: 'object', require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
