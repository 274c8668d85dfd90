import { z } from 'zod';
import { channel, idSchema } from '../contract';

/** A town (街镇). */
export const townSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  kind: z.enum(['街道', '镇']),
  district: z.string(),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
});

/** A town as the renderer sees it. */
export type Town = z.infer<typeof townSchema>;

/** A supervising department. */
export const departmentSchema = z.object({
  key: z.string(),
  nameZh: z.string(),
  shortZh: z.string(),
  nameEn: z.string(),
  sortOrder: z.number().int(),
});

/** A department as the renderer sees it. */
export type Department = z.infer<typeof departmentSchema>;

/** Reference data every screen needs: towns and departments. */
export const referenceChannels = {
  'towns:list': channel({
    access: 'viewer',
    input: z.object({ includeInactive: z.boolean().optional() }),
    output: z.array(townSchema),
  }),
  'towns:update': channel({
    access: 'admin',
    input: z.object({
      id: idSchema,
      name: z.string().trim().min(1, '请填写街镇名称').max(40).optional(),
      isActive: z.boolean().optional(),
    }),
    output: townSchema,
  }),
  'departments:list': channel({ access: 'public', input: z.object({}), output: z.array(departmentSchema) }),
};
