import { count } from 'drizzle-orm';
import { auditLog, checklistTemplateVersions, hazardEvents, inspections } from '../../../db/schema';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/api';
import { seedChecklists } from '../../../electron/services/checklists/seed';
import { buildUscc } from '../../../electron/services/institutions/uscc';
import type { CallContext } from '../../../electron/services/context';
import type { ServiceDeps } from '../../../electron/services/context';
import { ADMIN, createSignedInApp, type TestApp } from '../../support/services';

/** Anything that calls channels through the real dispatcher (the service test app, the e2e app). */
export interface Caller {
  call: <K extends ChannelName>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;
}

/** Accounts of the stories: the administrator plus two inspectors. */
export const USERS = {
  admin: { username: ADMIN.username, password: ADMIN.password, displayName: ADMIN.displayName },
  li: { username: 'lijian', password: 'Inspect#2026', displayName: '李检查' },
  zhou: { username: 'zhoufu', password: 'Inspect#2026', displayName: '周复核' },
} as const;

/** Which account. */
export type UserKey = keyof typeof USERS;

/** A hazard world: an institution in a town, two inspector accounts, and the user ids by key. */
export interface HazardWorld {
  institutionId: string;
  institutionName: string;
  townId: string;
  userIds: Record<UserKey, string>;
}

/** Creates an institution through the institutions channel. */
export async function createInstitution(
  app: Caller,
  name: string,
  orgBody: string,
  townIndex = 0,
): Promise<{ id: string; townId: string }> {
  const towns = await app.call('towns:list', {});
  const town = towns[townIndex];
  if (!town) throw new Error('no towns seeded');
  const created = await app.call('institutions:create', {
    name,
    uscc: buildUscc({ authority: '5', type: '2', area: '310115', orgBody }),
    licenceNo: null,
    licenceDate: null,
    address: '上海市浦东新区康乐路 88 号',
    townId: town.id,
    type: '民办',
    bedCount: 120,
    residentsSelfCare: 30,
    residentsSemiDisabled: 40,
    residentsDisabled: 20,
    residentsDementia: 10,
    legalRepresentative: '赵院长',
    contactPerson: '钱主任',
    contactPhone: '021-58881234',
    fireSafetyResponsible: null,
    fireSafetyManager: null,
    buildingYear: 2008,
    buildingStoreys: 5,
    buildingStructure: null,
    buildingShared: false,
    hasCanteen: false,
    hasClinic: false,
    hasLifts: true,
    hasPipedGas: false,
    hasLpg: false,
    hasOxygen: false,
    hasEbikeParking: false,
    arcFaultDetection: false,
    arcFaultDetectionDate: null,
    electricalFireMonitoring: false,
    electricalFireMonitoringDate: null,
    status: '运营',
    notes: null,
  });
  return { id: created.id, townId: town.id };
}

/** Creates the two inspector accounts (the administrator stays signed in). */
export async function createInspectorAccounts(app: Caller): Promise<{ li: string; zhou: string }> {
  const li = await app.call('users:create', { ...USERS.li, departmentKey: 'civil-affairs', role: 'inspector' });
  const zhou = await app.call('users:create', { ...USERS.zhou, departmentKey: 'fire', role: 'inspector' });
  return { li: li.id, zhou: zhou.id };
}

/** A signed-in test app with an institution and the two inspector accounts; the administrator is signed in. */
export async function createHazardApp(): Promise<{ app: TestApp; world: HazardWorld }> {
  const app = await createSignedInApp();
  const institution = await createInstitution(app, '浦东新区康乐养老院', '12345678');
  const { li, zhou } = await createInspectorAccounts(app);
  const status = await app.call('auth:status', {});
  const adminId = status.user?.id;
  if (!adminId) throw new Error('admin not signed in');
  return {
    app,
    world: {
      institutionId: institution.id,
      institutionName: '浦东新区康乐养老院',
      townId: institution.townId,
      userIds: { admin: adminId, li, zhou },
    },
  };
}

/** Signs in as one of the story's accounts (signing out whoever is signed in). */
export async function signInAs(app: Caller, who: UserKey): Promise<void> {
  await app.call('auth:sign-out', {});
  await app.call('auth:sign-in', { username: USERS[who].username, password: USERS[who].password });
}

/**
 * A finished inspection row of the institution, so hazards can cite their source inspection. Written directly:
 * the inspection module's own start/finish flow is tested there; here only the reference matters. The shipped
 * templates and the major-hazard rule set are loaded first (idempotent, as on every start).
 */
export function insertInspection(deps: ServiceDeps, institutionId: string, userId: string): string {
  seedChecklists(deps);
  const version = deps.db.select({ id: checklistTemplateVersions.id }).from(checklistTemplateVersions).get();
  if (!version) throw new Error('no checklist template version seeded');
  const id = deps.newId();
  const now = deps.clock().toISOString();
  deps.db
    .insert(inspections)
    .values({
      id,
      institutionId,
      templateVersionId: version.id,
      status: 'finished',
      featuresJson: '[]',
      startedAt: now,
      finishedAt: now,
      representativeName: '钱主任',
      createdById: userId,
      createdByName: '李检查',
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return id;
}

/** The call context of the signed-in user, as the registry builds it for a handler. */
export function contextOf(app: TestApp): CallContext {
  const { deps, session } = app.registry;
  return {
    deps,
    session,
    now: () => deps.clock().toISOString(),
    actor: () => {
      const user = session.user;
      if (!user) throw new Error('nobody signed in');
      return { id: user.id, name: user.displayName, role: user.role };
    },
  };
}

/** Rows in hazard_events and audit_log: a change writes exactly one of each per transition. */
export function trailCounts(deps: ServiceDeps): { events: number; audit: number } {
  return {
    events: deps.db.select({ n: count() }).from(hazardEvents).get()?.n ?? 0,
    audit: deps.db.select({ n: count() }).from(auditLog).get()?.n ?? 0,
  };
}

/** A minimal ad hoc hazard input for the institution. */
export function adHocHazard(
  world: HazardWorld,
  overrides: Partial<ChannelInput<'hazards:create'>> = {},
): ChannelInput<'hazards:create'> {
  return {
    institutionId: world.institutionId,
    location: '二楼东侧疏散走道',
    description: '疏散走道堆放床垫等可燃物，宽度不足 1.1 米',
    severity: 'general',
    departments: ['fire'],
    requiredAction: '清除走道堆放物，保持疏散走道畅通',
    ...overrides,
  };
}
