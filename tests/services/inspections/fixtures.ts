import sharp from 'sharp';
import { seedChecklists } from '../../../electron/services/checklists/seed';
import type { ServiceDeps } from '../../../electron/services/context';
import { buildUscc } from '../../../electron/services/institutions/uscc';
import type { ChannelInput, ChannelName, ChannelOutput, InspectionDetail } from '../../../electron/api';

/** Anything that calls channels through the real dispatcher (the service test app, the e2e app, the bench). */
export interface Caller {
  call: <K extends ChannelName>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;
  registry: { deps: ServiceDeps };
}

/** The data an inspection story needs: an institution, roster inspectors and a published template version. */
export interface InspectionWorld {
  institutionId: string;
  institutionName: string;
  inspectorIds: string[];
  inspectorNames: string[];
  templateVersionId: string;
  templateName: string;
}

/** Rule codes of the small test template: 消防设施 (F07, F20 with its MPa gauge reading, F11), 用电 (E01, E02), 厨房 (D01, only with a canteen). */
export const TEMPLATE_SECTIONS = [
  { title: '消防设施', codes: ['F07', 'F20', 'F11'], appliesWhen: [] },
  { title: '用电安全', codes: ['E01', 'E02'], appliesWhen: [] },
  { title: '食堂厨房', codes: ['D01'], appliesWhen: ['hasCanteen'] },
] as const;

/**
 * Creates the institution (no canteen, so the kitchen section does not apply), two roster inspectors and a
 * published two-plus-one-section template through the same channels the app uses.
 */
export async function createInspectionWorld(
  app: Caller,
  options: { name?: string; hasCanteen?: boolean; orgBody?: string } = {},
): Promise<InspectionWorld> {
  // Production seeds the rule library at start (bootstrap); seeding again is a no-op, so this is safe either way.
  seedChecklists(app.registry.deps);
  const towns = await app.call('towns:list', {});
  const town = towns[0];
  if (!town) throw new Error('no towns seeded');
  const institution = await app.call('institutions:create', {
    name: options.name ?? '浦东新区康乐养老院',
    uscc: buildUscc({ authority: '5', type: '2', area: '310115', orgBody: options.orgBody ?? '12345678' }),
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
    hasCanteen: options.hasCanteen ?? false,
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
  const a = await app.call('inspectors:create', {
    name: '李检查',
    departmentKey: 'civil-affairs',
    certificateNo: '沪民执001',
  });
  const b = await app.call('inspectors:create', { name: '周消防', departmentKey: 'fire', certificateNo: '沪消执002' });
  const rules = await app.call('checklists:list-rule-items', {});
  const ruleId = (code: string): string => {
    const found = rules.find((r) => r.code === code);
    if (!found) throw new Error(`rule ${code} not seeded`);
    return found.id;
  };
  const templateName = '现场检查测试模板';
  const created = await app.call('checklists:create-template', { name: templateName, kind: '消防安全飞行检查' });
  const versionId = created.versions[0]?.id;
  if (!versionId) throw new Error('template without draft');
  // A new template starts with a default section; this story defines its own.
  const initial = await app.call('checklists:get-template-version', { versionId });
  for (const section of initial.snapshot.sections)
    await app.call('checklists:remove-section', { sectionId: section.key });
  for (const section of TEMPLATE_SECTIONS) {
    const detail = await app.call('checklists:add-section', {
      versionId,
      title: section.title,
      appliesWhen: [...section.appliesWhen],
    });
    const added = detail.snapshot.sections.find((s) => s.title === section.title);
    if (!added) throw new Error('section not added');
    await app.call('checklists:add-items', { sectionId: added.key, ruleItemIds: section.codes.map(ruleId) });
  }
  await app.call('checklists:publish-template', { versionId });
  return {
    institutionId: institution.id,
    institutionName: institution.name,
    inspectorIds: [a.id, b.id],
    inspectorNames: [a.name, b.name],
    templateVersionId: versionId,
    templateName,
  };
}

/** Starts an inspection of the world's institution with both inspectors. */
export async function startWorldInspection(app: Caller, world: InspectionWorld): Promise<InspectionDetail> {
  return app.call('inspections:start', {
    institutionId: world.institutionId,
    templateVersionId: world.templateVersionId,
    inspectorIds: world.inspectorIds,
    representativeName: '钱主任',
    representativeTitle: '办公室主任',
    representativePhone: '021-58881234',
  });
}

/** Item keys of an inspection in runner order. */
export function itemKeys(detail: InspectionDetail): string[] {
  return detail.sections.flatMap((s) => s.items.map((i) => i.key));
}

/** The item of an inspection with the given rule code. */
export function itemByCode(
  detail: InspectionDetail,
  code: string,
): InspectionDetail['sections'][number]['items'][number] {
  const found = detail.sections.flatMap((s) => s.items).find((i) => i.code === code);
  if (!found) throw new Error(`item ${code} not in inspection`);
  return found;
}

/** A real JPEG (a gradient with a label-like block), different for each seed, as a phone would deliver it. */
export async function makeJpeg(seed: number, width = 640, height = 480): Promise<Buffer> {
  const channels = 3;
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      raw[i] = (x + seed * 37) % 256;
      raw[i + 1] = (y + seed * 11) % 256;
      raw[i + 2] = (x * y + seed) % 256;
    }
  }
  return sharp(raw, { raw: { width, height, channels } }).jpeg({ quality: 85 }).toBuffer();
}

/** A signature-like PNG data URL: a dark stroke on white, as the canvas would produce. */
export async function makeSignaturePng(seed: number): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="160"><rect width="400" height="160" fill="white"/><path d="M20 ${100 + seed} C 80 20, 140 140, 200 ${60 + seed} S 320 40, 380 100" stroke="black" stroke-width="4" fill="none"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}
