import fs from 'node:fs';
import path from 'node:path';

/** Where a saved file ended up (null from the saver means the user cancelled). */
export interface SavedFile {
  path: string;
  bytes: number;
}

/**
 * Saves a generated file (PDF, Excel) for the user. The Electron shell passes one that shows the system save
 * dialog; preview and tests write into the data folder's `exports/`, so nothing depends on Electron here.
 */
export type FileSaver = (suggestedName: string, bytes: Buffer) => Promise<SavedFile | null>;

/** Characters Windows, macOS and Linux all refuse in file names (control characters included, on purpose). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be removed from names
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

/** Makes a user-facing file name (often Chinese) safe on every platform, keeping its extension. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return (cleaned || '未命名').slice(0, 180);
}

/** Writes into `<dataDir>/exports/`, never overwriting: a taken name gets （2）, （3）… */
export function createExportFolderSaver(dataDir: string): FileSaver {
  return async (suggestedName, bytes) => {
    const dir = path.join(dataDir, 'exports');
    await fs.promises.mkdir(dir, { recursive: true });
    const name = safeFileName(suggestedName);
    const ext = path.extname(name);
    const stem = name.slice(0, name.length - ext.length);
    for (let n = 1; ; n++) {
      const candidate = path.join(dir, n === 1 ? name : `${stem}（${n}）${ext}`);
      try {
        await fs.promises.writeFile(candidate, bytes, { flag: 'wx' });
        return { path: candidate, bytes: bytes.length };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  };
}
