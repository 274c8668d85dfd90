import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hazardActions, hazardStates, type HazardAction, type HazardState } from '../../../electron/api';
import {
  actionOptions,
  checkTransition,
  transitionTable,
  type TransitionFacts,
} from '../../../electron/services/hazards/state-machine';

const facts = (state: HazardState, overrides: Partial<TransitionFacts> = {}): TransitionFacts => ({
  state,
  severity: 'general',
  interimMeasures: null,
  recordedById: 'finder',
  recordedByName: '李检查',
  ...overrides,
});

const rules = { requireDifferentVerifier: true };

describe('hazard state machine (pure table)', () => {
  it('has exactly the decided transitions', () => {
    const edges = Object.entries(transitionTable).flatMap(([action, rule]) =>
      rule.from.map((from) => `${from} -${action}-> ${rule.to}`),
    );
    expect(edges.sort()).toEqual(
      [
        'to-rectify -start-> rectifying',
        'to-rectify -report-> to-verify',
        'rectifying -report-> to-verify',
        'to-rectify -recheck-> to-verify',
        'rectifying -recheck-> to-verify',
        'to-verify -verify-pass-> closed',
        'to-verify -verify-fail-> rectifying',
      ].sort(),
    );
  });

  it('refuses an action from a wrong state naming the current state and the action', () => {
    const verdict = checkTransition(
      facts('to-rectify'),
      { action: 'verify-pass', actorId: 'other', method: '现场复查' },
      rules,
    );
    expect(verdict).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '隐患当前状态为“待整改”，不能执行“复查通过”（仅“待复查”状态可执行）',
    });
    const closed = checkTransition(facts('closed'), { action: 'start', actorId: 'finder' }, rules);
    expect(closed.ok ? '' : closed.message).toBe('隐患当前状态为“已闭环”，不能执行“开始整改”（仅“待整改”状态可执行）');
  });

  it('requires a reason and a method for 复查不通过', () => {
    expect(
      checkTransition(facts('to-verify'), { action: 'verify-fail', actorId: 'x', method: '现场复查' }, rules),
    ).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: '“复查不通过”须填写原因',
    });
    expect(
      checkTransition(facts('to-verify'), { action: 'verify-fail', actorId: 'x', reason: '灭火器仍过期' }, rules),
    ).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    // The finder may send it back: refusing to close needs no second person.
    expect(
      checkTransition(
        facts('to-verify'),
        { action: 'verify-fail', actorId: 'finder', method: '资料审核', reason: '照片看不清' },
        rules,
      ),
    ).toEqual({ ok: true, from: 'to-verify', to: 'rectifying' });
  });

  it('enforces separation of duties on 复查通过 unless the switch is off', () => {
    const request = { action: 'verify-pass' as const, actorId: 'finder', method: '现场复查' };
    const refused = checkTransition(facts('to-verify'), request, rules);
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(refused.ok ? '' : refused.message).toContain('该隐患由 李检查 登记');
    expect(checkTransition(facts('to-verify'), request, { requireDifferentVerifier: false })).toEqual({
      ok: true,
      from: 'to-verify',
      to: 'closed',
    });
    expect(checkTransition(facts('to-verify'), { ...request, actorId: 'other' }, rules)).toEqual({
      ok: true,
      from: 'to-verify',
      to: 'closed',
    });
  });

  it('needs a photo for 照片核验 and interim measures before a major hazard enters rectification', () => {
    expect(
      checkTransition(facts('to-verify'), { action: 'verify-pass', actorId: 'o', method: '照片核验' }, rules),
    ).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: '复查方式为“照片核验”时须至少关联一张整改后照片',
    });
    expect(
      checkTransition(
        facts('to-verify'),
        { action: 'verify-pass', actorId: 'o', method: '照片核验', photoIds: ['p1'] },
        rules,
      ).ok,
    ).toBe(true);
    const major = facts('to-rectify', { severity: 'major' });
    expect(checkTransition(major, { action: 'start', actorId: 'o' }, rules)).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(
      checkTransition({ ...major, interimMeasures: '停用该区域并设专人值守' }, { action: 'start', actorId: 'o' }, rules)
        .ok,
    ).toBe(true);
  });

  it('offers exactly the actions the state allows, and explains a blocked verification', () => {
    const options = actionOptions(facts('to-verify'), 'finder', rules);
    expect(options.filter((o) => o.allowed).map((o) => o.action)).toEqual(['verify-fail']);
    expect(options.find((o) => o.action === 'verify-pass')?.reason).toContain('职责分离');
  });

  it('property: any sequence of requests only ever follows table edges and never leaves 已闭环', () => {
    const request = fc.record({
      action: fc.constantFrom<HazardAction>(...hazardActions),
      actorId: fc.constantFrom('finder', 'other'),
      method: fc.option(fc.constantFrom('现场复查', '资料审核', '照片核验'), { nil: null }),
      reason: fc.option(fc.constantFrom('仍未整改', ' '), { nil: null }),
      text: fc.option(fc.constantFrom('已更换灭火器', ''), { nil: null }),
      photoIds: fc.constantFrom([], ['p1']),
      inspectionId: fc.option(fc.constant('insp-1'), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(request, { maxLength: 25 }),
        fc.boolean(),
        fc.boolean(),
        (requests, separate, hasInterim) => {
          let state: HazardState = 'to-rectify';
          for (const r of requests) {
            const f = facts(state, { severity: 'major', interimMeasures: hasInterim ? '设专人值守' : null });
            const verdict = checkTransition(f, r, { requireDifferentVerifier: separate });
            if (verdict.ok) {
              const rule = transitionTable[r.action];
              expect(rule.from).toContain(state);
              expect(verdict.to).toBe(rule.to);
              if (verdict.to === 'closed' && separate) expect(r.actorId).not.toBe('finder');
              state = verdict.to;
            } else {
              expect(verdict.message).toMatch(/[\u4e00-\u9fa5]/);
            }
            expect(hazardStates).toContain(state);
          }
          if (state === 'closed') {
            for (const action of hazardActions) {
              expect(
                checkTransition(
                  facts('closed'),
                  { action, actorId: 'other', method: '现场复查', reason: 'r', text: 't', inspectionId: 'i' },
                  rules,
                ),
              ).toMatchObject({ ok: false, code: 'CONFLICT' });
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
