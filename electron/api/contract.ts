import { z } from 'zod';

/**
 * Who may call a channel. `public` needs no sign-in (first start, sign-in); `viewer` any signed-in user;
 * `inspector` inspectors and administrators (they change data); `admin` administrators only.
 */
export type Access = 'public' | 'viewer' | 'inspector' | 'admin';

/** One IPC channel of the contract: its zod input and output schemas and who may call it. */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

/** Declares a channel; a function only so TypeScript keeps the exact schema types. */
export function channel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}

/** Error codes every answer may carry; the message is always Chinese and meant for the user. */
export const errorCodes = [
  'UNKNOWN_CHANNEL',
  'INVALID_INPUT',
  'FORBIDDEN_SENDER',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VALIDATION',
  'INTERNAL',
] as const;

/** A machine-readable error code. */
export type ErrorCode = (typeof errorCodes)[number];

/** The error half of every answer. `issues` lists each invalid field when the input failed validation. */
export const apiErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** Error payload of a failed call. */
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Every call answers this shape: errors are data, because Electron only passes an exception's message over IPC. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Name of the one Electron IPC transport channel that carries `{channel, input}` to the registry. */
export const IPC_TRANSPORT_CHANNEL = 'careinspect:invoke';

/** Shape of the one object the preload script exposes as `window.api`. */
export interface PreloadApi {
  invoke: (channel: string, input: unknown) => Promise<ApiResult<unknown>>;
}

/** Channel names look like `domain:verb` (kebab-case on both sides). */
export const channelNamePattern = /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/;

/** ISO timestamp string as stored in the database. */
export const isoDateTime = z.string().min(10);

/** Identifier of a stored record (UUIDv7 text). */
export const idSchema = z.string().min(1).max(64);

/** Roles of local accounts. */
export const roleSchema = z.enum(['admin', 'inspector', 'viewer']);

/** A role. */
export type Role = z.infer<typeof roleSchema>;

/** Supported UI languages; zh-CN is the default. */
export const languageSchema = z.enum(['zh-CN', 'en-US']);

/** A UI language. */
export type Language = z.infer<typeof languageSchema>;
