/**
 * Deterministic demo data for screenshots, previews and benchmarks: the same seed always gives the same
 * records. Everything goes through the real service registry, so demo data obeys the same rules (and leaves
 * the same audit trail) as data entered by hand.
 */
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/api';
import { createDemoInstitutions } from './institutions';

/** Calls a channel and returns its value (throws with the service's Chinese message on failure). */
export type DemoCall = <K extends ChannelName>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;

/** The demo administrator (also used to sign in for screenshots). */
export const DEMO_ADMIN = { username: 'admin', password: 'Admin#2026', displayName: '王建国', departmentKey: 'civil-affairs' };

/** Demo accounts of the joint-supervision departments. */
export const DEMO_USERS = [
  { username: 'lihua', password: 'Inspect#2026', displayName: '李华', departmentKey: 'civil-affairs', role: 'inspector' },
  { username: 'zhangqiang', password: 'Inspect#2026', displayName: '张强', departmentKey: 'fire', role: 'inspector' },
  { username: 'chenjing', password: 'Inspect#2026', displayName: '陈静', departmentKey: 'market', role: 'inspector' },
  { username: 'zhaolei', password: 'Inspect#2026', displayName: '赵磊', departmentKey: 'construction', role: 'inspector' },
  { username: 'sunmin', password: 'Viewer#2026', displayName: '孙敏', departmentKey: 'health', role: 'viewer' },
] as const;

/** Fills an empty database with demo accounts and `institutions` demo institutions (default 40), signed in as the demo administrator. */
export async function populateDemo(call: DemoCall, options: { seed?: number; institutions?: number } = {}): Promise<void> {
  const seed = options.seed ?? 2026;
  const status = await call('auth:status', {});
  if (status.needsSetup) await call('auth:setup-admin', DEMO_ADMIN);
  else if (!status.user) await call('auth:sign-in', { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password });
  const existing = new Set((await call('users:list', {})).map((u) => u.username));
  for (const u of DEMO_USERS) if (!existing.has(u.username)) await call('users:create', { ...u });
  const { total } = await call('institutions:list', { page: 1, pageSize: 1 });
  if (total === 0) await createDemoInstitutions(call, options.institutions ?? 40, seed);
}
