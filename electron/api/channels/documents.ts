import { z } from 'zod';
import { channel, idSchema } from '../contract';

/** Kinds of 文书, each with its own number sequence per year. */
export const documentKindSchema = z.enum([
  'rectification-notice',
  'inspection-record',
  'reinspection-opinion',
  'referral-letter',
  'notify-letter',
  'joint-report',
  'consultation-material',
]);

/** A document kind. */
export type DocumentKind = z.infer<typeof documentKindSchema>;

/** Chinese names of the kinds, as printed in titles and default file names. */
export const documentKindNames: Record<DocumentKind, string> = {
  'rectification-notice': '整改通知书',
  'inspection-record': '现场检查记录',
  'reinspection-opinion': '复查意见书',
  'referral-letter': '移送函',
  'notify-letter': '抄告函',
  'joint-report': '联合监管报告',
  'consultation-material': '会商材料',
};

/** Issued or voided (a voided document keeps its number, which is never given out again). */
export const documentStatusSchema = z.enum(['issued', 'voided']);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '日期不存在');

const text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}最多 ${max} 个字`);
const prefix = (label: string) =>
  text(`${label}编号前缀`, 12).regex(/^[\u4e00-\u9fa5A-Za-z0-9]+$/, `${label}编号前缀只能包含中文、字母或数字`);

/** 文书设置: the issuing organ, number prefixes, contact line, report-back and consequences texts, addressees. */
export const documentSettingsSchema = z.object({
  issuingOrgan: text('发文机关全称', 40),
  organShort: text('机关代字', 10),
  /** How the organ refers to itself in the text (我局). */
  selfReference: text('机关自称', 6),
  prefixes: z.object({
    'rectification-notice': prefix('整改通知书'),
    'inspection-record': prefix('现场检查记录'),
    'reinspection-opinion': prefix('复查意见书'),
    'referral-letter': prefix('移送函'),
    'notify-letter': prefix('抄告函'),
    'joint-report': prefix('联合监管报告'),
    'consultation-material': prefix('会商材料'),
  }),
  contactName: text('联系人', 20),
  contactPhone: text('联系电话', 30),
  /** How and where the institution reports back. */
  reportBack: text('整改报告要求', 500),
  /** What happens if not rectified, before the quoted article. */
  consequences: text('逾期未整改的后果', 500),
  /** The article quoted after it, as a legal-basis string (安全生产法 第一百零二条 [V]). */
  consequencesBasis: text('后果所依据的条文', 100),
  /** Full names of the departments letters and reports are addressed to, by department key. */
  addressees: z.record(z.string(), z.string().trim().max(40, '部门全称最多 40 个字')),
});

/** The document settings. */
export type DocumentSettings = z.infer<typeof documentSettingsSchema>;

/** A row of the 文书台账. */
export const issuedDocumentSchema = z.object({
  id: idSchema,
  kind: documentKindSchema,
  kindName: z.string(),
  number: z.string(),
  title: z.string(),
  status: documentStatusSchema,
  verificationCode: z.string(),
  issueDate: z.string(),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  departmentKey: z.string().nullable(),
  pageCount: z.number().int().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  voidedReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  /** Law versions the quotes used, by law id. */
  lawVersions: z.record(z.string(), z.string()),
  /** Default file name: 机构名_整改通知书_编号.pdf. */
  fileName: z.string(),
});

/** A document of the register. */
export type IssuedDocument = z.infer<typeof issuedDocumentSchema>;

/** What to issue (or preview): the kind and the records it is about. */
export const documentRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rectification-notice'),
    inspectionId: idSchema.optional(),
    hazardIds: z.array(idSchema).min(1, '请至少选择一条隐患').max(200).optional(),
  }),
  z.object({ kind: z.literal('inspection-record'), inspectionId: idSchema }),
  z.object({
    kind: z.literal('reinspection-opinion'),
    hazardIds: z.array(idSchema).min(1, '请至少选择一条隐患').max(200),
  }),
  z.object({
    kind: z.enum(['referral-letter', 'notify-letter']),
    departmentKey: z.string().min(1, '请选择部门'),
    hazardIds: z.array(idSchema).min(1, '请至少选择一条隐患').max(200),
  }),
  z.object({
    kind: z.literal('joint-report'),
    departmentKey: z.string().min(1, '请选择部门'),
    from: isoDate,
    to: isoDate,
  }),
  z.object({
    kind: z.literal('consultation-material'),
    from: isoDate,
    to: isoDate,
    /** Narrow to one town / one responsible department, as the 统计 screen's filters do. */
    townId: idSchema.optional(),
    departmentKey: z.string().min(1).max(64).optional(),
  }),
]);

/** A request to issue or preview a document. */
export type DocumentRequest = z.infer<typeof documentRequestSchema>;

const savedSchema = z.object({ path: z.string(), bytes: z.number().int() }).nullable();

/** What a code or a handed-back PDF matches. */
export const verifyResultSchema = z.object({
  /** match: a record with this code; no-match: well-formed but unknown; typo: the check character is wrong;
   * format: not a code; no-code: the PDF carries none; altered: the PDF names a record whose code differs. */
  outcome: z.enum(['match', 'no-match', 'typo', 'format', 'no-code', 'altered']),
  code: z.string().nullable(),
  message: z.string(),
  document: issuedDocumentSchema.nullable(),
  /** For a PDF: true when its bytes are exactly the stored file's. */
  identicalFile: z.boolean().nullable(),
});

/** A verification answer. */
export type VerifyResult = z.infer<typeof verifyResultSchema>;

/** A finished inspection the documents screen can issue papers for. */
export const documentInspectionSchema = z.object({
  id: idSchema,
  institutionName: z.string(),
  finishedAt: z.string(),
  hazardCount: z.number().int(),
  documents: z.array(z.object({ kind: documentKindSchema, number: z.string(), status: documentStatusSchema })),
});

/** Channels of the 文书报告 module: settings, issuing, preview, register, void, save, export and verification. */
export const documentChannels = {
  'documents:get-settings': channel({ access: 'viewer', input: z.object({}), output: documentSettingsSchema }),
  'documents:update-settings': channel({
    access: 'admin',
    input: documentSettingsSchema,
    output: documentSettingsSchema,
  }),
  'documents:list': channel({
    access: 'viewer',
    input: z.object({
      kind: documentKindSchema.optional(),
      status: documentStatusSchema.optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
    }),
    output: z.array(issuedDocumentSchema),
  }),
  'documents:list-inspections': channel({
    access: 'viewer',
    input: z.object({}),
    output: z.array(documentInspectionSchema),
  }),
  'documents:preview': channel({
    access: 'inspector',
    input: z.object({ request: documentRequestSchema }),
    output: z.object({ fileName: z.string(), pageCount: z.number().int(), saved: savedSchema }),
  }),
  'documents:issue-notice': channel({
    access: 'inspector',
    input: z.object({ inspectionId: idSchema.optional(), hazardIds: z.array(idSchema).min(1).max(200).optional() }),
    output: issuedDocumentSchema,
  }),
  'documents:issue': channel({
    access: 'inspector',
    input: z.object({ request: documentRequestSchema }),
    output: issuedDocumentSchema,
  }),
  'documents:void': channel({
    access: 'inspector',
    input: z.object({
      id: idSchema,
      reason: z.string().trim().min(2, '请填写作废原因（至少 2 个字）').max(300, '作废原因最多 300 个字'),
    }),
    output: issuedDocumentSchema,
  }),
  'documents:save': channel({
    access: 'viewer',
    input: z.object({ id: idSchema }),
    output: z.object({ fileName: z.string(), saved: savedSchema }),
  }),
  'documents:export': channel({
    access: 'viewer',
    input: z
      .object({
        kind: documentKindSchema.default('rectification-notice'),
        from: isoDate.optional(),
        to: isoDate.optional(),
        /** Export the issued 整改通知书 of this 检查计划 instead of a date range. */
        planId: idSchema.optional(),
        includeVoided: z.boolean().default(false),
      })
      .refine(
        (v) =>
          v.planId !== undefined
            ? v.from === undefined && v.to === undefined
            : v.from !== undefined && v.to !== undefined,
        '请选择日期范围或检查计划（二选一）',
      ),
    output: z.object({ count: z.number().int(), saved: z.array(z.object({ fileName: z.string(), path: z.string() })) }),
  }),
  'documents:verify': channel({
    access: 'viewer',
    input: z
      .object({ code: z.string().max(40).optional(), pdfBase64: z.string().max(60_000_000, 'PDF 文件过大').optional() })
      .refine((v) => Boolean(v.code?.trim()) !== Boolean(v.pdfBase64), '请输入核验码或选择 PDF 文件（二选一）'),
    output: verifyResultSchema,
  }),
};
