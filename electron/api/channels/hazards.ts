import { z } from 'zod';
import { channel, idSchema } from '../contract';
import { pictureDataSchema } from './inspections';

/** States of a hazard: 待整改 → 整改中 → 待复查 → 已闭环. */
export const hazardStates = ['to-rectify', 'rectifying', 'to-verify', 'closed'] as const;

/** A hazard state. */
export type HazardState = (typeof hazardStates)[number];

/** Severity: 重大事故隐患 (major) or 一般隐患 (general). */
export const hazardSeverities = ['major', 'general'] as const;

/** A severity. */
export type HazardSeverity = (typeof hazardSeverities)[number];

/** Where a severity came from (see db/schema/hazards.ts). */
export const hazardSeverityBases = [
  'criterion',
  'inspector',
  'pending-judgment',
  'criteria-not-retrieved',
  'none',
] as const;

/** Deadline classes: 立即 / 短期 / 一般. */
export const hazardDeadlineClasses = ['immediate', 'short', 'normal'] as const;

/** A deadline class. */
export type HazardDeadlineClass = (typeof hazardDeadlineClasses)[number];

/** Verification methods an inspector may choose (当场整改 is recorded only by on-site fixes). */
export const verificationMethods = ['现场复查', '资料审核', '照片核验'] as const;

/** A verification method. */
export type VerificationMethod = (typeof verificationMethods)[number];

/** Actions that move a hazard between states. */
export const hazardActions = ['start', 'report', 'recheck', 'verify-pass', 'verify-fail'] as const;

/** A state-changing action. */
export type HazardAction = (typeof hazardActions)[number];

/** Kinds of history entries. */
export const hazardEventKinds = [
  'create',
  'start',
  'report',
  'recheck',
  'verify-pass',
  'verify-fail',
  'recheck-note',
  'reminder',
  'referral',
  'referral-update',
  'edit',
] as const;

/** 移送 (transfer) or 抄告 (notify). */
export const referralKinds = ['transfer', 'notify'] as const;

/** Whether a department accepted a referral. */
export const referralAcceptedValues = ['pending', 'yes', 'no'] as const;

/** The next step suggested for an overdue hazard: 催办 first, then 移送. */
export const hazardNextSteps = ['remind', 'refer'] as const;

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
    .nullish()
    .transform((v) => (v ? v : null));

const photoIds = z.array(idSchema).max(50, '一次最多关联 50 张照片').default([]);

/** A photo or document attached to a hazard. */
export const hazardPhotoSchema = z.object({
  photoId: idSchema,
  role: z.enum(['before', 'after', 'document']),
  eventId: z.string().nullable(),
});

/** A hazard as the board and the inspection runner see it; `overdue` and `nextStep` are derived, not stored. */
export const hazardSchema = z.object({
  id: idSchema,
  code: z.string(),
  institutionId: idSchema,
  institutionName: z.string(),
  townId: z.string(),
  townName: z.string(),
  sourceInspectionId: z.string().nullable(),
  itemKey: z.string().nullable(),
  ruleItemCode: z.string().nullable(),
  itemText: z.string().nullable(),
  legalBasis: z.string().nullable(),
  location: z.string(),
  description: z.string(),
  measurement: z.object({ value: z.number(), unit: z.string() }).nullable(),
  severity: z.enum(hazardSeverities),
  severityBasis: z.enum(hazardSeverityBases),
  severityRationale: z.string(),
  pendingJudgment: z.boolean(),
  majorRuleSetId: z.string().nullable(),
  majorCriterionCode: z.string().nullable(),
  departments: z.array(z.string()),
  requiredAction: z.string(),
  deadlineClass: z.enum(hazardDeadlineClasses),
  deadlineDate: z.string(),
  interimMeasures: z.string().nullable(),
  state: z.enum(hazardStates),
  fixedOnSpot: z.boolean(),
  recordedById: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
  overdue: z.boolean(),
  daysOverdue: z.number().int().nonnegative(),
  nextStep: z.enum(hazardNextSteps).nullable(),
  lastReminderAt: z.string().nullable(),
  referralCount: z.number().int().nonnegative(),
  photos: z.array(hazardPhotoSchema),
});

/** A hazard. */
export type Hazard = z.infer<typeof hazardSchema>;

/** One entry of a hazard's history. */
export const hazardEventSchema = z.object({
  id: idSchema,
  seq: z.number().int(),
  kind: z.enum(hazardEventKinds),
  fromState: z.enum(hazardStates).nullable(),
  toState: z.enum(hazardStates),
  actorId: z.string().nullable(),
  actorName: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
  text: z.string().nullable(),
  method: z.string().nullable(),
  inspectionId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

/** A history entry. */
export type HazardEvent = z.infer<typeof hazardEventSchema>;

/** A 移送 / 抄告 of a hazard. */
export const hazardReferralSchema = z.object({
  id: idSchema,
  hazardId: idSchema,
  departmentKey: z.string(),
  kind: z.enum(referralKinds),
  referredOn: z.string(),
  letterNo: z.string().nullable(),
  accepted: z.enum(referralAcceptedValues),
  acceptedOn: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

/** A referral. */
export type HazardReferral = z.infer<typeof hazardReferralSchema>;

/** Whether the signed-in user may take an action now, and why not. */
export const hazardActionOptionSchema = z.object({
  action: z.enum(hazardActions),
  allowed: z.boolean(),
  reason: z.string().nullable(),
});

/** A hazard with its history, referrals and the actions open to the signed-in user. */
export const hazardDetailSchema = z.object({
  hazard: hazardSchema,
  events: z.array(hazardEventSchema),
  referrals: z.array(hazardReferralSchema),
  actions: z.array(hazardActionOptionSchema),
});

/** A hazard with everything the detail drawer shows. */
export type HazardDetail = z.infer<typeof hazardDetailSchema>;

/** Module settings: default deadline days per class ([S]-marked heuristics) and separation of duties. */
export const hazardSettingsSchema = z.object({
  deadlineDays: z.object({ immediate: z.number().int(), short: z.number().int(), normal: z.number().int() }),
  requireDifferentVerifier: z.boolean(),
  /** The shipped defaults and their verification mark, so the screen can say they are heuristics. */
  defaults: z.object({ immediate: z.number().int(), short: z.number().int(), normal: z.number().int() }),
  defaultsMark: z.string(),
  defaultsNote: z.string(),
});

/** The module settings. */
export type HazardSettings = z.infer<typeof hazardSettingsSchema>;

const countRow = z.object({
  key: z.string(),
  name: z.string(),
  open: z.number().int(),
  overdue: z.number().int(),
  major: z.number().int(),
});

/** Board filters. `state` 'open' means every state but 已闭环. */
export const hazardFilterSchema = z.object({
  townId: idSchema.optional(),
  institutionId: idSchema.optional(),
  departmentKey: z.string().optional(),
  severity: z.enum(hazardSeverities).optional(),
  state: z.enum([...hazardStates, 'open', 'all']).default('open'),
  overdue: z.boolean().optional(),
});

/** Board filters as the renderer passes them. */
export type HazardFilter = z.input<typeof hazardFilterSchema>;

/** Largest photo file accepted over the contract (the photo store's own limit, 40 MB). */
export const HAZARD_PHOTO_MAX_BYTES = 40 * 1024 * 1024;

const days = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能为负数`)
    .max(365, `${label}不能超过 365 天`);

/** Channels of the 隐患整改 module. */
export const hazardChannels = {
  'hazards:list': channel({
    access: 'viewer',
    input: hazardFilterSchema,
    output: z.object({
      items: z.array(hazardSchema),
      today: z.string(),
      countsByDepartment: z.array(countRow),
      countsByTown: z.array(countRow),
      institutions: z.array(z.object({ id: z.string(), name: z.string(), townId: z.string() })),
    }),
  }),
  'hazards:get': channel({ access: 'viewer', input: z.object({ id: idSchema }), output: hazardDetailSchema }),
  'hazards:list-open-for-institution': channel({
    access: 'viewer',
    input: z.object({ institutionId: idSchema }),
    output: z.array(hazardSchema),
  }),
  'hazards:create': channel({
    access: 'inspector',
    input: z.object({
      institutionId: idSchema,
      location: z.string().trim().min(1, '请填写隐患部位').max(200, '隐患部位最多 200 个字'),
      description: z.string().trim().min(1, '请填写隐患描述').max(2000, '隐患描述最多 2000 个字'),
      itemText: optionalText(500, '检查项'),
      ruleItemCode: optionalText(20, '检查项编号'),
      legalBasis: optionalText(500, '法律依据'),
      severity: z.enum(hazardSeverities, { error: '请选择隐患等级' }),
      severityReason: optionalText(1000, '定级理由'),
      pendingJudgment: z.boolean().default(false),
      departments: z.array(z.string().min(1)).min(1, '请至少选择一个责任部门').max(6),
      requiredAction: z.string().trim().min(1, '请填写整改要求').max(1000, '整改要求最多 1000 个字'),
      deadlineClass: z.enum(hazardDeadlineClasses).optional(),
      deadlineDate: isoDate.nullish(),
      interimMeasures: optionalText(1000, '临时安全措施'),
      photoIds,
    }),
    output: hazardDetailSchema,
  }),
  'hazards:update': channel({
    access: 'inspector',
    input: z.object({
      id: idSchema,
      reason: z.string().trim().min(1, '修改隐患须填写原因').max(500, '原因最多 500 个字'),
      location: z.string().trim().min(1, '请填写隐患部位').max(200).optional(),
      description: z.string().trim().min(1, '请填写隐患描述').max(2000).optional(),
      severity: z.enum(hazardSeverities).optional(),
      severityRationale: z.string().trim().min(1, '请填写定级理由').max(1000).optional(),
      pendingJudgment: z.boolean().optional(),
      departments: z.array(z.string().min(1)).min(1, '请至少选择一个责任部门').max(6).optional(),
      requiredAction: z.string().trim().min(1, '请填写整改要求').max(1000).optional(),
      deadlineDate: isoDate.optional(),
      interimMeasures: optionalText(1000, '临时安全措施').optional(),
    }),
    output: hazardDetailSchema,
  }),
  /**
   * Moves a hazard between states. Fields are optional here on purpose: which ones each action needs is the
   * state machine's rule (electron/services/hazards/state-machine.ts), which explains what is missing.
   */
  'hazards:transition': channel({
    access: 'inspector',
    input: z.object({
      hazardId: idSchema,
      action: z.enum(['start', 'report', 'verify-pass', 'verify-fail'], { error: '未知的操作' }),
      text: optionalText(2000, '整改情况'),
      reason: optionalText(1000, '原因'),
      method: z.enum(verificationMethods, { error: '复查方式应为现场复查、资料审核或照片核验' }).nullish(),
      photoIds,
      documentIds: photoIds,
    }),
    output: hazardDetailSchema,
  }),
  'hazards:record-recheck': channel({
    access: 'inspector',
    input: z.object({
      hazardId: idSchema,
      inspectionId: idSchema,
      result: z.enum(['still-present', 'rectified'], { error: '复查结果应为仍存在或已整改' }),
      note: z.string().trim().max(1000, '说明最多 1000 个字').default(''),
      photoIds,
    }),
    output: z.object({
      hazard: hazardSchema,
      outcome: z.enum(['kept', 'to-verify', 'closed', 'reopened']),
      message: z.string(),
    }),
  }),
  'hazards:remind': channel({
    access: 'inspector',
    input: z.object({ hazardId: idSchema, note: optionalText(500, '催办说明') }),
    output: hazardDetailSchema,
  }),
  'hazards:refer': channel({
    access: 'inspector',
    input: z.object({
      hazardIds: z.array(idSchema).min(1, '请至少选择一条隐患').max(500),
      departmentKey: z.string().min(1, '请选择部门'),
      kind: z.enum(referralKinds, { error: '请选择移送或抄告' }),
      referredOn: isoDate,
      letterNo: optionalText(60, '函件编号'),
      note: optionalText(500, '备注'),
    }),
    output: z.object({ referralIds: z.array(idSchema) }),
  }),
  'hazards:update-referral': channel({
    access: 'inspector',
    input: z.object({
      referralId: idSchema,
      accepted: z.enum(referralAcceptedValues),
      acceptedOn: isoDate.nullish(),
      note: optionalText(500, '备注'),
    }),
    output: hazardReferralSchema,
  }),
  /** Stores one after-photo or document of a 整改报告 / 复查; the form then passes the id with its transition. */
  'hazards:upload-photo': channel({
    access: 'inspector',
    input: z.object({
      base64: z
        .string()
        .min(1, '图片文件为空')
        .max(
          Math.ceil((HAZARD_PHOTO_MAX_BYTES * 4) / 3) + 8,
          `图片文件过大，单张照片最多 ${HAZARD_PHOTO_MAX_BYTES / 1024 / 1024} MB`,
        ),
      fileName: z.string().trim().max(255).optional(),
    }),
    output: z.object({ photoId: idSchema, thumbDataUrl: z.string() }),
  }),
  'hazards:photo-data': channel({
    access: 'viewer',
    input: z.object({ photoId: idSchema, thumb: z.boolean().default(true) }),
    output: pictureDataSchema,
  }),
  'hazards:get-settings': channel({ access: 'viewer', input: z.object({}), output: hazardSettingsSchema }),
  'hazards:update-settings': channel({
    access: 'admin',
    input: z.object({
      deadlineDays: z
        .object({ immediate: days('立即整改天数'), short: days('短期整改天数'), normal: days('一般整改天数') })
        .optional(),
      requireDifferentVerifier: z.boolean().optional(),
      reason: optionalText(500, '原因'),
    }),
    output: hazardSettingsSchema,
  }),
};
