/**
 * Child process of the crash test: opens the data folder the parent prepared, signs in and saves answers
 * through the real registry, printing `ack <n>` after each save the registry acknowledged. The parent kills it
 * with SIGKILL at a random point; nothing here cleans up, on purpose.
 *
 * Usage: tsx tests/services/inspections/crash-child.ts <dataDir> <inspectionId> <count>
 */
import fs from 'node:fs';
import path from 'node:path';
import { startServices } from '../../../electron/services/bootstrap';
import { dispatch } from '../../../electron/services/registry';
import { ADMIN, repoRoot, TEST_ORIGIN, trustedSender } from '../../support/services';

const results = ['符合', '不符合', '不适用'] as const;

async function main(): Promise<void> {
  const [dataDir, inspectionId, countText] = process.argv.slice(2);
  if (!dataDir || !inspectionId) throw new Error('usage: crash-child <dataDir> <inspectionId> <count>');
  const count = Number(countText ?? '1000');
  // The production clock and id source: this is the app as it runs on a laptop, not a test double.
  const services = startServices({
    dataDir,
    resourcesDir: path.join(repoRoot, 'resources'),
    appVersion: '0.0.0-crash',
    trustedOrigin: TEST_ORIGIN,
  });
  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const result = await dispatch(services.registry, channel, input, trustedSender);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  await call('auth:sign-in', { username: ADMIN.username, password: ADMIN.password });
  const detail = (await call('inspections:get', { inspectionId })) as {
    sections: Array<{ items: Array<{ key: string }> }>;
  };
  const keys = detail.sections.flatMap((s) => s.items.map((i) => i.key));
  fs.writeSync(1, `ready ${keys.length}\n`);
  for (let n = 0; n < count; n++) {
    const itemKey = keys[n % keys.length] ?? '';
    await call('inspections:save-answer', {
      inspectionId,
      itemKey,
      result: results[n % results.length],
      note: `save-${n}`,
    });
    // Synchronous write: the line is in the pipe before the next save starts, so an ack is never lost in a buffer.
    fs.writeSync(1, `ack ${n}\n`);
  }
  fs.writeSync(1, 'done\n');
}

main().catch((error: unknown) => {
  fs.writeSync(2, `${String(error)}\n`);
  process.exit(1);
});
