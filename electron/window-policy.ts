import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';

/** The origin the renderer is served from; the only one whose main frame may call the services. */
export const APP_ORIGIN = 'app://careinspect';

/** Locked-down window options: isolated, sandboxed, no Node in the renderer, no remote content. */
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    title: '养老机构综合监管检查',
    show: false,
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/** True when a navigation target stays inside the app (hash routes); everything else is denied. */
export function isAllowedNavigation(target: string): boolean {
  try {
    const url = new URL(target);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Reads `--data-dir=…` / `--data-dir …` from the command line, else CAREINSPECT_DATA_DIR, else null. */
export function dataDirFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length) || null;
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1] ?? null;
  }
  return env.CAREINSPECT_DATA_DIR || null;
}

/** The Chinese application menu (no remote help links: the app is offline). */
export function menuTemplate(isMac: boolean, isDev: boolean): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ label: '养老机构综合监管检查', submenu: [{ role: 'about' as const, label: '关于' }, { role: 'quit' as const, label: '退出' }] }] : []),
    {
      label: '文件',
      submenu: [isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
        ...(isDev ? [{ role: 'toggleDevTools' as const, label: '开发者工具' }] : []),
      ],
    },
    { label: '窗口', submenu: [{ role: 'minimize', label: '最小化' }] },
  ];
}
