import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { IPC_TRANSPORT_CHANNEL } from '../../electron/api/contract';
import { createExportFolderSaver, safeFileName } from '../../electron/services/file-saver';
import { contentTypeFor, CONTENT_SECURITY_POLICY, resolveStaticPath } from '../../electron/static-files';
import { APP_ORIGIN, dataDirFromArgs, isAllowedNavigation, menuTemplate, secureWindowOptions } from '../../electron/window-policy';

const root = path.resolve('/srv/app/renderer');

describe('app:// static files', () => {
  it('serves files inside the renderer folder and index.html for /', () => {
    expect(resolveStaticPath(root, 'app://careinspect/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, 'app://careinspect/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveStaticPath(root, 'app://careinspect/index.html#/settings')).toBe(path.join(root, 'index.html'));
  });

  it('refuses every path that escapes the folder', () => {
    for (const url of [
      'app://careinspect/../../etc/passwd',
      'app://careinspect/%2e%2e/%2e%2e/etc/passwd',
      'app://careinspect/assets/..%2f..%2f..%2fetc/passwd',
      'app://careinspect/%00index.html',
      'app://careinspect/..%5c..%5cwindows',
      'not a url',
    ]) {
      const resolved = resolveStaticPath(root, url);
      if (resolved !== null) expect(resolved.startsWith(root + path.sep)).toBe(true);
    }
    // Encoded slashes survive URL parsing and would climb out after decoding: refused outright.
    expect(resolveStaticPath(root, 'app://careinspect/assets/..%2f..%2f..%2fetc/passwd')).toBeNull();
    expect(resolveStaticPath(root, 'app://careinspect/%00index.html')).toBeNull();
  });

  it('names content types and sends a strict CSP', () => {
    expect(contentTypeFor('a.js')).toContain('javascript');
    expect(contentTypeFor('a.css')).toContain('text/css');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

describe('window policy', () => {
  it('locks the renderer down', () => {
    const prefs = secureWindowOptions('/x/preload.js').webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('allows navigation only within app://careinspect', () => {
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html#/settings`)).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://other/index.html')).toBe(false);
    expect(isAllowedNavigation('garbage')).toBe(false);
  });

  it('reads the data folder from --data-dir or CAREINSPECT_DATA_DIR', () => {
    expect(dataDirFromArgs(['electron', '.', '--data-dir=/d1'], {})).toBe('/d1');
    expect(dataDirFromArgs(['electron', '.', '--data-dir', '/d2'], {})).toBe('/d2');
    expect(dataDirFromArgs(['electron', '.'], { CAREINSPECT_DATA_DIR: '/d3' })).toBe('/d3');
    expect(dataDirFromArgs(['electron', '.'], {})).toBeNull();
  });

  it('has a Chinese menu without developer tools in production', () => {
    const menu = menuTemplate(false, false);
    expect(menu.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口']);
    expect(JSON.stringify(menu)).not.toContain('toggleDevTools');
    expect(JSON.stringify(menuTemplate(false, true))).toContain('toggleDevTools');
  });
});

describe('preload', () => {
  it('uses the contract transport channel and exposes exactly one object', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../electron/preload.ts'), 'utf8');
    expect(source).toContain(`'${IPC_TRANSPORT_CHANNEL}'`);
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).not.toMatch(/require\(|from '\.\.?\//);
  });

  it('wires IPC in exactly one place in main.ts, through dispatch', () => {
    const main = fs.readFileSync(path.resolve(__dirname, '../../electron/main.ts'), 'utf8');
    expect(main.match(/ipcMain\.(handle|on)\(/g)).toEqual(['ipcMain.handle(']);
    expect(main).toContain('dispatch(running.registry');
  });
});

describe('file saver (preview and tests)', () => {
  it('writes into exports/ with a safe name and never overwrites', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careinspect-saver-'));
    try {
      expect(safeFileName('浦东/某某:养老院*整改通知书?.pdf')).toBe('浦东_某某_养老院_整改通知书_.pdf');
      const save = createExportFolderSaver(dir);
      const first = await save('某养老院_整改通知书_001.pdf', Buffer.from('a'));
      const second = await save('某养老院_整改通知书_001.pdf', Buffer.from('bb'));
      expect(path.basename(first?.path ?? '')).toBe('某养老院_整改通知书_001.pdf');
      expect(path.basename(second?.path ?? '')).toBe('某养老院_整改通知书_001（2）.pdf');
      expect(fs.readFileSync(first?.path ?? '', 'utf8')).toBe('a');
      expect(second?.bytes).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
