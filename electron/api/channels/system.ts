import { z } from 'zod';
import { channel, languageSchema } from '../contract';

/** Audit record as shown in 设置 › 操作日志. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});

/** Where the data lives and how the database stands, plus the UI language. */
export const systemChannels = {
  'system:info': channel({
    access: 'viewer',
    input: z.object({}),
    output: z.object({
      appVersion: z.string(),
      dataDir: z.string(),
      databasePath: z.string(),
      databaseSizeBytes: z.number().int().nonnegative(),
      schemaVersion: z.string(),
      migrationCount: z.number().int().nonnegative(),
    }),
  }),
  'settings:get-language': channel({
    access: 'public',
    input: z.object({}),
    output: z.object({ language: languageSchema }),
  }),
  'settings:set-language': channel({
    access: 'viewer',
    input: z.object({ language: languageSchema }),
    output: z.object({ language: languageSchema }),
  }),
  'audit:list': channel({
    access: 'admin',
    input: z.object({
      entity: z.string().optional(),
      entityId: z.string().optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.array(auditEntrySchema),
  }),
};
