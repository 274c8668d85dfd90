import { z } from 'zod';
import { channel, idSchema } from '../contract';

/** Department key of 民政: every inspection team needs at least one member from it. */
export const CIVIL_AFFAIRS_DEPARTMENT = 'civil-affairs';

/** What a recusal covers: one institution, or every institution of one town. */
export const recusalScopeValues = ['institution', 'town'] as const;

/** One recusal (回避) of an inspector, with the names the screen shows. */
export const recusalSchema = z.object({
  id: idSchema,
  scope: z.enum(recusalScopeValues),
  institutionId: idSchema.nullable(),
  institutionName: z.string().nullable(),
  townId: idSchema.nullable(),
  townName: z.string().nullable(),
  reason: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
});

/** A recusal as the renderer sees it. */
export type Recusal = z.infer<typeof recusalSchema>;

/**
 * An inspector of the roster. `phone` is the full number for administrators and masked (138****1234) for
 * everyone else; `phoneMasked` says which, so the screen never guesses.
 */
export const inspectorSchema = z.object({
  id: idSchema,
  name: z.string(),
  departmentKey: z.string(),
  certificateNo: z.string().nullable(),
  phone: z.string().nullable(),
  phoneMasked: z.boolean(),
  isActive: z.boolean(),
  userId: idSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  recusals: z.array(recusalSchema),
});

/** An inspector as the renderer sees it. */
export type Inspector = z.infer<typeof inspectorSchema>;

/** Optional text field: trimmed; empty means "not given" and becomes NULL so unique indexes ignore it. */
function optionalPattern(pattern: RegExp, max: number, tooLong: string, invalid: string) {
  return z
    .string()
    .trim()
    .max(max, tooLong)
    .refine((v) => v === '' || pattern.test(v), invalid)
    .transform((v) => (v === '' ? null : v))
    .nullable();
}

const inspectorName = z.string().trim().min(1, '请填写姓名').max(30, '姓名最多 30 个字');
const certificateNo = optionalPattern(
  /^[A-Za-z0-9\u4e00-\u9fa5()（）\- ]+$/,
  40,
  '执法证号最多 40 个字符',
  '执法证号只能包含中文、字母、数字、括号或短横线',
);
/** 手机号 (11 digits starting 1[3-9]) or 座机 (区号-号码, optional extension). */
const phone = optionalPattern(
  /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/,
  20,
  '联系电话最多 20 个字符',
  '联系电话应为 11 位手机号或带区号的座机号（如 021-58881234）',
);
const reason = z.string().trim().min(2, '请填写回避原因（至少 2 个字）').max(200, '回避原因最多 200 个字');

/** Fields of an inspector as entered. */
export const inspectorFieldsSchema = z.object({
  name: inspectorName,
  departmentKey: z.string().min(1, '请选择所属部门'),
  certificateNo: certificateNo.optional(),
  phone: phone.optional(),
  userId: idSchema.nullable().optional(),
});

/** Input of a new recusal: an institution or a town, with the reason. */
export const recusalInputSchema = z.discriminatedUnion('scope', [
  z.object({ inspectorId: idSchema, scope: z.literal('institution'), institutionId: idSchema, reason }),
  z.object({ inspectorId: idSchema, scope: z.literal('town'), townId: idSchema, reason }),
]);

/**
 * Parameters of a 双随机 draw, as recorded. Arrays are sets (their order never matters); empty `townIds`,
 * `types` or `statuses` mean "no restriction". 民政 always takes part, whether listed or not.
 */
export const drawParamsSchema = z.object({
  scope: z.object({
    townIds: z.array(idSchema).max(200).default([]),
    types: z.array(z.string().min(1)).max(20).default([]),
    statuses: z.array(z.string().min(1)).max(20).default([]),
    minRiskScore: z.number().min(0, '最低风险分不能为负数').nullable().default(null),
    excludeInspectedWithinDays: z
      .number()
      .int('天数应为整数')
      .min(1, '排除天数至少为 1')
      .max(3650, '排除天数最多 3650')
      .nullable()
      .default(null),
  }),
  selection: z.discriminatedUnion('mode', [
    z.object({
      mode: z.literal('count'),
      count: z.number().int('抽取家数应为整数').min(1, '至少抽取 1 家').max(10000),
    }),
    z.object({ mode: z.literal('ratio'), percent: z.number().gt(0, '抽取比例应大于 0').max(100, '抽取比例最多 100%') }),
  ]),
  riskWeighted: z.boolean().default(false),
  teamSize: z.number().int().min(2, '每组至少 2 名检查人员').max(10, '每组最多 10 人').default(2),
  departmentKeys: z.array(z.string().min(1)).max(20).default([CIVIL_AFFAIRS_DEPARTMENT]),
  joint: z.boolean().default(false),
});

/** Draw parameters as given by a caller (defaults not yet applied). */
export type DrawParamsInput = z.input<typeof drawParamsSchema>;

/** Draw parameters with every default applied: what the record keeps. */
export type DrawParams = z.output<typeof drawParamsSchema>;

/** An institution the draw may pick, with only the fields that decide the draw (plus its name for messages). */
export const institutionCandidateSchema = z.object({
  id: idSchema,
  name: z.string(),
  townId: idSchema,
  type: z.string(),
  status: z.string(),
  riskScore: z.number().nullable(),
  lastInspectedAt: z.string().nullable(),
});

/** An institution candidate. */
export type InstitutionCandidate = z.infer<typeof institutionCandidateSchema>;

/** An active inspector the draw may put into a team, with the institutions and towns they must avoid. */
export const inspectorCandidateSchema = z.object({
  id: idSchema,
  name: z.string(),
  departmentKey: z.string(),
  recusedInstitutionIds: z.array(idSchema),
  recusedTownIds: z.array(idSchema),
});

/** An inspector candidate. */
export type InspectorCandidate = z.infer<typeof inspectorCandidateSchema>;

/** Both candidate lists of a draw; phase 2 stores them with the record so the draw can be verified later. */
export const drawCandidatesSchema = z.object({
  institutions: z.array(institutionCandidateSchema),
  inspectors: z.array(inspectorCandidateSchema),
});

/** The candidate lists of a draw. */
export type DrawCandidates = z.infer<typeof drawCandidatesSchema>;

/** Why a joint team lacks a participating department: nobody in the roster, or everyone must recuse. */
export const shortfallReasonValues = ['none-in-roster', 'all-recused'] as const;

/** The outcome of a draw: institutions in draw order and one team per institution. */
export const drawResultSchema = z.object({
  /** Institutions in scope before the "recently inspected" exclusion. */
  inScopeCount: z.number().int(),
  /** In scope but inspected within the exclusion window. */
  recentlyInspectedCount: z.number().int(),
  /** Candidates actually drawn from. */
  eligibleCount: z.number().int(),
  requestedCount: z.number().int(),
  institutionIds: z.array(idSchema),
  teams: z.array(
    z.object({
      institutionId: idSchema,
      inspectorIds: z.array(idSchema),
      shortfalls: z.array(z.object({ departmentKey: z.string(), reason: z.enum(shortfallReasonValues) })),
    }),
  ),
});

/** A draw's outcome. */
export type DrawResult = z.infer<typeof drawResultSchema>;

/** Everything needed to re-run and verify a draw. */
export const drawRecordSchema = z.object({
  algorithmVersion: z.string(),
  seed: z.string(),
  drawnAt: z.string(),
  params: drawParamsSchema,
  /** SHA-256 (hex) of the canonical candidate lists. */
  candidateHash: z.string(),
  result: drawResultSchema,
});

/** A draw record. */
export type DrawRecord = z.infer<typeof drawRecordSchema>;

/** What verifying a draw found: identical, or each difference in Chinese. */
export const drawVerificationSchema = z.object({
  identical: z.boolean(),
  candidateHashMatches: z.boolean(),
  recordedHash: z.string(),
  currentHash: z.string(),
  differences: z.array(z.string()),
});

/** A verification report. */
export type DrawVerification = z.infer<typeof drawVerificationSchema>;

/** Kinds of inspection plan; 飞行检查 are unannounced. */
export const planTypeValues = ['飞行检查', '双随机抽查', '专项检查', '联合检查', '复查'] as const;

/** A plan type. */
export type PlanType = (typeof planTypeValues)[number];

/** Plan states as shown: 进行中 and 已完成 are derived from the assignments and their inspections. */
export const planStatusValues = ['草稿', '已抽取', '进行中', '已完成', '已作废'] as const;

/** A plan state. */
export type PlanStatus = (typeof planStatusValues)[number];

/** Assignment states as shown (derived from the inspection that carries the assignment out). */
export const assignmentStatusValues = ['未开始', '进行中', '已完成'] as const;

/** An assignment state. */
export type AssignmentStatus = (typeof assignmentStatusValues)[number];

/** A calendar date YYYY-MM-DD that exists. */
export const planDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '日期不存在');

/** 抽取范围 of a plan: empty lists mean "no restriction". Internal: never published. */
export const planScopeSchema = z.object({
  townIds: z.array(idSchema).max(200).default([]),
  types: z.array(z.string().min(1)).max(20).default([]),
  statuses: z.array(z.string().min(1)).max(20).default([]),
  minRiskScore: z.number().min(0, '最低风险分不能为负数').max(100, '最低风险分最多 100').nullable().default(null),
});

/** A plan's scope. */
export type PlanScope = z.output<typeof planScopeSchema>;

const planFieldsObject = z.object({
  name: z.string().trim().min(2, '请填写计划名称（至少 2 个字）').max(60, '计划名称最多 60 个字'),
  type: z.enum(planTypeValues, { error: '计划类型应为飞行检查、双随机抽查、专项检查、联合检查或复查' }),
  periodStart: planDateSchema,
  periodEnd: planDateSchema,
  templateVersionIds: z.array(idSchema).max(10, '最多选择 10 个检查表').default([]),
  departmentKeys: z.array(z.string().min(1)).max(20).default([CIVIL_AFFAIRS_DEPARTMENT]),
  scope: planScopeSchema.default({ townIds: [], types: [], statuses: [], minRiskScore: null }),
  /** 飞行检查 are always flying; other types may be made unannounced too. */
  isFlying: z.boolean().default(false),
  notes: z
    .string()
    .trim()
    .max(500, '备注最多 500 个字')
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v)),
});

const periodOrder = (v: { periodStart?: string; periodEnd?: string }, ctx: z.RefinementCtx) => {
  if (v.periodStart !== undefined && v.periodEnd !== undefined && v.periodStart > v.periodEnd) {
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: '计划结束日期不能早于开始日期' });
  }
};

/** Fields of a plan as entered. */
export const planFieldsSchema = planFieldsObject.superRefine(periodOrder);

/** A change to a plan: any subset of its fields. */
export const planUpdateSchema = planFieldsObject.partial().extend({ id: idSchema }).superRefine(periodOrder);

/** Counts of a plan's assignments by state. */
export const planProgressSchema = z.object({
  total: z.number().int(),
  notStarted: z.number().int(),
  inProgress: z.number().int(),
  done: z.number().int(),
  scheduled: z.number().int(),
});

/** A plan as listed. */
export const planSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  type: z.enum(planTypeValues),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(planStatusValues),
  isFlying: z.boolean(),
  templateVersionIds: z.array(idSchema),
  departmentKeys: z.array(z.string()),
  scope: planScopeSchema,
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  currentDrawId: idSchema.nullable(),
  progress: planProgressSchema,
});

/** A plan as listed. */
export type PlanSummary = z.infer<typeof planSummarySchema>;

/** A team member as shown with an assignment or a draw (never a phone number). */
export const teamMemberSchema = z.object({ id: idSchema, name: z.string(), departmentKey: z.string() });

/** 检查安排: one drawn institution, its team and date, for the plan screen, the inspector and the inspection module. */
export const assignmentSchema = z.object({
  id: idSchema,
  planId: idSchema,
  planName: z.string(),
  planType: z.enum(planTypeValues),
  isFlying: z.boolean(),
  drawId: idSchema,
  sortOrder: z.number().int(),
  institutionId: idSchema,
  institutionName: z.string(),
  institutionAddress: z.string(),
  townName: z.string(),
  /** Checklist template versions the inspection should use (the plan's). */
  templateVersionIds: z.array(idSchema),
  team: z.array(teamMemberSchema),
  /** Joint-team departments nobody could be drawn from, in Chinese. */
  shortfalls: z.array(z.string()),
  scheduledDate: z.string().nullable(),
  status: z.enum(assignmentStatusValues),
  inspectionId: idSchema.nullable(),
});

/** An assignment. */
export type Assignment = z.infer<typeof assignmentSchema>;

/** One draw of a plan as shown: the record's public facts, and whether a later draw replaced it. */
export const planDrawSchema = z.object({
  id: idSchema,
  seq: z.number().int(),
  seed: z.string(),
  algorithmVersion: z.string(),
  candidateHash: z.string(),
  reason: z.string().nullable(),
  supersededById: idSchema.nullable(),
  drawnByName: z.string(),
  drawnAt: z.string(),
  params: drawParamsSchema,
  inScopeCount: z.number().int(),
  recentlyInspectedCount: z.number().int(),
  eligibleCount: z.number().int(),
  institutions: z.array(z.object({ id: idSchema, name: z.string(), townName: z.string() })),
  teams: z.array(z.object({ institutionId: idSchema, members: z.array(teamMemberSchema) })),
});

/** A draw as shown. */
export type PlanDraw = z.infer<typeof planDrawSchema>;

/** A plan with its draws (oldest first) and the assignments of its current draw (draw order). */
export const planDetailSchema = z.object({
  plan: planSummarySchema,
  draws: z.array(planDrawSchema),
  assignments: z.array(assignmentSchema),
});

/** A plan with its draws and assignments. */
export type PlanDetail = z.infer<typeof planDetailSchema>;

/** What the administrator chooses for a draw; scope and departments come from the plan. */
export const drawRequestSchema = z.object({
  planId: idSchema,
  selection: drawParamsSchema.shape.selection,
  riskWeighted: z.boolean().default(false),
  excludeInspectedWithinDays: drawParamsSchema.shape.scope.shape.excludeInspectedWithinDays,
  teamSize: drawParamsSchema.shape.teamSize,
  /** One inspector of each participating department; defaults to true for 联合检查 plans. */
  joint: z.boolean().optional(),
});

/** A redraw: the same choices plus the reason, which is required and recorded. */
export const redrawRequestSchema = drawRequestSchema.extend({
  reason: z.string().trim().min(4, '请填写重新抽取的原因（至少 4 个字）').max(300, '重新抽取原因最多 300 个字'),
});

/** Verifying a stored draw: re-run on its stored candidate lists, plus a comparison with today's data. */
export const planDrawVerificationSchema = drawVerificationSchema.extend({
  drawId: idSchema,
  seq: z.number().int(),
  /** Hash of the candidate lists built from today's data; differs once institutions or the roster changed. */
  todayHash: z.string(),
  todayMatches: z.boolean(),
});

/** A verification of a stored draw. */
export type PlanDrawVerification = z.infer<typeof planDrawVerificationSchema>;

/** What 我的检查安排 shows: the signed-in user's roster inspector (if linked) and their assignments by date. */
export const myAssignmentsSchema = z.object({
  inspector: z.object({ id: idSchema, name: z.string() }).nullable(),
  assignments: z.array(assignmentSchema),
});

/** Where an exported file went (null: the user cancelled the save dialog). */
export const savedExportSchema = z.object({
  fileName: z.string(),
  saved: z.object({ path: z.string(), bytes: z.number().int() }).nullable(),
});

/** Channels of the 检查计划 module: the roster, plans, draws, schedule and the published draw log. */
export const planChannels = {
  'inspectors:list': channel({
    access: 'viewer',
    input: z.object({ includeInactive: z.boolean().optional() }),
    output: z.array(inspectorSchema),
  }),
  'inspectors:create': channel({ access: 'admin', input: inspectorFieldsSchema, output: inspectorSchema }),
  'inspectors:update': channel({
    access: 'admin',
    input: inspectorFieldsSchema.partial().extend({ id: idSchema, isActive: z.boolean().optional() }),
    output: inspectorSchema,
  }),
  'inspectors:add-recusal': channel({ access: 'admin', input: recusalInputSchema, output: inspectorSchema }),
  'inspectors:remove-recusal': channel({
    access: 'admin',
    input: z.object({ id: idSchema }),
    output: inspectorSchema,
  }),
  'plans:list': channel({
    access: 'viewer',
    input: z.object({ includeCancelled: z.boolean().optional() }),
    output: z.array(planSummarySchema),
  }),
  'plans:get': channel({ access: 'viewer', input: z.object({ id: idSchema }), output: planDetailSchema }),
  'plans:create': channel({ access: 'admin', input: planFieldsSchema, output: planDetailSchema }),
  'plans:update': channel({ access: 'admin', input: planUpdateSchema, output: planDetailSchema }),
  'plans:cancel': channel({
    access: 'admin',
    input: z.object({
      id: idSchema,
      reason: z.string().trim().min(4, '请填写作废原因（至少 4 个字）').max(300, '作废原因最多 300 个字'),
    }),
    output: planDetailSchema,
  }),
  'plans:draw': channel({ access: 'admin', input: drawRequestSchema, output: planDetailSchema }),
  'plans:redraw': channel({ access: 'admin', input: redrawRequestSchema, output: planDetailSchema }),
  'plans:verify-draw': channel({
    access: 'viewer',
    input: z.object({ drawId: idSchema }),
    output: planDrawVerificationSchema,
  }),
  'plans:schedule-evenly': channel({
    access: 'admin',
    input: z.object({ planId: idSchema }),
    output: planDetailSchema,
  }),
  'plans:set-assignment-date': channel({
    access: 'admin',
    input: z.object({ assignmentId: idSchema, date: planDateSchema.nullable() }),
    output: planDetailSchema,
  }),
  'plans:list-my-assignments': channel({ access: 'inspector', input: z.object({}), output: myAssignmentsSchema }),
  'plans:get-assignment': channel({ access: 'inspector', input: z.object({ id: idSchema }), output: assignmentSchema }),
  'plans:export-draw-log': channel({
    access: 'viewer',
    input: z.object({ planId: idSchema, format: z.enum(['pdf', 'xlsx']) }),
    output: savedExportSchema,
  }),
};
