import { z } from 'zod';
import { channel, idSchema, roleSchema } from '../contract';

/** A user as the renderer may see it (never the password hash). */
export const publicUserSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  departmentKey: z.string(),
  role: roleSchema,
  isActive: z.boolean(),
  createdAt: z.string(),
});

/** A user without secrets. */
export type PublicUser = z.infer<typeof publicUserSchema>;

const username = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名最多 32 个字符')
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fa5]+$/, '用户名只能包含中文、字母、数字、下划线、点或短横线');
const password = z.string().min(8, '密码至少 8 位').max(128, '密码最多 128 位');
const displayName = z.string().trim().min(1, '请填写姓名').max(40, '姓名最多 40 个字符');
const departmentKey = z.string().min(1, '请选择所属部门');

/** Channels for first-start setup, sign-in and account management. */
export const authChannels = {
  'auth:status': channel({
    access: 'public',
    input: z.object({}),
    output: z.object({ needsSetup: z.boolean(), user: publicUserSchema.nullable() }),
  }),
  'auth:setup-admin': channel({
    access: 'public',
    input: z.object({ username, password, displayName, departmentKey }),
    output: publicUserSchema,
  }),
  'auth:sign-in': channel({
    access: 'public',
    input: z.object({ username: z.string().trim().min(1, '请输入用户名'), password: z.string().min(1, '请输入密码') }),
    output: publicUserSchema,
  }),
  'auth:sign-out': channel({ access: 'public', input: z.object({}), output: z.object({ signedOut: z.boolean() }) }),
  'auth:change-password': channel({
    access: 'viewer',
    input: z.object({ currentPassword: z.string().min(1, '请输入当前密码'), newPassword: password }),
    output: z.object({ changed: z.boolean() }),
  }),
  'users:list': channel({ access: 'admin', input: z.object({}), output: z.array(publicUserSchema) }),
  'users:create': channel({
    access: 'admin',
    input: z.object({ username, password, displayName, departmentKey, role: roleSchema }),
    output: publicUserSchema,
  }),
  'users:update': channel({
    access: 'admin',
    input: z.object({
      id: idSchema,
      displayName: displayName.optional(),
      departmentKey: departmentKey.optional(),
      role: roleSchema.optional(),
      isActive: z.boolean().optional(),
      newPassword: password.optional(),
    }),
    output: publicUserSchema,
  }),
};
