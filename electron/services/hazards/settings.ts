import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { HazardDeadlineClass, HazardSettings } from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { readSetting, writeSetting } from '../system/handlers';

/** Settings key of the default deadline days per class. */
export const DEADLINE_DAYS_KEY = 'hazards.deadlineDays';

/** Settings key of the separation-of-duties switch. */
export const REQUIRE_DIFFERENT_VERIFIER_KEY = 'hazards.requireDifferentVerifier';

/** Default deadline days per class. */
export type DeadlineDays = Record<HazardDeadlineClass, number>;

const derivedRulesSchema = z.object({
  noteZh: z.string(),
  deadlineClasses: z.array(
    z.object({
      class: z.enum(['immediate', 'short', 'normal']),
      suggestedDays: z.number().int(),
      suggestedDaysMark: z.string(),
    }),
  ),
});

const deadlineDaysSchema = z.object({
  immediate: z.number().int().min(0),
  short: z.number().int().min(0),
  normal: z.number().int().min(0),
});

/** The shipped defaults from resources/seed/derived-rules.json: practice values ([S]), not law. */
export function shippedDeadlineDefaults(deps: ServiceDeps): { days: DeadlineDays; mark: string; note: string } {
  const file = path.join(deps.resourcesDir, 'seed', 'derived-rules.json');
  const parsed = derivedRulesSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const days: DeadlineDays = { immediate: 0, short: 7, normal: 15 };
  const marks = new Set<string>();
  for (const c of parsed.deadlineClasses) {
    days[c.class] = c.suggestedDays;
    marks.add(c.suggestedDaysMark);
  }
  return { days, mark: [...marks].join('/'), note: parsed.noteZh };
}

/** The deadline days in force: the saved setting, else the shipped defaults. */
export function deadlineDays(deps: ServiceDeps): DeadlineDays {
  const saved = deadlineDaysSchema.safeParse(readSetting(deps, DEADLINE_DAYS_KEY));
  return saved.success ? saved.data : shippedDeadlineDefaults(deps).days;
}

/** Whether the verifier must be a different account from the recorder (on unless an administrator turned it off). */
export function requireDifferentVerifier(deps: ServiceDeps): boolean {
  const saved = readSetting(deps, REQUIRE_DIFFERENT_VERIFIER_KEY);
  return typeof saved === 'boolean' ? saved : true;
}

/** Everything the settings screen shows. */
export function hazardSettings(deps: ServiceDeps): HazardSettings {
  const shipped = shippedDeadlineDefaults(deps);
  return {
    deadlineDays: deadlineDays(deps),
    requireDifferentVerifier: requireDifferentVerifier(deps),
    defaults: shipped.days,
    defaultsMark: shipped.mark,
    defaultsNote: shipped.note,
  };
}

/** Saves changed settings, each with its own audit record (before, after, reason), in one transaction. */
export function updateHazardSettings(
  ctx: CallContext,
  input: {
    deadlineDays?: DeadlineDays | undefined;
    requireDifferentVerifier?: boolean | undefined;
    reason: string | null;
  },
): HazardSettings {
  return inTransaction(ctx.deps, () => {
    const now = ctx.now();
    if (input.deadlineDays) {
      const before = deadlineDays(ctx.deps);
      writeSetting(ctx.deps, DEADLINE_DAYS_KEY, input.deadlineDays, now);
      recordChange(ctx, {
        entity: 'setting',
        entityId: DEADLINE_DAYS_KEY,
        action: 'update',
        before,
        after: input.deadlineDays,
        reason: input.reason,
      });
    }
    if (input.requireDifferentVerifier !== undefined) {
      const before = requireDifferentVerifier(ctx.deps);
      writeSetting(ctx.deps, REQUIRE_DIFFERENT_VERIFIER_KEY, input.requireDifferentVerifier, now);
      recordChange(ctx, {
        entity: 'setting',
        entityId: REQUIRE_DIFFERENT_VERIFIER_KEY,
        action: 'update',
        before: { requireDifferentVerifier: before },
        after: { requireDifferentVerifier: input.requireDifferentVerifier },
        reason: input.reason,
      });
    }
    return hazardSettings(ctx.deps);
  });
}
