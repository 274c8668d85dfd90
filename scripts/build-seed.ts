/**
 * Builds the reference seed (resources/seed/*.json) from the domain research kept in resources/domain/.
 * Run: npx tsx scripts/build-seed.ts
 *
 * Everything that is a claim about law or standards is parsed from the markdown, never typed in here, so the
 * JSON keeps the source's verification marks and a test can rebuild it and compare. What this file does add
 * (deadline classes, measurements, priority tags, 查看要点, category routing defaults) lands in fields marked
 * `derived`, with the rules written out in derived-rules.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  MARK_ORDER,
  SEED_FILES,
  categorySchema,
  checklistItemsSchema,
  departmentRoutingSchema,
  departmentsSchema,
  derivedRulesSchema,
  majorHazardRuleSetSchema,
  markSchema,
  townsSchema,
  type Category,
  type ChecklistDepartment,
  type ChecklistItem,
  type DeadlineClass,
  type Department,
  type DepartmentRouting,
  type DerivedRules,
  type MajorHazardFlag,
  type MajorHazardRuleSet,
  type Mark,
  type PriorityTag,
  type Seed,
  type Towns,
} from '../electron/services/reference/seed-schema';

/** Names of the source files inside the domain directory. */
export const DOMAIN_FILES = {
  regulations: 'regulations-and-checklist.md',
  towns: 'pudong-towns.md',
} as const;

// ---------------------------------------------------------------------------------------------------------
// Small parsing helpers

function fail(what: string): never {
  throw new Error(`build-seed: ${what}`);
}

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) fail(`not found in source: ${what}`);
  return value;
}

function matchOne(text: string, re: RegExp, what: string): RegExpMatchArray {
  return must(text.match(re), what);
}

function group(m: RegExpMatchArray, index: number, what: string): string {
  return must(m[index], `${what} (group ${index})`);
}

function asMark(letter: string, what: string): Mark {
  const parsed = markSchema.safeParse(letter);
  if (!parsed.success) fail(`not a verification mark: ${letter} (${what})`);
  return parsed.data;
}

/** The text between the line starting with `startHeading` and the next line starting with `endHeading`. */
function section(md: string, startHeading: string, endHeading: string): string {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith(startHeading));
  if (start < 0) fail(`heading ${startHeading}`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith(endHeading));
  if (end < 0) fail(`heading ${endHeading} after ${startHeading}`);
  return lines.slice(start, end).join('\n');
}

/** Data rows of the first markdown table in `text` whose header row starts with `headerStart`. */
function tableRows(text: string, headerStart: string, columns: number): string[][] {
  const lines = text.split('\n');
  const header = lines.findIndex((l) => l.startsWith(headerStart));
  if (header < 0) fail(`table header ${headerStart}`);
  if (!/^\|(\s*-+\s*\|)+$/.test(lines[header + 1] ?? '')) fail(`separator row under ${headerStart}`);
  const rows: string[][] = [];
  for (let i = header + 2; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith('|')) break;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length !== columns) fail(`row with ${cells.length} cells instead of ${columns}: ${line}`);
    rows.push(cells);
  }
  return rows;
}

// A mark is a bracketed V/P/S/U, optionally followed by a qualifier such as "[V exists]" or "[U: practice]".
const MARK_RE = /\[([VPSU])(?=[\]\s:])[^\]]*\]/g;

/** Every verification mark in `text`, in order of appearance. */
export function extractMarks(text: string): Mark[] {
  return [...text.matchAll(MARK_RE)].map((m) => asMark(group(m, 1, 'mark'), text));
}

/** The least certain of the marks (U < S < P < V). */
export function weakestMark(marks: readonly Mark[]): Mark {
  if (marks.length === 0) fail('weakestMark of no marks');
  return marks.reduce((weakest, m) => (MARK_ORDER.indexOf(m) < MARK_ORDER.indexOf(weakest) ? m : weakest));
}

const CLAUSE_RE = /第[一二三四五六七八九十]+条(?:\([一二三四五六七八九十]+\))?/;

// Chinese department names as the source writes them → keys; longest first so 消防救援 wins over 消防.
const DEPT_NAMES: ReadonlyArray<readonly [string, ChecklistDepartment]> = [
  ['消防救援', 'fire'],
  ['建管委', 'construction'],
  ['市场监管', 'market'],
  ['消防', 'fire'],
  ['住建', 'construction'],
  ['卫健', 'health'],
  ['民政', 'civil-affairs'],
];
// Bodies outside the five department keys that the source names as handling some cases.
const OTHER_BODY_NAMES: readonly string[] = ['燃气主管部门', '城管执法', '公安', '金融', '药监'];

interface NameHit {
  index: number;
  name: string;
  key: ChecklistDepartment | null;
}

/** Department keys and other bodies named in a free-text cell, in order of first appearance. */
function scanNames(text: string): { departments: ChecklistDepartment[]; otherBodies: string[] } {
  let masked = text;
  const hits: NameHit[] = [];
  const entries: Array<readonly [string, ChecklistDepartment | null]> = [
    ...DEPT_NAMES,
    ...OTHER_BODY_NAMES.map((n) => [n, null] as const),
  ].sort((a, b) => b[0].length - a[0].length);
  for (const [name, key] of entries) {
    let at = masked.indexOf(name);
    while (at >= 0) {
      hits.push({ index: at, name, key });
      masked = masked.slice(0, at) + ' '.repeat(name.length) + masked.slice(at + name.length);
      at = masked.indexOf(name);
    }
  }
  hits.sort((a, b) => a.index - b.index);
  const departments: ChecklistDepartment[] = [];
  const otherBodies: string[] = [];
  for (const hit of hits) {
    if (hit.key !== null) {
      if (!departments.includes(hit.key)) departments.push(hit.key);
    } else if (!otherBodies.includes(hit.name)) otherBodies.push(hit.name);
  }
  return { departments, otherBodies };
}

// ---------------------------------------------------------------------------------------------------------
// Section 8: the checklist

/** Order used when 'all' is expanded; it is the order of the section 8 legend. */
export const ALL_CHECKLIST_DEPARTMENTS: readonly ChecklistDepartment[] = [
  'fire',
  'market',
  'construction',
  'civil-affairs',
  'health',
];

const FLAG_WORDS: Record<string, MajorHazardFlag> = { YES: 'yes', POSSIBLE: 'possible', UNKNOWN: 'unknown', NO: 'no' };

function parseMajorHazard(raw: string, legalBasis: string, id: string): ChecklistItem['majorHazard'] {
  const m = matchOne(raw, /^(YES|POSSIBLE|UNKNOWN|NO)(?:\s*\((.*)\))?$/, `major-hazard cell of ${id}: ${raw}`);
  const flag = must(FLAG_WORDS[group(m, 1, 'flag')], `flag of ${id}`);
  const paren = m[2]?.trim() ?? null;
  const cellClause = paren !== null && new RegExp(`^${CLAUSE_RE.source}$`).test(paren) ? paren : null;
  const note = paren !== null && cellClause === null ? paren : null;
  let clause: string | null = cellClause;
  let clauseSource: 'cell' | 'legalBasis' | null = cellClause !== null ? 'cell' : null;
  const basisMatch = legalBasis.match(new RegExp(`判定标准\\s*(${CLAUSE_RE.source})(、第)?`));
  if (basisMatch !== null) {
    if (basisMatch[2] !== undefined) fail(`${id} names several 判定标准 clauses; pick one by hand`);
    const basisClause = group(basisMatch, 1, `判定标准 clause of ${id}`);
    if (clause !== null && clause !== basisClause) fail(`${id}: cell says ${clause}, basis says ${basisClause}`);
    if (clause === null) {
      clause = basisClause;
      clauseSource = 'legalBasis';
    }
  }
  return { flag, raw, clause, clauseSource, note };
}

interface ParsedDepartments {
  departments: ChecklistDepartment[];
  allDepartments: boolean;
  departmentNotes: ChecklistItem['departmentNotes'];
  otherBodies: ChecklistItem['otherBodies'];
}

function parseDepartments(raw: string, id: string): ParsedDepartments {
  const keys = new Set<string>(ALL_CHECKLIST_DEPARTMENTS);
  const out: ParsedDepartments = { departments: [], allDepartments: false, departmentNotes: [], otherBodies: [] };
  for (const token of raw.split(/,\s*/)) {
    const m = matchOne(token, /^([^(]+?)(?:\s*\((.+)\))?$/, `department token "${token}" of ${id}`);
    const name = group(m, 1, 'department name');
    const note = m[2] ?? null;
    if (name === 'all') {
      if (note !== null) fail(`${id}: note on 'all'`);
      out.allDepartments = true;
      for (const k of ALL_CHECKLIST_DEPARTMENTS) if (!out.departments.includes(k)) out.departments.push(k);
    } else if (keys.has(name)) {
      const key = name as ChecklistDepartment;
      if (!out.departments.includes(key)) out.departments.push(key);
      if (note !== null) {
        out.departmentNotes.push({ department: key, note });
        // "crimes: 公安" names a further body inside a note; surface it so routing does not lose it.
        const inner = note.match(/^(.+?):\s*(\S+)$/);
        const body = inner?.[2];
        if (body !== undefined && OTHER_BODY_NAMES.includes(body))
          out.otherBodies.push({ nameZh: body, note: inner?.[1] ?? null });
      }
    } else if (/^[\u4e00-\u9fff]+$/.test(name)) {
      out.otherBodies.push({ nameZh: name, note });
    } else {
      fail(`unknown department "${name}" in ${id}`);
    }
  }
  return out;
}

interface RawItem {
  id: string;
  category: Category;
  textZh: string;
  glossEn: string;
  legalBasis: string;
  majorRaw: string;
  deptRaw: string;
}

/** The raw rows of the section 8 table. */
export function parseChecklistRows(md: string): RawItem[] {
  const text = section(md, '## 8.', '## 9.');
  return tableRows(text, '| id | cat |', 7).map((cells) => {
    const [id, cat, textZh, glossEn, legalBasis, majorRaw, deptRaw] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!/^[A-Z]\d{2}$/.test(id)) fail(`bad item id ${id}`);
    const category = categorySchema.safeParse(cat);
    if (!category.success) fail(`bad category ${cat} of ${id}`);
    return { id, category: category.data, textZh, glossEn, legalBasis, majorRaw, deptRaw };
  });
}

/** The count line under the table: category → number, and the stated total. */
export function parseCountLine(md: string): { counts: Record<string, number>; total: number } {
  const m = matchOne(section(md, '## 8.', '## 9.'), /^Count: (.+) = \*\*(\d+) items\*\*/m, 'count line');
  const counts: Record<string, number> = {};
  for (const part of group(m, 1, 'counts').split(/,\s*/)) {
    const pm = matchOne(part, /^(\d+) (\S+)$/, `count "${part}"`);
    counts[group(pm, 2, 'category')] = Number(group(pm, 1, 'number'));
  }
  return { counts, total: Number(group(m, 2, 'total')) };
}

// ---------------------------------------------------------------------------------------------------------
// Derived data (not in the source; every value here is marked derived in the output)

interface DeadlineRuleDef {
  id: string;
  deadlineClass: DeadlineClass;
  descriptionZh: string;
  basis: string;
  itemIds: string[] | null;
  appliesTo: (item: { id: string; flag: MajorHazardFlag }) => boolean;
}

const ON_THE_SPOT = [
  'F08',
  'F14',
  'F16',
  'F17',
  'F18',
  'F37',
  'F39',
  'E04',
  'E06',
  'E08',
  'G03',
  'M06',
  'C10',
  'C14',
  'C17',
  'D05',
];
const SPECIAL_EQUIPMENT_SERIOUS = ['S02', 'S07', 'S08', 'G05'];
const SHORT = [
  'F07',
  'F10',
  'F11',
  'F12',
  'F13',
  'F15',
  'F19',
  'F20',
  'F21',
  'F28',
  'F30',
  'F31',
  'F32',
  'E01',
  'E02',
  'G01',
  'G02',
  'G04',
  'W01',
  'W02',
  'W03',
  'D03',
  'D07',
  'D08',
  'M02',
  'M03',
  'M04',
  'C02',
  'C03',
  'C04',
  'C05',
  'C06',
  'C07',
  'C08',
  'C09',
  'C11',
  'N05',
];

// First matching rule wins; the order is the order of certainty of the basis.
const DEADLINE_RULES: readonly DeadlineRuleDef[] = [
  {
    id: 'major-yes',
    deadlineClass: 'immediate',
    descriptionZh: '重大事故隐患标记为"是"的检查项：立即排除，排除前或排除中无法保证安全的应撤出人员、停止使用。',
    basis:
      '§1 安全生产法 第六十五条(三)、第一百零二条 [V]; §5.4 Safety production: major hazard → 停产停业/停止使用 until 审查同意 [V]',
    itemIds: null,
    appliesTo: (item) => item.flag === 'yes',
  },
  {
    id: 'on-the-spot',
    deadlineClass: 'immediate',
    descriptionZh:
      '当场能够改正的：清除占用堵塞的疏散通道、安全出口、消防车通道和消火栓，恢复被关闭的消防设施和常闭防火门，停止动火作业和居室明火，移除违规电器、室内电动车及私拉电线，移走违规存放的气瓶，停止违规约束、兜售和侵害老人行为，清理过期变质食品。',
    basis:
      '§5.4 Fire: 能立即改正的 → 责令立即改正 (当场) [S]; §3.4 上海消防条例 第四十九条(四) (堵塞疏散通道、停用消防设施 → 临时查封) [V]; §5.4 Food 食品办法 第三十三条 minor items → 当场整改 [V]; applying the same test to the non-fire items is our reading',
    itemIds: ON_THE_SPOT,
    appliesTo: (item) => ON_THE_SPOT.includes(item.id),
  },
  {
    id: 'special-equipment-serious',
    deadlineClass: 'immediate',
    descriptionZh:
      '属于特种设备严重事故隐患情形（未经检验或检验不合格、安全附件或保护装置失灵、事故或故障后未全面检查仍使用）：立即停止使用，按监察指令整改。',
    basis:
      '§5.4 特种设备安全监督检查办法 第二十五条 (严重事故隐患)、第二十九条 (监察指令, 10 个工作日内复查) [V]; for S02/G05 (overdue periodic inspection): 特种设备安全法 第四十条第三款 "未经定期检验或者检验不合格的特种设备，不得继续使用" (the article S02 cites; wording read in the shared laws copy, not quoted in the research file) [V]',
    itemIds: SPECIAL_EQUIPMENT_SERIOUS,
    appliesTo: (item) => SPECIAL_EQUIPMENT_SERIOUS.includes(item.id),
  },
  {
    id: 'life-safety-repair',
    deadlineClass: 'short',
    descriptionZh:
      '直接威胁老年人生命安全、但需维修、购置、调整人员或制度落实才能改正的（消防设施器材失效、值班巡查缺失、线路和燃气隐患、九防措施缺失、食品卫生、逾期未改等）：短期限期整改。',
    basis: '§5.4 Fire: 不能立即改正的 → 根据难易程度合理确定改正期限 [S]; 上海消防条例 第四十八条 整改计划 + 限期 [V]',
    itemIds: SHORT,
    appliesTo: (item) => SHORT.includes(item.id),
  },
  {
    id: 'default-normal',
    deadlineClass: 'normal',
    descriptionZh: '其余检查项（制度、档案、培训、证照、建筑改造、设计类问题等）：按整改难度正常限期。',
    basis:
      '§5.4: no uniform statutory rectification deadline; 限期 set by the issuing authority according to difficulty [S]',
    itemIds: null,
    appliesTo: () => true,
  },
];

const MEASUREMENTS: Readonly<Record<string, { unit: string; label: string }>> = {
  F11: { unit: 'MPa', label: '消火栓栓口压力' },
  F13: { unit: 'm', label: '消防水箱/水池水位' },
  F20: { unit: 'MPa', label: '灭火器压力表读数' },
  W01: { unit: '°C', label: '热水出水温度' },
  D09: { unit: 'h', label: '留样时长' },
  B05: { unit: 'm²/床', label: '居室人均使用面积' },
  Q04: { unit: '人', label: '每名在岗护理员对应的老年人数' },
};

const PRIORITIES: Readonly<Record<string, readonly PriorityTag[]>> = {
  F37: ['fire-use'],
  F39: ['fire-use'],
  E01: ['electricity'],
  E02: ['electricity'],
  E03: ['electricity'],
  E04: ['electricity'],
  E05: ['electricity', 'arc-fault'],
  E06: ['electricity', 'e-bike'],
  E07: ['electricity', 'e-bike'],
  E08: ['electricity', 'e-bike'],
  E09: ['electricity'],
  G01: ['gas'],
  G02: ['gas'],
  G03: ['gas'],
  G04: ['gas', 'fire-use'],
  G05: ['gas'],
  W01: ['water'],
  W02: ['water'],
  W03: ['water'],
  C04: ['water'],
};

const HINTS: Readonly<Record<string, string>> = {
  F01: '查看消防验收合格意见或备案凭证，核对实际使用范围与验收范围是否一致',
  F02: '查看房屋产权或合法使用证明、规划许可材料',
  F03: '查看所在建筑及上下楼层的用途，有无易燃易爆场所、生产场所或库房',
  F04: '查看与其他单位之间的防火墙、防火门窗等分隔设施',
  F05: '查看有人活动的附属或临时建筑是否为彩钢板搭建，芯材是否可燃',
  F06: '查看墙面、吊顶、地面及软包装饰材料，核对装修材料燃烧性能证明',
  F07: '查看消防设施、器材和消防安全标志的配置及完好情况，抽测报警、喷淋系统',
  F08: '查看火灾报警控制器有无屏蔽、关闭，喷淋阀门、消防水泵是否处于正常状态',
  F09: '查看年度建筑消防设施检测报告和维护保养记录',
  F10: '查看老年人居室和公共走道是否设火灾探测器及声警报装置或消防广播',
  F11: '查看消火栓箱配件是否齐全，试放水检查是否有水、压力是否正常',
  F12: '查看喷头有无遮挡、末端试水装置压力和报警阀组状态',
  F13: '查看消防水箱/水池水位，手动启动消防水泵测试',
  F14: '查看疏散通道、楼梯间、安全出口有无堆物、锁闭，疏散门能否从内部直接开启',
  F15: '查看居室、走道窗户的防盗网是否设逃生口并能从内部开启',
  F16: '查看消防车通道有无停车、堆物、设置障碍',
  F17: '查看消火栓、水泵接合器周边有无埋压、遮挡，防火间距内有无搭建、堆物',
  F18: '查看常闭式防火门是否关闭，闭门器、顺序器是否完好',
  F19: '逐层查看应急照明和疏散指示标志，按测试按钮检查是否点亮',
  F20: '查看灭火器数量和配置点位，压力表指针是否在绿区，生产日期和维修期限',
  F21: '查看地下、半地下空间的实际用途，有无老年人居住或休息',
  F22: '查看公共活动、康复医疗用房所在楼层和面积，核对建筑层数、高度和耐火等级',
  F23: '查看二层及以上疏散楼梯附近是否设避难间或开敞外廊',
  F24: '查看简易防毒面具的数量、存放位置和有效期',
  F25: '查看消防安全责任制文件及消防安全责任人、管理人的明确情况',
  F26: '查看消防安全管理制度和操作规程文本及执行记录',
  F27: '查看共用建筑各方的消防安全责任协议或约定',
  F28: '查看每日防火巡查记录（含夜间），核对巡查时间和签名',
  F29: '查看月度防火检查记录和隐患整改销号记录',
  F30: '查看值班排班表和值班记录，现场核实值班人员在岗',
  F31: '查看消防控制室在岗人数、值班记录和值班人员的消防设施操作员证书',
  F32: '现场询问值班人员火警处置程序，必要时模拟报警',
  F33: '查看灭火和应急疏散预案，核对有无保护老年人（尤其失能老人）的疏散措施',
  F34: '查看近一年消防演练记录、照片或视频，统计次数',
  F35: '随机抽问员工报警、使用灭火器和组织疏散，查看培训记录',
  F36: '查看志愿消防队/微型消防站人员名单、器材配置和值班备勤记录',
  F37: '查看有无正在进行的电焊、切割、油漆等作业，查看动火审批手续',
  F38: '查看消防产品的合格标志和认证证书，有无淘汰产品',
  F39: '查看居室内有无烟蒂、蜡烛、蚊香、焚香痕迹，有无明火或煤炉取暖设备',
  E01: '查看配电箱和线路敷设，有无私拉乱接、未穿管保护、老化破损',
  E02: '查看闷顶、吊顶内的线路是否穿金属导管或金属槽盒',
  E03: '查看电工职业资格证书和电气安装维修记录',
  E04: '查看居室内有无大功率电器、电热毯、电暖器等',
  E05: '查看是否安装电气火灾监控或电弧故障探测装置，用电量大的房间有无过流、过压保护',
  E06: '查看室内、楼道、安全出口、疏散通道有无停放或充电的电动自行车、电动轮椅及蓄电池',
  E07: '查看集中停放、充电场所的位置和充电设施',
  E08: '查看有无从室内私拉电线、插座为电动自行车充电',
  E09: '查看专业机构出具的用电安全检测报告及日期',
  G01: '查看燃气管道、阀门、灶具的安装情况，有无相关部门或第三方机构的判定意见',
  G02: '查看厨房可燃气体探测报警装置和紧急切断阀是否安装并联动',
  G03: '查看液化石油气钢瓶的存放位置（是否在地下、半地下）、数量和气瓶间',
  G04: '查看灶具熄火保护装置、燃气软管材质和接口紧固情况',
  G05: '查看气瓶检验标志和有效期，供气单位资质和购气凭证',
  W01: '测量洗浴、饮用热水出水温度，查看温控或防烫措施',
  W02: '查看卫生间、浴室地面有无积水，防滑垫和扶手设置',
  W03: '查看饮用水卫生检测报告和二次供水设施清洗消毒记录',
  D01: '查看食品经营许可证原件、有效期和经营项目',
  D02: '查看供餐单位的许可证、供餐合同和查验记录',
  D03: '查看食品从业人员健康证明及有效期',
  D04: '查看食品安全管理人员配备和食品安全管理制度',
  D05: '查看冷藏冷冻和库房食品的保质期、储存条件，有无变质过期食品',
  D06: '查看进货查验记录、供货者许可证和产品合格证明',
  D07: '查看餐饮具清洗消毒设施、消毒记录和保洁柜',
  D08: '查看加工场所卫生、防蝇防鼠防虫设施和生熟分开情况',
  D09: '查看留样冰箱和留样记录，核对留样时长和数量',
  D10: '查看吞咽障碍老人的膳食形态安排和进餐看护情况',
  D11: '查看食品安全监督检查结果记录表是否在显著位置张贴',
  M01: '查看医疗机构执业许可证或备案凭证原件及有效期',
  M02: '查看从事医疗技术工作人员的执业资格证书',
  M03: '查看代管药品和清洁剂的存放、上锁情况及发放核对记录',
  M04: '查看医疗废物暂存点、锐器盒和交接登记',
  M05: '查看集中供氧设施、氧气管道的检验报告和使用登记',
  M06: '查看氧气瓶是否远离火源、有无固定，气瓶检验有效期',
  C01: '抽查入住评估记录，核对与护理等级和实际服务是否一致',
  C02: '查看噎食风险老人名单、防噎食措施和进食看护记录',
  C03: '查看卧床老人翻身和皮肤检查记录，现场查看有无压疮',
  C04: '查看热水、热食、取暖用品的防烫伤措施',
  C05: '查看床栏是否齐全完好，坠床高风险老人的防护措施',
  C06: '查看照明、地面障碍、扶手设置和跌倒风险评估记录',
  C07: '查看门禁、出入登记和认知障碍老人外出陪同情况',
  C08: '查看他伤自伤风险评估记录和刀具、绳索等危险物品管控',
  C09: '查看文体活动前的评估记录和活动现场的防护安排',
  C10: '查看约束用品使用的评估、知情同意和观察记录，现场查看有无约束',
  C11: '查看昼夜巡查记录和交接班记录',
  C12: '查看养老护理员培训合格证明',
  C13: '查看个人信息和监控内容保密制度及查阅登记',
  C14: '现场查看并询问老人有无人员推销保健品、药品',
  C15: '查看突发疾病送医记录和紧急联系人通知记录',
  C16: '查看监控覆盖范围和录像保存情况',
  C17: '观察老人状况，随机询问老人及家属，查看投诉记录',
  B01: '查看房屋安全鉴定报告和住建部门研判意见',
  B02: '查看规划、施工许可和房屋安全鉴定材料，核对实际用途与证载用途',
  B03: '查看无障碍通道、走廊和卫生间扶手',
  B04: '逐间测试居室、卫生间紧急呼叫装置',
  B05: '测量居室面积，清点床位数',
  S01: '查看电梯、锅炉、压力容器的使用登记证、检验报告和产品合格证明',
  S02: '查看电梯检验合格标志上的下次检验日期',
  S03: '查看电梯使用登记证，检验标志是否置于显著位置',
  S04: '查看电梯维保单位资质、维保合同和维保记录',
  S05: '查看特种设备安全管理人员配备及其资格证书',
  S06: '查看特种设备安全技术档案',
  S07: '查看安全附件、安全保护装置是否齐全有效',
  S08: '查看故障、事故记录和处理后的检查记录',
  Q01: '抽查服务协议的签订情况和主要条款',
  Q02: '抽查老年人健康档案、信息档案及保存期限',
  Q03: '查看照料护理等级评估和身心变化后的重新评估记录',
  Q04: '清点在岗护理员和在住老年人数，计算配比',
  Q05: '查看收费项目和标准公示，抽查收费票据',
  Q06: '查看预收费、押金收取记录和监管账户',
  Q07: '核对在住老年人名册与补贴申报人数',
  Q08: '查看宣传资料和收费、集资情况，询问老人及家属',
  Q09: '查看满意度测评和服务质量自查记录',
  Q10: '查看民政部门备案材料',
  N01: '查看安全生产责任制文件和安全管理人员明确情况',
  N02: '查看事故隐患排查治理制度和排查记录',
  N03: '查看重大事故隐患的报告记录和消除情况',
  N04: '查看突发事件应急预案和演练记录',
  N05: '对照上次检查的隐患清单逐项复查整改情况',
  N06: '如实记录拒绝、阻碍检查或提供虚假材料的具体情形',
  N07: '查看各类证照原件及有效期',
};

function deadlineFor(id: string, flag: MajorHazardFlag): { deadlineClass: DeadlineClass; deadlineRule: string } {
  const rule = must(
    DEADLINE_RULES.find((r) => r.appliesTo({ id, flag })),
    `deadline rule for ${id}`,
  );
  return { deadlineClass: rule.deadlineClass, deadlineRule: rule.id };
}

function buildChecklist(md: string): ChecklistItem[] {
  const rows = parseChecklistRows(md);
  const ids = new Set(rows.map((r) => r.id));
  // The derived tables must name real items; a typo here would silently drop a rule.
  const tables: Array<[string, Iterable<string>]> = [
    ['MEASUREMENTS', Object.keys(MEASUREMENTS)],
    ['PRIORITIES', Object.keys(PRIORITIES)],
    ['HINTS', Object.keys(HINTS)],
    ['ON_THE_SPOT', ON_THE_SPOT],
    ['SPECIAL_EQUIPMENT_SERIOUS', SPECIAL_EQUIPMENT_SERIOUS],
    ['SHORT', SHORT],
  ];
  for (const [name, list] of tables) for (const id of list) if (!ids.has(id)) fail(`${name} names unknown item ${id}`);
  return rows.map((row) => {
    const marks = extractMarks(row.legalBasis);
    if (marks.length === 0) fail(`no verification mark in legal basis of ${row.id}`);
    const majorHazard = parseMajorHazard(row.majorRaw, row.legalBasis, row.id);
    const depts = parseDepartments(row.deptRaw, row.id);
    return {
      id: row.id,
      category: row.category,
      textZh: row.textZh,
      glossEn: row.glossEn,
      legalBasis: row.legalBasis,
      marks,
      weakestMark: weakestMark(marks),
      majorHazard,
      departments: depts.departments,
      allDepartments: depts.allDepartments,
      departmentsRaw: row.deptRaw,
      departmentNotes: depts.departmentNotes,
      otherBodies: depts.otherBodies,
      derived: {
        source: 'derived',
        ...deadlineFor(row.id, majorHazard.flag),
        measurement: MEASUREMENTS[row.id] ?? null,
        photoRequiredOnFail: true,
        priorities2025: [...(PRIORITIES[row.id] ?? [])],
        hintZh: must(HINTS[row.id], `hint for ${row.id}`),
      },
    };
  });
}

function buildDerivedRules(): DerivedRules {
  return {
    source: 'derived',
    noteZh:
      '本文件及检查项中 derived 字段均为推导内容，不是法规原文；法定整改期限由执法部门根据整改难易程度确定，此处仅为默认值，可修改。',
    deadlineClasses: [
      {
        class: 'immediate',
        labelZh: '立即/当场改正',
        suggestedDays: 0,
        suggestedDaysBasis:
          'yanglao-regulator config.py 红色 24 h (§5.4 practice values, heuristics, not law); mapping of classes to colours is ours',
        suggestedDaysMark: 'S',
      },
      {
        class: 'short',
        labelZh: '短期限期整改',
        suggestedDays: 7,
        suggestedDaysBasis:
          'yanglao-regulator config.py 黄色 7 天 (§5.4 practice values, heuristics, not law); mapping of classes to colours is ours',
        suggestedDaysMark: 'S',
      },
      {
        class: 'normal',
        labelZh: '限期整改',
        suggestedDays: 15,
        suggestedDaysBasis:
          'yanglao-regulator config.py 蓝色 15 天 (§5.4 practice values, heuristics, not law); mapping of classes to colours is ours',
        suggestedDaysMark: 'S',
      },
    ],
    deadlineRules: DEADLINE_RULES.map((r, i) => ({
      id: r.id,
      order: i + 1,
      deadlineClass: r.deadlineClass,
      descriptionZh: r.descriptionZh,
      basis: r.basis,
      basisMarks: extractMarks(r.basis),
      itemIds: r.itemIds === null ? null : [...r.itemIds],
    })),
    measurementNote: '仅对本身需要读数的检查项给出计量单位和名称；不给出合格阈值，因为来源未给出。',
    photoNote: '所有检查项默认不合格时须拍照留证（来源 §5.3 要求隐患清单附照片编号）；可在应用中按项关闭。',
    prioritiesNote:
      'fire-use/electricity/water 对应 pudong-towns.md 2025 年工作要点"用火、用电、用水"；arc-fault 对应"电弧报警智能发现设施"；e-bike 与 gas 不在该文件中，按牵头人要求加入，分别对应电动自行车停放充电和燃气安全。只标注明显相关的检查项。',
    hintNote: 'hintZh（查看要点）为推导的现场查看提示，不是法定检查标准。',
  };
}

// ---------------------------------------------------------------------------------------------------------
// Section 1: the 2023 major-hazard standard

function buildMajorHazard(md: string): MajorHazardRuleSet {
  const s1 = section(md, '## 1.', '## 2.');
  const title = group(matchOne(s1, /Title: 《([^》]+)》/, 'title'), 1, 'title');
  const issuer = group(matchOne(s1, /Issued by \*\*([^*]+)\*\*/, 'issuer'), 1, 'issuer');
  const noticeDate = group(matchOne(s1, /notice dated \*\*(\d{4}-\d{2}-\d{2})\*\*/, 'notice date'), 1, 'notice date');
  const publishedDate = group(
    matchOne(s1, /made public (\d{4}-\d{2}-\d{2})/, 'publication date'),
    1,
    'publication date',
  );
  const documentType = group(
    matchOne(s1, /\*\*normative document \(([^)]+)\)\*\*/, 'document type'),
    1,
    'document type',
  );
  const mark = asMark(
    group(matchOne(s1, /industry standard\. \*\*\[([VPSU])\]\*\*/, 'identity mark'), 1, 'identity mark'),
    'identity',
  );
  const docNumberMark = asMark(
    group(
      matchOne(s1, /Official document number \(文号\): \*\*not found \[([VPSU])\]\*\*/, 'document number'),
      1,
      'doc number',
    ),
    'doc number',
  );
  const structure = matchOne(
    s1,
    /Structure \(from news, \*\*\[([VPSU])\]\/\[([VPSU])\]\*\*\): (\d+) aspects, \*\*(\d+) specific situations/,
    'structure line',
  );
  const structureMarks = [asMark(group(structure, 1, 's'), 'structure'), asMark(group(structure, 2, 's'), 'structure')];
  const totalAspects = Number(group(structure, 3, 'aspects'));
  const totalCriteria = Number(group(structure, 4, 'situations'));

  const s12 = section(md, '### 1.2', '## 2.');
  const heading = matchOne(s12, /^### 1\.2 Criteria text found \((\d+) of (\d+) verified\)/, '1.2 heading');
  const seen = matchOne(
    s12,
    /Full text seen for 第一条–第五条\(三\) only \*\*\[([VPSU])\]\*\* \(sources: ([^)]+)\)\./,
    'full-text line',
  );
  const textMark = asMark(group(seen, 1, 'text mark'), 'full text');
  const sources = group(seen, 2, 'sources')
    .split(/\s*,\s*/)
    .map((u) => u.trim())
    .filter((u) => u.length > 0);

  const basisLine = group(matchOne(s12, /^- 第一条 Basis: (.+)\.$/m, '第一条'), 1, '第一条');
  const general = matchOne(s12, /^- 第二条 General test: (.+)\.\n\s+\((.+)\)$/m, '第二条');
  const aspectsBlock = group(matchOne(s12, /^- 第三条 Five aspects:\n((?:\s+\d\. .+\n)+)/m, '第三条'), 1, '第三条');
  const aspects = [...aspectsBlock.matchAll(/^\s+(\d)\. (\S+) \((.+)\)$/gm)].map((m) => ({
    no: Number(group(m, 1, 'aspect no')),
    clause: '第三条',
    textZh: group(m, 2, 'aspect'),
    glossEn: group(m, 3, 'aspect gloss'),
    mark: textMark,
  }));
  if (aspects.length !== totalAspects)
    fail(`第三条 lists ${aspects.length} aspects, structure line says ${totalAspects}`);

  const criteria = tableRows(s12, '| # | Clause |', 5).map((cells) => {
    const [id, clause, textZh, glossEn, leadRaw] = cells as [string, string, string, string, string];
    const lead = scanNames(leadRaw);
    if (lead.departments.length === 0) fail(`no lead department for ${id}`);
    return {
      id,
      clause,
      textZh,
      glossEn,
      leadDepartments: lead.departments,
      leadDepartmentsRaw: leadRaw,
      mark: textMark,
    };
  });
  if (criteria.length !== Number(group(heading, 1, 'found'))) fail('criteria table and 1.2 heading disagree');
  if (totalCriteria !== Number(group(heading, 2, 'total')))
    fail('structure line and 1.2 heading disagree on the total');

  const missing = matchOne(
    s12,
    /\*\*Not retrieved \((\d+) of (\d+) situations\): ([\s\S]+?)\. \[([VPSU])\]\*\*/,
    'not-retrieved note',
  );
  const missingCount = Number(group(missing, 1, 'missing'));
  if (missingCount + criteria.length !== Number(group(missing, 2, 'of'))) fail('retrieved + missing ≠ total');
  const missingText = group(missing, 3, 'missing list').replace(/\s+/g, ' ');
  const clausesZh = [...missingText.matchAll(new RegExp(CLAUSE_RE.source, 'g'))].map((m) => m[0]);

  const succ = matchOne(
    s1,
    /item "[^"]+", (https?:\/\/\S+), dated (\d{4}-\d{2}-\d{2})\)[\s\S]*?《养老机构基本规范》 and 《([^》]+)》\. GB number, date and content \*\*not found \[([VPSU])\]\*\*/,
    'successor standard',
  );

  return {
    id: 'mca-2023',
    title,
    issuer,
    documentType,
    noticeDate,
    publishedDate,
    docNumber: null,
    docNumberMark,
    mark,
    sources,
    totalAspects,
    totalCriteria,
    structureMarks,
    basis: { clause: '第一条', lawsZh: basisLine.split(/,\s*/), mark: textMark },
    generalTest: {
      clause: '第二条',
      textZh: group(general, 1, '第二条 text'),
      glossEn: group(general, 2, '第二条 gloss'),
      mark: textMark,
    },
    aspects,
    criteria,
    missing: {
      retrievedCount: criteria.length,
      missingCount,
      clausesZh,
      textEn: missingText,
      mark: asMark(group(missing, 4, 'missing mark'), 'missing'),
    },
    successor: {
      titleZh: group(succ, 3, 'successor title'),
      kind: '强制性国家标准',
      newsDate: group(succ, 2, 'news date'),
      newsUrl: group(succ, 1, 'news url'),
      gbNumber: null,
      mark: asMark(group(succ, 4, 'successor mark'), 'successor'),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Section 5.5: department routing

// Which checklist categories each routing row touches (our reading of the hazard-kind column).
const ROUTING_CATEGORIES: ReadonlyArray<readonly Category[]> = [
  ['fire', 'electric'],
  ['fire'],
  ['building'],
  ['gas'],
  ['food'],
  ['special-equipment', 'medicine', 'gas'],
  ['service-quality', 'care-safety', 'electric'],
  ['medicine'],
  ['care-safety', 'service-quality', 'management', 'water'],
  ['electric'],
];

// The default lead for a custom finding in each category, and the row it comes from.
const CATEGORY_DEFAULT_ROWS: ReadonlyArray<readonly [Category, string]> = [
  ['fire', 'R1'],
  ['electric', 'R1'],
  ['gas', 'R4'],
  ['water', 'R9'],
  ['food', 'R5'],
  ['medicine', 'R8'],
  ['care-safety', 'R9'],
  ['building', 'R3'],
  ['special-equipment', 'R6'],
  ['service-quality', 'R9'],
  ['management', 'R9'],
];

function buildRouting(md: string): DepartmentRouting {
  const s = section(md, '### 5.5', '### 5.6');
  const basisRaw = group(matchOne(s, /^(Basis: [\s\S]+?)\n\n/m, '5.5 basis'), 1, '5.5 basis');
  const table = tableRows(s, '| Hazard kind |', 3);
  if (table.length !== ROUTING_CATEGORIES.length)
    fail(`5.5 has ${table.length} rows, ROUTING_CATEGORIES has ${ROUTING_CATEGORIES.length}`);
  const rows = table.map((cells, i) => {
    const [hazardKind, leadRaw, legalHook] = cells as [string, string, string];
    const bold = [...leadRaw.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => group(m, 1, 'bold lead')).join(' ');
    if (bold.length === 0) fail(`no bold lead in 5.5 row ${i + 1}`);
    const lead = scanNames(bold);
    const rest = scanNames(leadRaw.replace(/\*\*[^*]+\*\*/g, ' '));
    const marks = extractMarks(legalHook);
    return {
      id: `R${i + 1}`,
      hazardKind,
      leadRaw,
      leadDepartments: lead.departments,
      leadOtherBodies: lead.otherBodies,
      alsoDepartments: rest.departments.filter((d) => !lead.departments.includes(d)),
      alsoOtherBodies: rest.otherBodies.filter((b) => !lead.otherBodies.includes(b)),
      legalHook,
      marks,
      weakestMark: weakestMark(marks),
      categories: [...must(ROUTING_CATEGORIES[i], `categories of row ${i + 1}`)],
      categoriesSource: 'derived' as const,
    };
  });
  const categoryDefaults = CATEGORY_DEFAULT_ROWS.map(([category, rowId]) => {
    const row = must(
      rows.find((r) => r.id === rowId),
      `routing row ${rowId}`,
    );
    if (!row.categories.includes(category)) fail(`${rowId} does not touch ${category}`);
    return { category, departments: [...row.leadDepartments], fromRows: [rowId], source: 'derived' as const };
  });
  return { basis: { raw: basisRaw, marks: extractMarks(basisRaw) }, rows, categoryDefaults };
}

// ---------------------------------------------------------------------------------------------------------
// Departments and towns

function buildDepartments(): Department[] {
  // Names follow the lead's brief; the checklist uses the first five keys (section 8 legend), 发改 joins in Pudong.
  return [
    { key: 'civil-affairs', nameZh: '民政部门', shortZh: '民政', nameEn: 'Civil Affairs', inChecklist: true },
    { key: 'fire', nameZh: '消防救援机构', shortZh: '消防救援', nameEn: 'Fire and Rescue', inChecklist: true },
    { key: 'market', nameZh: '市场监督管理部门', shortZh: '市场监管', nameEn: 'Market Regulation', inChecklist: true },
    {
      key: 'construction',
      nameZh: '住房城乡建设管理部门（建管）',
      shortZh: '住建',
      nameEn: 'Housing and Construction',
      inChecklist: true,
    },
    { key: 'health', nameZh: '卫生健康部门', shortZh: '卫健', nameEn: 'Health', inChecklist: true },
    {
      key: 'development',
      nameZh: '发展改革部门',
      shortZh: '发改',
      nameEn: 'Development and Reform',
      inChecklist: false,
    },
  ];
}

/** The town list of pudong-towns.md. */
export function buildTowns(md: string): Towns {
  const title = matchOne(md, /^# (\S+) 街镇 \((\d+)\)/m, 'towns title');
  const district = group(title, 1, 'district');
  const towns: Towns['towns'] = [];
  const kinds = [
    ['街道', 'S'],
    ['镇', 'T'],
  ] as const;
  for (const [kind, letter] of kinds) {
    const m = matchOne(md, new RegExp(`^${kind} \\((\\d+)\\): ([\\s\\S]+?)\\n\\n`, 'm'), `${kind} list`);
    const names = group(m, 2, `${kind} names`)
      .split(/,\s*/)
      .map((n) => n.trim());
    if (names.length !== Number(group(m, 1, `${kind} count`)))
      fail(`${kind}: listed ${names.length}, heading says ${group(m, 1, 'n')}`);
    names.forEach((name, i) => {
      if (!name.endsWith(kind)) fail(`${name} is listed under ${kind}`);
      towns.push({ code: `PD-${letter}${String(i + 1).padStart(2, '0')}`, name, kind, order: towns.length + 1 });
    });
  }
  if (towns.length !== Number(group(title, 2, 'total'))) fail('town total differs from the title');
  return { district, towns };
}

// ---------------------------------------------------------------------------------------------------------

/** Builds and validates the whole seed from the markdown in `domainDir`. */
export function buildSeed(domainDir: string): Seed {
  const regulations = readFileSync(path.join(domainDir, DOMAIN_FILES.regulations), 'utf8');
  const townsMd = readFileSync(path.join(domainDir, DOMAIN_FILES.towns), 'utf8');
  return {
    checklistItems: checklistItemsSchema.parse(buildChecklist(regulations)),
    majorHazard: majorHazardRuleSetSchema.parse(buildMajorHazard(regulations)),
    departments: departmentsSchema.parse(buildDepartments()),
    towns: townsSchema.parse(buildTowns(townsMd)),
    routing: departmentRoutingSchema.parse(buildRouting(regulations)),
    derivedRules: derivedRulesSchema.parse(buildDerivedRules()),
  };
}

/** The exact text written for one seed file: two-space JSON and a final newline. */
export function serializeSeedFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function main(): void {
  const root = path.resolve(__dirname, '..');
  const seed = buildSeed(path.join(root, 'resources', 'domain'));
  const outDir = path.join(root, 'resources', 'seed');
  mkdirSync(outDir, { recursive: true });
  for (const key of Object.keys(SEED_FILES) as Array<keyof typeof SEED_FILES>) {
    writeFileSync(path.join(outDir, SEED_FILES[key]), serializeSeedFile(seed[key]));
  }
  console.log(
    `seed written to ${path.relative(root, outDir)}: ${seed.checklistItems.length} items, ${seed.towns.towns.length} towns`,
  );
}

// Imported by the tests for an in-process rebuild; only run when invoked as the script.
if (process.argv[1] !== undefined && /build-seed\.ts$/.test(process.argv[1])) main();
