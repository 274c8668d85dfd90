import { seedChecklists } from '../../../electron/services/checklists/seed';
import { buildUscc } from '../../../electron/services/institutions/uscc';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/api';
import type { ServiceDeps } from '../../../electron/services/context';

/** Anything that calls channels through the real dispatcher (service test app or e2e app). */
export interface Caller {
  call: <K extends ChannelName>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;
  registry: { deps: ServiceDeps };
}

/** The data a plan story needs, all created through the modules' own channels. */
export interface PlanWorld {
  townIds: string[];
  townNames: string[];
  institutions: Array<{ id: string; name: string; townId: string }>;
  inspectors: Array<{ id: string; name: string; departmentKey: string }>;
  templateVersionId: string;
}

/** Fields of a plain 民办 institution in a town, valid for `institutions:create`. */
export function institutionInput(name: string, townId: string, orgBody: string): ChannelInput<'institutions:create'> {
  return {
    name,
    uscc: buildUscc({ authority: '5', type: '2', area: '310115', orgBody }),
    licenceNo: null,
    licenceDate: null,
    address: `上海市浦东新区${name}路 1 号`,
    townId,
    type: '民办',
    bedCount: 80,
    residentsSelfCare: 20,
    residentsSemiDisabled: 20,
    residentsDisabled: 10,
    residentsDementia: 5,
    legalRepresentative: null,
    contactPerson: null,
    contactPhone: '021-58880000',
    fireSafetyResponsible: null,
    fireSafetyManager: null,
    buildingYear: 2010,
    buildingStoreys: 4,
    buildingStructure: null,
    buildingShared: false,
    hasCanteen: false,
    hasClinic: false,
    hasLifts: false,
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
  };
}

/** Names of the test institutions (six, spread over two towns). */
export const INSTITUTION_NAMES = [
  '康乐养老院',
  '福寿敬老院',
  '松鹤护理院',
  '夕阳红养老院',
  '长青颐养院',
  '金色年华养老院',
];

/**
 * Creates `institutionCount` institutions in the first two towns, a roster of three 民政 and two 消防 inspectors
 * (phones given, so the tests can prove they never leak) and a published checklist template.
 */
export async function createPlanWorld(app: Caller, institutionCount = 6): Promise<PlanWorld> {
  seedChecklists(app.registry.deps);
  const towns = (await app.call('towns:list', {})).slice(0, 2);
  const institutions: PlanWorld['institutions'] = [];
  for (let i = 0; i < institutionCount; i += 1) {
    const town = towns[i % towns.length];
    if (!town) throw new Error('no towns seeded');
    const name = INSTITUTION_NAMES[i] ?? `测试养老院${i}`;
    const created = await app.call('institutions:create', institutionInput(name, town.id, `1234567${i}`));
    institutions.push({ id: created.id, name: created.name, townId: town.id });
  }
  const roster = [
    { name: '张明', departmentKey: 'civil-affairs', phone: '13812341234' },
    { name: '王芳', departmentKey: 'civil-affairs', phone: '13912345678' },
    { name: '陈刚', departmentKey: 'civil-affairs', phone: '13700001111' },
    { name: '李华', departmentKey: 'fire', phone: '021-58881234' },
    { name: '赵强', departmentKey: 'fire', phone: '13600002222' },
  ];
  const inspectors: PlanWorld['inspectors'] = [];
  for (const person of roster) {
    const created = await app.call('inspectors:create', person);
    inspectors.push({ id: created.id, name: created.name, departmentKey: created.departmentKey });
  }
  const rules = await app.call('checklists:list-rule-items', {});
  const template = await app.call('checklists:create-template', { name: '双随机检查表', kind: '消防安全飞行检查' });
  const versionId = template.versions[0]?.id;
  if (!versionId) throw new Error('template without draft');
  const draft = await app.call('checklists:get-template-version', { versionId });
  const section = draft.snapshot.sections[0];
  if (!section) throw new Error('template without section');
  await app.call('checklists:add-items', { sectionId: section.key, ruleItemIds: rules.slice(0, 3).map((r) => r.id) });
  await app.call('checklists:publish-template', { versionId });
  return {
    townIds: towns.map((t) => t.id),
    townNames: towns.map((t) => t.name),
    institutions,
    inspectors,
    templateVersionId: versionId,
  };
}

/** A 双随机抽查 plan over the whole district in March 2026 (2 March is a Monday). */
export function planInput(
  world: PlanWorld,
  over: Partial<ChannelInput<'plans:create'>> = {},
): ChannelInput<'plans:create'> {
  return {
    name: '2026年第一季度双随机抽查',
    type: '双随机抽查',
    periodStart: '2026-03-02',
    periodEnd: '2026-03-13',
    templateVersionIds: [world.templateVersionId],
    departmentKeys: ['civil-affairs', 'fire'],
    scope: { townIds: [], types: [], statuses: ['运营'], minRiskScore: null },
    ...over,
  };
}
