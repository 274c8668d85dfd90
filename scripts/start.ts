/**
 * npm start: builds and opens the Electron app. Where no Electron binary is installed (this project's
 * machines cannot download it), it says why and falls back to npm run preview.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

function electronBinary(): string | null {
  try {
    const pkgDir = path.dirname(require.resolve('electron/package.json', { paths: [root] }));
    const pathFile = path.join(pkgDir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const exe = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const passThrough = process.argv.slice(2);
if (binary) {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  // Native modules must match Electron's ABI; tests need Node's, so the rebuild happens only here.
  const rebuild = spawnSync('npx', ['electron-builder', 'install-app-deps'], { cwd: root, stdio: 'inherit' });
  if (rebuild.status !== 0) console.warn('警告：为 Electron 重新编译 better-sqlite3 失败，程序可能无法打开数据库。');
  const run = spawnSync(binary, ['.', ...passThrough], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 0);
} else {
  console.log(
    '未安装 Electron 程序本体（安装时跳过了下载，或本机无法访问其下载地址），改为以预览方式打开：\n' +
      '真实界面在 Chromium 中运行，后台是同一套服务和数据库。\n' +
      '如需桌面版：在能联网的电脑上运行 npm install（不设 ELECTRON_SKIP_BINARY_DOWNLOAD）后再 npm start。',
  );
  const run = spawnSync('npx', ['tsx', path.join(root, 'scripts', 'preview.ts'), ...passThrough], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 0);
}
