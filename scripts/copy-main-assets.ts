/** After tsc compiles main/preload into build/, copies what they read at run time beside them (migrations). */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
fs.cpSync(path.join(root, 'db', 'migrations'), path.join(root, 'build', 'db', 'migrations'), { recursive: true });
console.log('copied db/migrations → build/db/migrations');
