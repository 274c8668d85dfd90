import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput, ApiResult } from '../../electron/api';
import { startServices, type RunningServices } from '../../electron/services/bootstrap';
import { createFixedClock } from '../../electron/services/clock';
import { createSeededIdSource } from '../../electron/services/ids';
import { dispatch } from '../../electron/services/registry';
import type { SenderInfo } from '../../electron/services/sender';

/** Origin the test registry trusts; the same one the Electron shell uses. */
export const TEST_ORIGIN = 'app://careinspect';

/** A sender that passes the trust check. */
export const trustedSender: SenderInfo = { url: `${TEST_ORIGIN}/index.html#/`, isMainFrame: true, isOurWindow: true };

/** Repository root, for bundled resources. */
export const repoRoot = path.resolve(__dirname, '../..');

/** A fresh service layer on a real SQLite file in a temp folder, with a fixed clock and deterministic ids. */
export interface TestApp extends RunningServices {
  dataDir: string;
  clock: ReturnType<typeof createFixedClock>;
  /** Calls a channel through the real dispatcher and returns the raw answer. */
  raw: (channel: string, input: unknown, sender?: SenderInfo) => Promise<ApiResult<unknown>>;
  /** Calls a channel and returns its value, failing the test with the error message otherwise. */
  call: <K extends ChannelName>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;
  /** Removes the temp folder. */
  dispose: () => void;
}

let instances = 0;

/**
 * Starts a test app; pass `dataDir` to reopen an existing folder (restart scenarios). Each instance gets its
 * own id seed, so a reopened database never sees the ids of its previous run again.
 */
export function createTestApp(options: { dataDir?: string; seed?: number; start?: Date } = {}): TestApp {
  instances += 1;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'careinspect-test-'));
  const clock = createFixedClock(options.start ?? new Date('2026-03-02T01:30:00.000Z'), 1);
  const services = startServices({
    dataDir,
    resourcesDir: path.join(repoRoot, 'resources'),
    appVersion: '0.0.0-test',
    trustedOrigin: TEST_ORIGIN,
    validateOutput: true,
    clock,
    newId: createSeededIdSource(options.seed ?? 42 + instances, clock),
  });
  // The test process speaks as the app's own window, whatever origin the registry trusts (bridge or app://).
  const ownSender = (): SenderInfo => ({ ...trustedSender, url: `${services.registry.trustedOrigin}/index.html#/` });
  const raw = (channel: string, input: unknown, sender: SenderInfo = ownSender()) =>
    dispatch(services.registry, channel, input, sender);
  const call = async <K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> => {
    const result = await raw(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value as ChannelOutput<K>;
  };
  return {
    ...services,
    dataDir,
    clock,
    raw,
    call,
    dispose: () => {
      services.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Default administrator used by tests. */
export const ADMIN = { username: 'admin', password: 'Admin#2026', displayName: '王管理', departmentKey: 'civil-affairs' };

/** Starts a test app with the administrator created and signed in. */
export async function createSignedInApp(options: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
  const app = createTestApp(options);
  await app.call('auth:setup-admin', ADMIN);
  return app;
}
