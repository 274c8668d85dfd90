/**
 * Deterministic demo institutions for Pudong: plausible names (浦东新区某某敬老院/养老院/护理院/长者照护之家),
 * addresses in the district's 36 towns, 统一社会信用代码 with correct check characters, and facts in realistic
 * proportions. The same seed always gives the same institutions; the tests, the benchmarks and the screenshots
 * all build their data with it.
 */
import type { ChannelInput, ChannelName, ChannelOutput, Institution, InstitutionFields } from '../../electron/api';
import { inTransaction, systemActor } from '../../electron/services/audit';
import type { ServiceDeps } from '../../electron/services/context';
import { buildExport } from '../../electron/services/institutions/excel';
import { writePlan } from '../../electron/services/institutions/import';
import { buildUscc, USCC_CHARSET } from '../../electron/services/institutions/uscc';

/** A town as the generator needs it. */
export interface DemoTown {
  id: string;
  name: string;
}

/** The registry's call function (tests' `app.call`, or the renderer bridge). */
export type RegistryCall = <K extends ChannelName>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;

/** mulberry32: tiny, fast, good enough for demo data, and identical on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BRANDS = [
  '福寿',
  '康乐',
  '颐和',
  '安康',
  '瑞福',
  '松鹤',
  '夕阳红',
  '金色港湾',
  '乐龄',
  '怡心',
  '恒福',
  '仁爱',
  '慈孝',
  '椿萱',
  '和睦',
  '长青',
  '福苑',
  '锦绣',
  '寿康',
  '馨园',
  '悦华',
  '博爱',
  '爱晚',
  '康馨',
  '同馨',
  '惠民',
  '众仁',
  '福泽',
  '颐乐',
  '德馨',
  '佳园',
  '安泰',
];
const KINDS = ['敬老院', '养老院', '护理院', '长者照护之家', '颐养院', '养护院'] as const;
const ROADS = [
  '川沙路',
  '沪南公路',
  '浦东大道',
  '张杨路',
  '杨高南路',
  '锦绣路',
  '东方路',
  '高科西路',
  '周祝公路',
  '航头路',
  '新场大街',
  '南六公路',
  '川周公路',
  '秀浦路',
  '龙东大道',
  '金海路',
  '华夏东路',
  '申江路',
  '民生路',
  '崮山路',
  '云台路',
  '上南路',
  '成山路',
  '德州路',
  '杨思路',
  '灵岩南路',
  '临港大道',
  '环湖西二路',
  '人民东路',
  '大团北路',
  '东门大街',
  '康桥路',
  '秀沿路',
  '唐丰路',
  '华东路',
  '季景路',
  '东川公路',
  '张江路',
  '卫亭路',
  '云汉路',
  '宣黄公路',
  '宏祥北路',
  '东河路',
];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏顾钱严施倪';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰志红海燕晓东振宇文彬佳慧雪梅永春凤琴亮';
const STRUCTURES = ['钢筋混凝土结构', '框架结构', '砖混结构', '钢结构'];
const NOTES = [
  '2024 年完成适老化改造',
  '与社区卫生服务中心签约',
  '设有认知障碍照护专区',
  '2023 年完成消防设施改造',
  '部分楼层正在装修',
];

function townShort(name: string): string {
  return name.replace(/(街道|新镇|镇)$/, '');
}

/**
 * `count` institutions' fields, deterministic for (towns, count, seed). Names and codes are unique; every
 * address lies in the institution's town.
 */
export function demoInstitutionFields(towns: readonly DemoTown[], count: number, seed: number): InstitutionFields[] {
  if (towns.length === 0) throw new Error('demo institutions need at least one town');
  const rnd = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const chance = (p: number) => rnd() < p;
  const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
  const codeChars = (n: number) => Array.from({ length: n }, () => pick([...USCC_CHARSET])).join('');
  const person = () => pick([...SURNAMES]) + pick([...GIVEN]) + (chance(0.6) ? pick([...GIVEN]) : '');
  const date = (fromYear: number, toYear: number) =>
    `${int(fromYear, toYear)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const names = new Set<string>();
  const codes = new Set<string>();
  const out: InstitutionFields[] = [];
  for (let i = 0; i < count; i++) {
    const town = towns[i % towns.length] ?? towns[0];
    if (!town) break;
    const type = pick(['公办', '公办', '公建民营', '民办', '民办', '民办'] as const);
    const kind = type === '公办' && chance(0.5) ? '敬老院' : pick(KINDS);
    let name =
      type === '公办' && kind === '敬老院' && chance(0.4)
        ? `浦东新区${townShort(town.name)}敬老院`
        : `浦东新区${townShort(town.name)}${pick(BRANDS)}${kind}`;
    for (let n = 2; names.has(name); n++) name = `${name.replace(/（\d+）$/, '')}（${n}）`;
    names.add(name);

    let uscc = '';
    do {
      uscc =
        type === '公办'
          ? buildUscc({ authority: '1', type: '2', area: '310115', orgBody: `42${digits(6)}` })
          : type === '民办'
            ? buildUscc({ authority: '5', type: '2', area: '310115', orgBody: `MJ${codeChars(6)}` })
            : buildUscc({ authority: '9', type: '1', area: '310115', orgBody: `MA1${codeChars(5)}` });
    } while (codes.has(uscc));
    codes.add(uscc);

    const beds =
      kind === '长者照护之家'
        ? int(10, 49)
        : kind === '护理院'
          ? int(80, 300)
          : kind === '养老院'
            ? int(50, 400)
            : int(30, 200);
    const residents = Math.floor(beds * (0.6 + rnd() * 0.35));
    const selfCare = Math.floor(residents * (0.2 + rnd() * 0.2));
    const semi = Math.floor((residents - selfCare) * (0.4 + rnd() * 0.2));
    const disabled = residents - selfCare - semi;
    const storeys = kind === '长者照护之家' ? int(1, 3) : int(2, 12);
    const year = int(1985, 2022);
    const arc = chance(0.25);
    const efm = chance(0.4);
    const pipedGas = chance(0.5);
    const licensed = chance(0.9);
    const licenceYear = int(2014, 2025);
    out.push({
      name,
      uscc,
      licenceNo: licensed ? `沪浦养备〔${licenceYear}〕${digits(4)}号` : null,
      licenceDate: licensed ? date(licenceYear, licenceYear) : null,
      address: `上海市浦东新区${town.name}${pick(ROADS)}${int(1, 2999)}号`,
      townId: town.id,
      type,
      bedCount: beds,
      residentsSelfCare: selfCare,
      residentsSemiDisabled: semi,
      residentsDisabled: disabled,
      residentsDementia: Math.floor(residents * rnd() * 0.2),
      legalRepresentative: person(),
      contactPerson: person(),
      contactPhone: chance(0.6)
        ? `021-${pick(['5', '6', '3', '2'])}${digits(7)}`
        : `1${pick(['3', '5', '8'])}${digits(9)}`,
      fireSafetyResponsible: person(),
      fireSafetyManager: person(),
      buildingYear: year,
      buildingStoreys: storeys,
      buildingStructure:
        storeys > 6 ? pick(STRUCTURES.slice(0, 2)) : year < 1995 && chance(0.5) ? '砖混结构' : pick(STRUCTURES),
      buildingShared: kind === '长者照护之家' ? chance(0.7) : chance(0.15),
      hasCanteen: chance(0.85),
      hasClinic: kind === '护理院' ? true : chance(0.4),
      hasLifts: storeys >= 3 ? chance(0.9) : chance(0.1),
      hasPipedGas: pipedGas,
      hasLpg: !pipedGas && chance(0.15),
      hasOxygen: kind === '护理院' ? chance(0.8) : chance(0.25),
      hasEbikeParking: chance(0.45),
      arcFaultDetection: arc,
      arcFaultDetectionDate: arc ? date(2023, 2025) : null,
      electricalFireMonitoring: efm,
      electricalFireMonitoringDate: efm ? date(2019, 2025) : null,
      status: pick([
        '运营',
        '运营',
        '运营',
        '运营',
        '运营',
        '运营',
        '运营',
        '运营',
        '运营',
        '运营',
        '运营',
        '运营',
        '运营',
        '运营',
        '运营',
        '运营',
        '运营',
        '停业整顿',
        '已关闭',
      ] as const),
      notes: chance(0.1) ? pick(NOTES) : null,
    });
  }
  return out;
}

function isDeps(target: ServiceDeps | RegistryCall): target is ServiceDeps {
  return typeof target !== 'function';
}

/**
 * Adds `count` demo institutions. Given the service deps it writes them in one transaction through the import's
 * audited bulk path (actor 系统); given a registry call function it creates them one by one through
 * `institutions:create`, as a user would. Returns the generated fields.
 */
export async function createDemoInstitutions(
  target: ServiceDeps | RegistryCall,
  count: number,
  seed: number,
): Promise<InstitutionFields[]> {
  if (isDeps(target)) {
    const towns = target.sqlite.prepare('SELECT id, name FROM towns ORDER BY sort_order').all() as DemoTown[];
    const fields = demoInstitutionFields(towns, count, seed);
    const townNames = new Map(towns.map((t) => [t.id, t.name]));
    inTransaction(target, () =>
      writePlan(
        target,
        {
          totalRows: fields.length,
          errors: [],
          errorRows: 0,
          adds: fields.map((f, i) => ({ row: i + 2, fields: f, townName: townNames.get(f.townId) ?? '' })),
          updates: [],
          unchanged: 0,
        },
        systemActor,
        target.clock().toISOString(),
        '演示数据',
      ),
    );
    return fields;
  }
  const towns = await target('towns:list', {});
  const fields = demoInstitutionFields(towns, count, seed);
  for (const f of fields) await target('institutions:create', f);
  return fields;
}

/**
 * Demo institutions as an import file (base64 .xlsx in the template's columns), for import tests and benches.
 * `skip` drops the first institutions of the same sequence: a registry seeded with `createDemoInstitutions(…,
 * n, seed)` and a file made with `skip = n` share no name or code, so every row of the file is new.
 */
export async function demoImportFile(
  towns: readonly DemoTown[],
  count: number,
  seed: number,
  skip = 0,
): Promise<string> {
  const townNames = new Map(towns.map((t) => [t.id, t.name]));
  const rows: Institution[] = demoInstitutionFields(towns, count + skip, seed)
    .slice(skip)
    .map((f, i) => ({
      ...f,
      id: `demo-${i}`,
      townName: townNames.get(f.townId) ?? '',
      archivedAt: null,
      createdAt: '',
      updatedAt: '',
    }));
  return (await buildExport(rows, 'demo.xlsx')).base64;
}
