import { and, count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, hazardEvents, hazards, users } from '../../../db/schema';
import { hazardStates, type HazardState } from '../../../electron/api';
import { checkTransition } from '../../../electron/services/hazards/state-machine';
import type { TestApp } from '../../support/services';
import { adHocHazard, createHazardApp, insertInspection, type HazardWorld, type UserKey } from './support';

let app: TestApp;
let world: HazardWorld;
let inspectionId: string;

beforeAll(async () => {
  ({ app, world } = await createHazardApp());
  inspectionId = insertInspection(app.registry.deps, world.institutionId, world.userIds.li);
});
afterAll(() => app.dispose());

/**
 * Switches the acting account by putting its real row into the session, as sign-in does; going through
 * auth:sign-in each step would spend the test's time on scrypt, not on the state machine.
 */
function actAs(who: UserKey): void {
  const row = app.registry.deps.db.select().from(users).where(eq(users.id, world.userIds[who])).get();
  if (!row) throw new Error(`no user ${who}`);
  app.registry.session.user = {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    departmentKey: row.departmentKey,
  };
}

function trail(hazardId: string): { state: HazardState; events: number; audit: number } {
  const { db } = app.registry.deps;
  const state = db.select({ state: hazards.state }).from(hazards).where(eq(hazards.id, hazardId)).get()?.state;
  if (!state) throw new Error('hazard vanished');
  return {
    state,
    events: db.select({ n: count() }).from(hazardEvents).where(eq(hazardEvents.hazardId, hazardId)).get()?.n ?? 0,
    audit:
      db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'hazard'), eq(auditLog.entityId, hazardId)))
        .get()?.n ?? 0,
  };
}

const actor = fc.constantFrom<UserKey>('li', 'zhou', 'admin');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const step = fc.oneof(
  fc.record({
    kind: fc.constant('transition' as const),
    actor,
    action: fc.constantFrom('start', 'report', 'verify-pass', 'verify-fail') as fc.Arbitrary<
      'start' | 'report' | 'verify-pass' | 'verify-fail'
    >,
    text: maybe(fc.constantFrom('已整改完毕', '')),
    reason: maybe(fc.constantFrom('仍未整改', '')),
    method: maybe(
      fc.constantFrom('现场复查', '资料审核', '照片核验') as fc.Arbitrary<'现场复查' | '资料审核' | '照片核验'>,
    ),
  }),
  fc.record({
    kind: fc.constant('recheck' as const),
    actor,
    result: fc.constantFrom('still-present', 'rectified') as fc.Arbitrary<'still-present' | 'rectified'>,
  }),
  fc.record({ kind: fc.constant('remind' as const), actor }),
  fc.record({ kind: fc.constant('refer' as const), actor }),
);

describe('hazard lifecycle through the real services (property)', () => {
  it('no sequence of actions by any actors reaches an illegal state; every change leaves one event and one audit record', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<UserKey>('li', 'zhou'),
        fc.boolean(),
        fc.array(step, { maxLength: 14 }),
        async (finder, separate, steps) => {
          actAs('admin');
          await app.call('hazards:update-settings', { requireDifferentVerifier: separate });
          actAs(finder);
          const { hazard } = await app.call('hazards:create', adHocHazard(world));
          for (const s of steps) {
            actAs(s.actor);
            const before = trail(hazard.id);
            let result;
            if (s.kind === 'transition') {
              const input = { hazardId: hazard.id, action: s.action, text: s.text, reason: s.reason, method: s.method };
              result = await app.raw('hazards:transition', input);
              // The service agrees with the pure table, including the error class.
              const verdict = checkTransition(
                {
                  state: before.state,
                  severity: 'general',
                  interimMeasures: null,
                  recordedById: world.userIds[finder],
                  recordedByName: '',
                },
                {
                  action: s.action,
                  actorId: world.userIds[s.actor],
                  text: s.text ?? null,
                  reason: s.reason ?? null,
                  method: s.method ?? null,
                  photoIds: [],
                },
                { requireDifferentVerifier: separate },
              );
              expect(result.ok).toBe(verdict.ok);
              if (!result.ok && !verdict.ok) expect(result.error.code).toBe(verdict.code);
              if (verdict.ok) expect(trail(hazard.id).state).toBe(verdict.to);
            } else if (s.kind === 'recheck') {
              result = await app.raw('hazards:record-recheck', {
                hazardId: hazard.id,
                inspectionId,
                result: s.result,
                note: '',
              });
            } else if (s.kind === 'remind') {
              result = await app.raw('hazards:remind', { hazardId: hazard.id });
            } else {
              result = await app.raw('hazards:refer', {
                hazardIds: [hazard.id],
                departmentKey: 'fire',
                kind: 'notify',
                referredOn: '2026-03-02',
              });
            }
            const after = trail(hazard.id);
            if (!result.ok) {
              // Refused: a Chinese message and nothing changed.
              expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
              expect(after).toEqual(before);
            } else if (s.kind === 'transition') {
              expect(after.events - before.events).toBe(1);
              expect(after.audit - before.audit).toBe(1);
            } else {
              expect(after.events).toBeGreaterThan(before.events);
            }
            expect(hazardStates).toContain(after.state);
            // Event and audit trails never diverge.
            expect(after.audit).toBe(after.events);
          }
          // The history is a chain ending in the stored state, and a closed hazard was closed by someone else
          // (while the rule was on).
          const detail = await app.call('hazards:get', { id: hazard.id });
          detail.events.forEach((e, i) => expect(e.fromState).toBe(i === 0 ? null : detail.events[i - 1]?.toState));
          expect(detail.events.at(-1)?.toState).toBe(detail.hazard.state);
          if (detail.hazard.state === 'closed' && separate) {
            const closing = detail.events.find((e) => e.kind === 'verify-pass');
            expect(closing?.actorId).not.toBe(world.userIds[finder]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
