import { institutionStatusValues, institutionTypeValues, type InstitutionFields } from '../../api';

/** How a column's cells are read and written. */
export type ColumnKind = 'text' | 'code' | 'int' | 'bool' | 'date' | 'enum' | 'town';

/** One column of the import template and the export: the same list, so an export re-imports unchanged. */
export interface ExcelColumn {
  key: keyof InstitutionFields;
  header: string;
  kind: ColumnKind;
  required: boolean;
  width: number;
  options?: readonly string[];
  /** One line of guidance printed on the template's 填写说明 sheet. */
  hint: string;
}

/** Values written for yes/no columns. */
export const YES = '是';
/** Values written for yes/no columns. */
export const NO = '否';

/**
 * The registry's columns, in sheet order. Required columns carry a trailing '*' in the header; headers are
 * matched without it, so a user who deletes the star still imports.
 */
export const EXCEL_COLUMNS: readonly ExcelColumn[] = [
  {
    key: 'name',
    header: '机构名称',
    kind: 'text',
    required: true,
    width: 32,
    hint: '机构的登记全称，不得与其他机构重名',
  },
  {
    key: 'uscc',
    header: '统一社会信用代码',
    kind: 'code',
    required: true,
    width: 22,
    hint: '18 位，按 GB 32100-2015 校验；请将本列设为文本格式',
  },
  {
    key: 'licenceNo',
    header: '备案/许可证号',
    kind: 'text',
    required: false,
    width: 22,
    hint: '养老机构备案回执或设立许可证编号',
  },
  { key: 'licenceDate', header: '备案/许可日期', kind: 'date', required: false, width: 14, hint: '格式 YYYY-MM-DD' },
  { key: 'address', header: '地址', kind: 'text', required: true, width: 40, hint: '详细地址' },
  { key: 'townId', header: '街镇', kind: 'town', required: true, width: 14, hint: '填写街镇全称，须在“街镇”表中' },
  {
    key: 'type',
    header: '机构类型',
    kind: 'enum',
    required: true,
    width: 12,
    options: institutionTypeValues,
    hint: '公办、公建民营或民办',
  },
  { key: 'bedCount', header: '床位数', kind: 'int', required: true, width: 9, hint: '整数' },
  { key: 'residentsSelfCare', header: '自理老人数', kind: 'int', required: false, width: 11, hint: '整数，空白按 0' },
  {
    key: 'residentsSemiDisabled',
    header: '半失能老人数',
    kind: 'int',
    required: false,
    width: 12,
    hint: '整数，空白按 0',
  },
  { key: 'residentsDisabled', header: '失能老人数', kind: 'int', required: false, width: 11, hint: '整数，空白按 0' },
  {
    key: 'residentsDementia',
    header: '认知障碍老人数',
    kind: 'int',
    required: false,
    width: 14,
    hint: '整数，空白按 0；为以上三类中的认知障碍老人',
  },
  { key: 'legalRepresentative', header: '法定代表人', kind: 'text', required: false, width: 11, hint: '' },
  { key: 'contactPerson', header: '联系人', kind: 'text', required: false, width: 10, hint: '' },
  { key: 'contactPhone', header: '联系电话', kind: 'text', required: false, width: 15, hint: '固话或手机号' },
  { key: 'fireSafetyResponsible', header: '消防安全责任人', kind: 'text', required: false, width: 14, hint: '' },
  { key: 'fireSafetyManager', header: '消防安全管理人', kind: 'text', required: false, width: 14, hint: '' },
  { key: 'buildingYear', header: '建成年份', kind: 'int', required: false, width: 10, hint: '四位年份' },
  { key: 'buildingStoreys', header: '楼层数', kind: 'int', required: false, width: 8, hint: '地上层数' },
  {
    key: 'buildingStructure',
    header: '建筑结构',
    kind: 'text',
    required: false,
    width: 12,
    hint: '如 钢筋混凝土结构、砖混结构',
  },
  {
    key: 'buildingShared',
    header: '与其他单位合用建筑',
    kind: 'bool',
    required: false,
    width: 10,
    hint: '是/否，空白按否',
  },
  { key: 'hasCanteen', header: '设有食堂', kind: 'bool', required: false, width: 9, hint: '是/否' },
  { key: 'hasClinic', header: '设有内设医疗机构', kind: 'bool', required: false, width: 10, hint: '是/否' },
  { key: 'hasLifts', header: '设有电梯', kind: 'bool', required: false, width: 9, hint: '是/否' },
  { key: 'hasPipedGas', header: '使用管道燃气', kind: 'bool', required: false, width: 9, hint: '是/否' },
  { key: 'hasLpg', header: '使用液化石油气', kind: 'bool', required: false, width: 9, hint: '是/否' },
  {
    key: 'hasOxygen',
    header: '设有供氧',
    kind: 'bool',
    required: false,
    width: 9,
    hint: '是/否（含集中供氧与氧气瓶）',
  },
  {
    key: 'hasEbikeParking',
    header: '设有电动自行车停放充电场所',
    kind: 'bool',
    required: false,
    width: 12,
    hint: '是/否',
  },
  { key: 'arcFaultDetection', header: '安装电弧故障探测', kind: 'bool', required: false, width: 10, hint: '是/否' },
  {
    key: 'arcFaultDetectionDate',
    header: '电弧故障探测安装日期',
    kind: 'date',
    required: false,
    width: 14,
    hint: '已安装时填写，YYYY-MM-DD',
  },
  {
    key: 'electricalFireMonitoring',
    header: '安装电气火灾监控',
    kind: 'bool',
    required: false,
    width: 10,
    hint: '是/否',
  },
  {
    key: 'electricalFireMonitoringDate',
    header: '电气火灾监控安装日期',
    kind: 'date',
    required: false,
    width: 14,
    hint: '已安装时填写，YYYY-MM-DD',
  },
  {
    key: 'status',
    header: '运营状态',
    kind: 'enum',
    required: false,
    width: 10,
    options: institutionStatusValues,
    hint: '运营、停业整顿或已关闭，空白按运营',
  },
  { key: 'notes', header: '备注', kind: 'text', required: false, width: 30, hint: '' },
];

/** Chinese label of each editable field, for change lists and error messages. */
export const FIELD_LABELS: Record<keyof InstitutionFields, string> = Object.fromEntries(
  EXCEL_COLUMNS.map((c) => [c.key, c.header]),
) as Record<keyof InstitutionFields, string>;

/** Name of the data sheet in the template and the export. */
export const DATA_SHEET = '机构档案';

/** Excel column letter (1 → A, 27 → AA). */
export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
