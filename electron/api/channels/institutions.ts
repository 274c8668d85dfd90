import { z } from 'zod';
import { channel, idSchema } from '../contract';

/** Ownership/operation types (公办 / 公建民营 / 民办). */
export const institutionTypeValues = ['公办', '公建民营', '民办'] as const;

/** Operating statuses (运营 / 停业整顿 / 已关闭); archiving is separate (`archivedAt`). */
export const institutionStatusValues = ['运营', '停业整顿', '已关闭'] as const;

/** Risk levels; '未评估' when there is no inspection data to compute a score from. */
export const riskLevelValues = ['高', '中', '低', '未评估'] as const;

/** A risk level. */
export type RiskLevel = (typeof riskLevelValues)[number];

/** Largest file the import accepts, in bytes (10 MB). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** Largest number of data rows the import accepts. */
export const IMPORT_MAX_ROWS = 20_000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '日期不存在');

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .nullable()
    .transform((v) => (v === '' || v === null ? null : v));

const count = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(5000, `${label}不能超过 5000`);

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{7,20}$/, '联系电话只能包含数字、空格、+、-、括号，7–20 位')
  .nullable()
  .or(z.literal(''))
  .transform((v) => (v === '' || v === null ? null : v));

/**
 * The editable fields of an institution, as the form and the Excel import fill them. The 统一社会信用代码
 * check characters are verified by the service (GB 32100), which explains the error.
 */
export const institutionFieldsSchema = z
  .object({
    name: z.string().trim().min(1, '请填写机构名称').max(100, '机构名称最多 100 个字'),
    uscc: z.string().trim().min(1, '请填写统一社会信用代码').max(40, '统一社会信用代码应为 18 位'),
    licenceNo: optionalText(60, '备案/许可证号'),
    licenceDate: isoDate.nullable(),
    address: z.string().trim().min(1, '请填写地址').max(200, '地址最多 200 个字'),
    townId: idSchema,
    type: z.enum(institutionTypeValues, { error: '机构类型应为公办、公建民营或民办' }),
    bedCount: count('床位数'),
    residentsSelfCare: count('自理老人数'),
    residentsSemiDisabled: count('半失能老人数'),
    residentsDisabled: count('失能老人数'),
    residentsDementia: count('认知障碍老人数'),
    legalRepresentative: optionalText(30, '法定代表人'),
    contactPerson: optionalText(30, '联系人'),
    contactPhone: phone,
    fireSafetyResponsible: optionalText(30, '消防安全责任人'),
    fireSafetyManager: optionalText(30, '消防安全管理人'),
    buildingYear: z
      .number({ error: '建成年份应为数字' })
      .int('建成年份应为整数')
      .min(1900, '建成年份不早于 1900 年')
      .max(2100, '建成年份不晚于 2100 年')
      .nullable(),
    buildingStoreys: z
      .number({ error: '楼层数应为数字' })
      .int('楼层数应为整数')
      .min(1, '楼层数至少为 1')
      .max(100, '楼层数不超过 100')
      .nullable(),
    buildingStructure: optionalText(30, '建筑结构'),
    buildingShared: z.boolean(),
    hasCanteen: z.boolean(),
    hasClinic: z.boolean(),
    hasLifts: z.boolean(),
    hasPipedGas: z.boolean(),
    hasLpg: z.boolean(),
    hasOxygen: z.boolean(),
    hasEbikeParking: z.boolean(),
    arcFaultDetection: z.boolean(),
    arcFaultDetectionDate: isoDate.nullable(),
    electricalFireMonitoring: z.boolean(),
    electricalFireMonitoringDate: isoDate.nullable(),
    status: z.enum(institutionStatusValues, { error: '状态应为运营、停业整顿或已关闭' }),
    notes: optionalText(1000, '备注'),
  })
  .superRefine((v, ctx) => {
    const residents = v.residentsSelfCare + v.residentsSemiDisabled + v.residentsDisabled;
    if (residents > v.bedCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['bedCount'],
        message: `入住老人合计 ${residents} 人，超过床位数 ${v.bedCount}`,
      });
    }
    if (v.residentsDementia > residents) {
      ctx.addIssue({
        code: 'custom',
        path: ['residentsDementia'],
        message: `认知障碍老人数 ${v.residentsDementia} 超过入住老人合计 ${residents}`,
      });
    }
    if (!v.arcFaultDetection && v.arcFaultDetectionDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['arcFaultDetectionDate'],
        message: '未安装电弧故障探测时不应填写安装日期',
      });
    }
    if (!v.electricalFireMonitoring && v.electricalFireMonitoringDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['electricalFireMonitoringDate'],
        message: '未安装电气火灾监控时不应填写安装日期',
      });
    }
  });

/** Fields of an institution as entered (before the service normalises them). */
export type InstitutionFieldsInput = z.input<typeof institutionFieldsSchema>;

/** Fields of an institution after validation. */
export type InstitutionFields = z.output<typeof institutionFieldsSchema>;

/** A stored institution. */
export const institutionSchema = z.object({
  id: idSchema,
  name: z.string(),
  uscc: z.string(),
  licenceNo: z.string().nullable(),
  licenceDate: z.string().nullable(),
  address: z.string(),
  townId: idSchema,
  townName: z.string(),
  type: z.enum(institutionTypeValues),
  bedCount: z.number().int(),
  residentsSelfCare: z.number().int(),
  residentsSemiDisabled: z.number().int(),
  residentsDisabled: z.number().int(),
  residentsDementia: z.number().int(),
  legalRepresentative: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  fireSafetyResponsible: z.string().nullable(),
  fireSafetyManager: z.string().nullable(),
  buildingYear: z.number().int().nullable(),
  buildingStoreys: z.number().int().nullable(),
  buildingStructure: z.string().nullable(),
  buildingShared: z.boolean(),
  hasCanteen: z.boolean(),
  hasClinic: z.boolean(),
  hasLifts: z.boolean(),
  hasPipedGas: z.boolean(),
  hasLpg: z.boolean(),
  hasOxygen: z.boolean(),
  hasEbikeParking: z.boolean(),
  arcFaultDetection: z.boolean(),
  arcFaultDetectionDate: z.string().nullable(),
  electricalFireMonitoring: z.boolean(),
  electricalFireMonitoringDate: z.string().nullable(),
  status: z.enum(institutionStatusValues),
  notes: z.string().nullable(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** An institution as the renderer sees it. */
export type Institution = z.infer<typeof institutionSchema>;

/** One term of the risk indicator, with its Chinese explanation. */
export const riskTermSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  points: z.number(),
  maxPoints: z.number(),
  known: z.boolean(),
  explanation: z.string(),
});

/** The risk indicator of one institution: score, level, each term and the formula text. */
export const riskAssessmentSchema = z.object({
  score: z.number().nullable(),
  level: z.enum(riskLevelValues),
  terms: z.array(riskTermSchema),
  formula: z.string(),
  note: z.string().nullable(),
});

/** A computed risk indicator. */
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>;

/** A row of the institution list. */
export const institutionListItemSchema = institutionSchema
  .pick({
    id: true,
    name: true,
    uscc: true,
    address: true,
    townId: true,
    townName: true,
    type: true,
    bedCount: true,
    status: true,
    archivedAt: true,
    updatedAt: true,
  })
  .extend({ riskLevel: z.enum(riskLevelValues), riskScore: z.number().nullable() });

/** A row of the institution list. */
export type InstitutionListItem = z.infer<typeof institutionListItemSchema>;

/** Sortable columns of the list. */
export const institutionSortFields = ['name', 'town', 'type', 'bedCount', 'status', 'updatedAt', 'uscc'] as const;

/** Search and filters shared by the list and the export. */
export const institutionFilterSchema = z.object({
  query: z.string().trim().max(100, '搜索内容最多 100 个字').optional(),
  townIds: z.array(idSchema).max(100).optional(),
  types: z.array(z.enum(institutionTypeValues)).optional(),
  statuses: z.array(z.enum(institutionStatusValues)).optional(),
  riskLevels: z.array(z.enum(riskLevelValues)).optional(),
  includeArchived: z.boolean().optional(),
  sortField: z.enum(institutionSortFields).optional(),
  sortOrder: z.enum(['asc', 'desc']).optional(),
});

/** The list's search and filters. */
export type InstitutionFilter = z.input<typeof institutionFilterSchema>;

/** File bytes crossing the IPC: base64 (structured clone of a string is cheap and schema-checkable). */
const fileBase64 = z
  .string()
  .max(Math.ceil((IMPORT_MAX_BYTES * 4) / 3) + 8, `文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB，无法导入`);

/** A file the renderer sends (import) or receives (template, export). */
export const fileTransferSchema = z.object({ fileName: z.string().min(1).max(255), base64: fileBase64 });

/** A file crossing the IPC. */
export type FileTransfer = z.infer<typeof fileTransferSchema>;

/** One problem found in an import file: where (row and column as Excel shows them) and why. */
export const importIssueSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  columnLetter: z.string(),
  reason: z.string(),
});

/** A field that an import would change on an existing institution. */
export const fieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});

/** One row of an import that would update an existing institution. */
export const importUpdateSchema = z.object({
  row: z.number().int(),
  id: idSchema,
  name: z.string(),
  uscc: z.string(),
  changes: z.array(fieldChangeSchema),
});

/** Result of reading an import file: nothing is written. */
export const importPreviewSchema = z.object({
  fileName: z.string(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errors: z.array(importIssueSchema),
  errorRows: z.number().int(),
  warnings: z.array(z.string()),
  additions: z.array(z.object({ row: z.number().int(), name: z.string(), uscc: z.string(), townName: z.string() })),
  updates: z.array(importUpdateSchema),
  unchanged: z.number().int(),
});

/** An import preview. */
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** Result of committing an import. */
export const importResultSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skippedErrorRows: z.number().int(),
  updates: z.array(importUpdateSchema),
});

/** What a committed import did. */
export type ImportResult = z.infer<typeof importResultSchema>;

/** Answer of the 统一社会信用代码 check used for inline validation in the form. */
export const codeCheckSchema = z.object({
  valid: z.boolean(),
  normalized: z.string(),
  message: z.string().nullable(),
  usedBy: z.object({ id: idSchema, name: z.string() }).nullable(),
});

/** Channels of the 机构档案 module (institution registry, Excel import/export). */
export const institutionChannels = {
  'institutions:list': channel({
    access: 'viewer',
    input: institutionFilterSchema.extend({
      page: z.number().int().min(1).default(1),
      pageSize: z.number().int().min(1).max(200).default(20),
    }),
    output: z.object({ items: z.array(institutionListItemSchema), total: z.number().int() }),
  }),
  'institutions:get': channel({
    access: 'viewer',
    input: z.object({ id: idSchema }),
    output: z.object({
      institution: institutionSchema,
      risk: riskAssessmentSchema,
      references: z.array(z.object({ table: z.string(), label: z.string(), count: z.number().int() })),
    }),
  }),
  'institutions:check-code': channel({
    access: 'viewer',
    input: z.object({ code: z.string().max(60), excludeId: idSchema.optional() }),
    output: codeCheckSchema,
  }),
  'institutions:create': channel({ access: 'inspector', input: institutionFieldsSchema, output: institutionSchema }),
  'institutions:update': channel({
    access: 'inspector',
    input: z.object({ id: idSchema, fields: institutionFieldsSchema }),
    output: institutionSchema,
  }),
  'institutions:archive': channel({
    access: 'inspector',
    input: z.object({ id: idSchema, archived: z.boolean(), reason: z.string().trim().max(200).optional() }),
    output: institutionSchema,
  }),
  'institutions:delete': channel({
    access: 'inspector',
    input: z.object({ id: idSchema, reason: z.string().trim().max(200).optional() }),
    output: z.object({ deleted: z.boolean() }),
  }),
  'institutions:template': channel({ access: 'viewer', input: z.object({}), output: fileTransferSchema }),
  'institutions:export': channel({
    access: 'viewer',
    input: institutionFilterSchema,
    output: fileTransferSchema.extend({ count: z.number().int() }),
  }),
  'institutions:import-preview': channel({
    access: 'inspector',
    input: fileTransferSchema,
    output: importPreviewSchema,
  }),
  'institutions:import-commit': channel({
    access: 'inspector',
    input: fileTransferSchema,
    output: importResultSchema,
  }),
};
