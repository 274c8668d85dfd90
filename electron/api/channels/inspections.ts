import { z } from 'zod';
import { channel, idSchema } from '../contract';
import { institutionFeatureSchema, snapshotSectionSchema } from './checklists';

/** The three answers of a checklist item. */
export const answerResultSchema = z.enum(['符合', '不符合', '不适用']);
/** An answer result. */
export type AnswerResult = z.infer<typeof answerResultSchema>;

/** Status of an inspection: 进行中, or finished and locked. */
export const inspectionStatusSchema = z.enum(['in_progress', 'finished']);
/** An inspection status. */
export type InspectionStatus = z.infer<typeof inspectionStatusSchema>;

/** What a photo shows: the finding, or the situation after 当场整改. */
export const inspectionPhotoRoleSchema = z.enum(['evidence', 'after-fix']);
/** A photo role. */
export type InspectionPhotoRole = z.infer<typeof inspectionPhotoRoleSchema>;

/** Largest photo file accepted over the contract (the photo store's own limit, 40 MB). */
export const INSPECTION_PHOTO_MAX_BYTES = 40 * 1024 * 1024;

/** Largest signature PNG accepted (the signature store's own limit, 2 MB). */
export const INSPECTION_SIGNATURE_MAX_BYTES = 2 * 1024 * 1024;

/** Longest free text of an answer; the UI counts down to it. */
export const ANSWER_TEXT_LIMITS = {
  note: 1000,
  description: 1000,
  textValue: 500,
  locationBuilding: 40,
  locationFloor: 20,
  locationRoom: 40,
  locationText: 200,
} as const;

/** Optional trimmed text; an empty string means "cleared" and is stored as NULL. */
const clearableText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** The fields of an answer a save (or an amendment) may change; omitted fields stay as they are. */
export const answerPatchSchema = z.object({
  result: answerResultSchema.nullable().optional(),
  measurementValue: z
    .number({ error: '测量值应为数字' })
    .refine((v) => Number.isFinite(v), '测量值应为有限数字')
    .refine((v) => Math.abs(v) < 1e9, '测量值超出范围')
    .nullable()
    .optional(),
  countValue: z
    .number({ error: '数量应为数字' })
    .int('数量应为整数')
    .min(0, '数量不能为负数')
    .max(1_000_000, '数量超出范围')
    .nullable()
    .optional(),
  textValue: clearableText('填写内容', ANSWER_TEXT_LIMITS.textValue),
  note: clearableText('备注', ANSWER_TEXT_LIMITS.note),
  locationBuilding: clearableText('楼栋', ANSWER_TEXT_LIMITS.locationBuilding),
  locationFloor: clearableText('楼层', ANSWER_TEXT_LIMITS.locationFloor),
  locationRoom: clearableText('房间', ANSWER_TEXT_LIMITS.locationRoom),
  locationText: clearableText('具体位置', ANSWER_TEXT_LIMITS.locationText),
  description: clearableText('问题描述', ANSWER_TEXT_LIMITS.description),
  fixedOnSpot: z.boolean().optional(),
});
/** A change to an answer as given by a caller. */
export type AnswerPatchInput = z.input<typeof answerPatchSchema>;
/** A change to an answer after validation. */
export type AnswerPatch = z.output<typeof answerPatchSchema>;

/** Names of the answer fields a patch may carry, in display order. */
export const answerFieldNames = [
  'result',
  'measurementValue',
  'countValue',
  'textValue',
  'note',
  'locationBuilding',
  'locationFloor',
  'locationRoom',
  'locationText',
  'description',
  'fixedOnSpot',
] as const satisfies ReadonlyArray<keyof AnswerPatch>;
/** An answer field name. */
export type AnswerFieldName = (typeof answerFieldNames)[number];

/** A stored answer. */
export const inspectionAnswerSchema = z.object({
  itemKey: idSchema,
  result: answerResultSchema.nullable(),
  measurementValue: z.number().nullable(),
  measurementUnit: z.string().nullable(),
  countValue: z.number().int().nullable(),
  textValue: z.string().nullable(),
  note: z.string().nullable(),
  locationBuilding: z.string().nullable(),
  locationFloor: z.string().nullable(),
  locationRoom: z.string().nullable(),
  locationText: z.string().nullable(),
  description: z.string().nullable(),
  fixedOnSpot: z.boolean(),
  updatedAt: z.string(),
});
/** An answer. */
export type InspectionAnswer = z.infer<typeof inspectionAnswerSchema>;

/** A photo of an inspection, without its bytes (those come from `inspections:photo-data`). */
export const inspectionPhotoSchema = z.object({
  id: idSchema,
  photoId: idSchema,
  itemKey: idSchema.nullable(),
  role: inspectionPhotoRoleSchema,
  caption: z.string().nullable(),
  sortOrder: z.number().int(),
  originalName: z.string().nullable(),
  capturedAt: z.string().nullable(),
  width: z.number().int(),
  height: z.number().int(),
  sha256Original: z.string(),
  createdAt: z.string(),
});
/** An inspection photo. */
export type InspectionPhoto = z.infer<typeof inspectionPhotoSchema>;

/** A signature (or a representative's recorded refusal). */
export const inspectionSignatureSchema = z.object({
  signerKey: z.string(),
  role: z.enum(['inspector', 'representative']),
  inspectorId: idSchema.nullable(),
  signerName: z.string(),
  signedAt: z.string(),
  refused: z.boolean(),
  refusalReason: z.string().nullable(),
  witnessName: z.string().nullable(),
});
/** A signature. */
export type InspectionSignature = z.infer<typeof inspectionSignatureSchema>;

/** A correction made after the inspection was locked. */
export const inspectionAmendmentSchema = z.object({
  id: idSchema,
  itemKey: idSchema.nullable(),
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string(),
  byName: z.string(),
  at: z.string(),
});
/** An amendment. */
export type InspectionAmendment = z.infer<typeof inspectionAmendmentSchema>;

/** An inspector present at the inspection. */
export const inspectionInspectorSchema = z.object({
  id: idSchema,
  name: z.string(),
  departmentKey: z.string(),
  certificateNo: z.string().nullable(),
});

/** A row of the inspection list. */
export const inspectionSummarySchema = z.object({
  id: idSchema,
  institutionId: idSchema,
  institutionName: z.string(),
  templateName: z.string(),
  templateVersion: z.number().int(),
  status: inspectionStatusSchema,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  updatedAt: z.string(),
  createdById: idSchema,
  createdByName: z.string(),
  inspectorNames: z.array(z.string()),
  answered: z.number().int(),
  total: z.number().int(),
  nonCompliant: z.number().int(),
});
/** An inspection list row. */
export type InspectionSummary = z.infer<typeof inspectionSummarySchema>;

/** Everything the runner shows: the applicable sections of the frozen template and everything recorded. */
export const inspectionDetailSchema = z.object({
  summary: inspectionSummarySchema,
  institution: z.object({ id: idSchema, name: z.string(), address: z.string() }),
  templateVersionId: idSchema,
  planAssignmentId: z.string().nullable(),
  representative: z.object({ name: z.string(), title: z.string().nullable(), phone: z.string().nullable() }),
  inspectors: z.array(inspectionInspectorSchema),
  sections: z.array(snapshotSectionSchema),
  excludedSections: z.array(
    z.object({ key: idSchema, title: z.string(), appliesWhen: z.array(institutionFeatureSchema) }),
  ),
  answers: z.array(inspectionAnswerSchema),
  photos: z.array(inspectionPhotoSchema),
  signatures: z.array(inspectionSignatureSchema),
  amendments: z.array(inspectionAmendmentSchema),
  hazardIds: z.array(idSchema),
});
/** An inspection with everything recorded. */
export type InspectionDetail = z.infer<typeof inspectionDetailSchema>;

/** Kinds of things the completion check can find missing. */
export const completionProblemKindSchema = z.enum([
  'unanswered',
  'photo-missing',
  'after-photo-missing',
  'description-missing',
  'location-missing',
  'measurement-missing',
  'inspectors-too-few',
  'signature-missing',
]);

/** What finishing still needs: each problem with a Chinese message that names the section and item number. */
export const completionSchema = z.object({
  complete: z.boolean(),
  problems: z.array(
    z.object({
      kind: completionProblemKindSchema,
      message: z.string(),
      sectionKey: idSchema.nullable(),
      itemKeys: z.array(idSchema),
    }),
  ),
});
/** A completion check result. */
export type InspectionCompletion = z.infer<typeof completionSchema>;

/** A stored picture as a data URL, or the reason it cannot be shown (missing or damaged file). */
export const pictureDataSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), dataUrl: z.string() }),
  z.object({ ok: z.literal(false), problem: z.string(), message: z.string() }),
]);
/** A picture's data or its problem. */
export type PictureData = z.infer<typeof pictureDataSchema>;

const representativeName = z.string().trim().min(1, '请填写机构陪同人员（负责人）姓名').max(30, '姓名最多 30 个字');
const shortOptional = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
const inspectorIds = z
  .array(idSchema)
  .min(2, '至少需要两名检查人员（执法检查须两名以上执法人员）')
  .max(10, '检查人员最多 10 名')
  .refine((ids) => new Set(ids).size === ids.length, '检查人员不能重复');
const inspectionRef = z.object({ inspectionId: idSchema });
const reason = z.string().trim().min(2, '请填写更正原因（至少 2 个字）').max(300, '更正原因最多 300 个字');

/** Channels of the 现场检查 module. */
export const inspectionChannels = {
  'inspections:list': channel({
    access: 'viewer',
    input: z.object({ status: inspectionStatusSchema.optional(), institutionId: idSchema.optional() }),
    output: z.array(inspectionSummarySchema),
  }),
  'inspections:get': channel({ access: 'viewer', input: inspectionRef, output: inspectionDetailSchema }),
  'inspections:start': channel({
    access: 'inspector',
    input: z.object({
      institutionId: idSchema,
      templateVersionId: idSchema,
      planAssignmentId: z.string().trim().max(64).nullable().optional(),
      inspectorIds,
      representativeName,
      representativeTitle: shortOptional('职务', 30),
      representativePhone: shortOptional('联系电话', 20),
    }),
    output: inspectionDetailSchema,
  }),
  'inspections:update-team': channel({
    access: 'inspector',
    input: inspectionRef.extend({
      inspectorIds,
      representativeName,
      representativeTitle: shortOptional('职务', 30),
      representativePhone: shortOptional('联系电话', 20),
    }),
    output: inspectionDetailSchema,
  }),
  'inspections:save-answer': channel({
    access: 'inspector',
    input: answerPatchSchema.extend({ inspectionId: idSchema, itemKey: idSchema }),
    output: inspectionAnswerSchema,
  }),
  'inspections:add-photo': channel({
    access: 'inspector',
    input: inspectionRef.extend({
      itemKey: idSchema.nullable(),
      role: inspectionPhotoRoleSchema.default('evidence'),
      fileName: z.string().trim().max(255).optional(),
      base64: z
        .string()
        .min(1, '图片文件为空')
        .max(
          Math.ceil((INSPECTION_PHOTO_MAX_BYTES * 4) / 3) + 8,
          `图片文件过大，单张照片最多 ${INSPECTION_PHOTO_MAX_BYTES / 1024 / 1024} MB`,
        ),
      caption: shortOptional('照片说明', 100),
    }),
    output: inspectionPhotoSchema,
  }),
  'inspections:remove-photo': channel({
    access: 'inspector',
    input: z.object({ inspectionPhotoId: idSchema }),
    output: z.object({ removed: z.boolean() }),
  }),
  'inspections:photo-data': channel({
    access: 'viewer',
    input: z.object({ photoId: idSchema, variant: z.enum(['thumb', 'full']).default('thumb') }),
    output: pictureDataSchema,
  }),
  'inspections:location-suggestions': channel({
    access: 'viewer',
    input: inspectionRef,
    output: z.object({ buildings: z.array(z.string()), floors: z.array(z.string()), rooms: z.array(z.string()) }),
  }),
  'inspections:sign': channel({
    access: 'inspector',
    input: inspectionRef.extend({
      signer: z.discriminatedUnion('role', [
        z.object({ role: z.literal('inspector'), inspectorId: idSchema }),
        z.object({ role: z.literal('representative') }),
      ]),
      pngDataUrl: z.string().max(Math.ceil((INSPECTION_SIGNATURE_MAX_BYTES * 4) / 3) + 64, '签名图片过大，最多 2 MB'),
    }),
    output: inspectionSignatureSchema,
  }),
  'inspections:refuse-signature': channel({
    access: 'inspector',
    input: inspectionRef.extend({
      reason: z.string().trim().min(2, '请填写拒签原因（至少 2 个字）').max(200, '拒签原因最多 200 个字'),
      witnessName: z.string().trim().min(1, '请填写见证人姓名').max(30, '见证人姓名最多 30 个字'),
    }),
    output: inspectionSignatureSchema,
  }),
  'inspections:signature-data': channel({
    access: 'viewer',
    input: inspectionRef.extend({ signerKey: z.string().min(1).max(64) }),
    output: pictureDataSchema,
  }),
  'inspections:completion': channel({ access: 'viewer', input: inspectionRef, output: completionSchema }),
  'inspections:finish': channel({ access: 'inspector', input: inspectionRef, output: inspectionDetailSchema }),
  'inspections:amend': channel({
    access: 'inspector',
    input: inspectionRef.extend({ itemKey: idSchema, patch: answerPatchSchema, reason }),
    output: inspectionDetailSchema,
  }),
};
