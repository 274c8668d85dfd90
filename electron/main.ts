import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { IPC_TRANSPORT_CHANNEL } from './api/contract';
import { startServices, type RunningServices } from './services/bootstrap';
import { safeFileName } from './services/file-saver';
import { dispatch } from './services/registry';
import { contentTypeFor, CONTENT_SECURITY_POLICY, resolveStaticPath } from './static-files';
import { APP_ORIGIN, dataDirFromArgs, isAllowedNavigation, menuTemplate, secureWindowOptions } from './window-policy';

// app:// must be registered as privileged before the app is ready so it behaves like a secure origin.
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false } },
]);

const isDev = !app.isPackaged;
const rootDir = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(rootDir, 'renderer', 'dist');
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(rootDir, 'resources');

let mainWindow: BrowserWindow | null = null;
let services: RunningServices | null = null;

function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const file = resolveStaticPath(rendererDir, request.url);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return new Response('not found', { status: 404 });
    return new Response(await fs.promises.readFile(file), {
      headers: { 'content-type': contentTypeFor(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
}

function lockDown(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(preloadPath: string): BrowserWindow {
  const win = new BrowserWindow(secureWindowOptions(preloadPath));
  lockDown(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function wireIpc(running: RunningServices): void {
  // The one place IPC is wired: every call goes through dispatch(), which checks sender, role and input.
  ipcMain.handle(IPC_TRANSPORT_CHANNEL, (event, channel: unknown, input: unknown) => {
    const frame = event.senderFrame;
    return dispatch(running.registry, channel, input, {
      url: frame?.url ?? '',
      isMainFrame: frame !== null && frame === event.sender.mainFrame,
      isOurWindow: mainWindow !== null && event.sender.id === mainWindow.webContents.id,
    });
  });
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
  await app.whenReady();
  // No permission (camera, geolocation, notifications …) is ever granted to the renderer.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin', isDev)));
  serveRenderer();

  const dataDir = dataDirFromArgs(process.argv, process.env) ?? path.join(app.getPath('userData'), 'data');
  try {
    services = startServices({
      dataDir,
      resourcesDir,
      appVersion: app.getVersion(),
      trustedOrigin: APP_ORIGIN,
      saveFile: async (suggestedName, bytes) => {
        const options = { defaultPath: path.join(app.getPath('documents'), safeFileName(suggestedName)) };
        const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return null;
        await fs.promises.writeFile(choice.filePath, bytes);
        return { path: choice.filePath, bytes: bytes.length };
      },
    });
  } catch (error) {
    dialog.showErrorBox('无法打开数据库', error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  wireIpc(services);
  mainWindow = createWindow(path.join(__dirname, 'preload.js'));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => services?.close());
}

void main();
