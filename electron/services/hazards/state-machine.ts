/**
 * The hazard state machine, as data: which action may leave which state, where it goes, and what it needs.
 * Pure (no database, no clock), so the services, the property tests and the action buttons all ask the same
 * table. The services write one `hazard_events` row and one audit record per successful transition.
 */
import type { HazardAction, HazardSeverity, HazardState } from '../../api';

/** Chinese names of the states, used in messages and history. */
export const hazardStateLabels: Record<HazardState, string> = {
  'to-rectify': '待整改',
  rectifying: '整改中',
  'to-verify': '待复查',
  closed: '已闭环',
};

/** What a transition may require besides the right state. */
export type TransitionRequirement =
  /** A rectification report text. */
  | 'text'
  /** A reason (复查不通过). */
  | 'reason'
  /** A verification method. */
  | 'method'
  /** The inspection the recheck belongs to. */
  | 'inspection'
  /** 照片核验 without a photo verifies nothing. */
  | 'photo-for-photo-method'
  /** Major hazards need interim safety measures on record before rectification starts. */
  | 'interim-measures-for-major'
  /** Separation of duties: the verifier is not the account that recorded the hazard (admin switch). */
  | 'different-verifier';

/** One row of the transition table. */
export interface TransitionRule {
  label: string;
  from: readonly HazardState[];
  to: HazardState;
  requires: readonly TransitionRequirement[];
}

/**
 * The transition table. 复查不通过 deliberately has no separation-of-duties requirement: refusing to close is
 * the cautious outcome, so the finder may send a hazard back; only closing needs a second person.
 */
export const transitionTable: Record<HazardAction, TransitionRule> = {
  start: { label: '开始整改', from: ['to-rectify'], to: 'rectifying', requires: ['interim-measures-for-major'] },
  report: {
    label: '录入整改报告',
    from: ['to-rectify', 'rectifying'],
    to: 'to-verify',
    requires: ['text', 'interim-measures-for-major'],
  },
  recheck: { label: '复查确认已整改', from: ['to-rectify', 'rectifying'], to: 'to-verify', requires: ['inspection'] },
  'verify-pass': {
    label: '复查通过',
    from: ['to-verify'],
    to: 'closed',
    requires: ['method', 'photo-for-photo-method', 'different-verifier'],
  },
  'verify-fail': { label: '复查不通过', from: ['to-verify'], to: 'rectifying', requires: ['method', 'reason'] },
};

/** The facts about a hazard a transition depends on. */
export interface TransitionFacts {
  state: HazardState;
  severity: HazardSeverity;
  interimMeasures: string | null;
  recordedById: string;
  recordedByName: string;
}

/** What the caller asks for. */
export interface TransitionRequest {
  action: HazardAction;
  actorId: string;
  text?: string | null;
  reason?: string | null;
  method?: string | null;
  photoIds?: readonly string[];
  inspectionId?: string | null;
}

/** Rules an administrator can switch. */
export interface TransitionRules {
  requireDifferentVerifier: boolean;
}

/** The verdict: the target state, or why not (code as the service will throw it). */
export type TransitionCheck =
  | { ok: true; from: HazardState; to: HazardState }
  | { ok: false; code: 'CONFLICT' | 'VALIDATION' | 'FORBIDDEN'; message: string };

const blank = (v: string | null | undefined): boolean => !v || v.trim() === '';

function stateList(states: readonly HazardState[]): string {
  return states.map((s) => `“${hazardStateLabels[s]}”`).join('或');
}

/** Checks one requirement; returns the refusal or null when met. */
function unmet(
  requirement: TransitionRequirement,
  rule: TransitionRule,
  facts: TransitionFacts,
  request: TransitionRequest,
  rules: TransitionRules,
): Extract<TransitionCheck, { ok: false }> | null {
  switch (requirement) {
    case 'text':
      return blank(request.text)
        ? { ok: false, code: 'VALIDATION', message: `“${rule.label}”须填写整改情况说明` }
        : null;
    case 'reason':
      return blank(request.reason) ? { ok: false, code: 'VALIDATION', message: `“${rule.label}”须填写原因` } : null;
    case 'method':
      return blank(request.method)
        ? { ok: false, code: 'VALIDATION', message: `“${rule.label}”须选择复查方式（现场复查、资料审核或照片核验）` }
        : null;
    case 'inspection':
      return blank(request.inspectionId)
        ? { ok: false, code: 'VALIDATION', message: `“${rule.label}”须关联复查检查` }
        : null;
    case 'photo-for-photo-method':
      return request.method === '照片核验' && (request.photoIds ?? []).length === 0
        ? { ok: false, code: 'VALIDATION', message: '复查方式为“照片核验”时须至少关联一张整改后照片' }
        : null;
    case 'interim-measures-for-major':
      return facts.severity === 'major' && blank(facts.interimMeasures)
        ? { ok: false, code: 'VALIDATION', message: `重大事故隐患须先填写整改期间的临时安全措施，才能“${rule.label}”` }
        : null;
    case 'different-verifier':
      return rules.requireDifferentVerifier && request.actorId === facts.recordedById
        ? {
            ok: false,
            code: 'FORBIDDEN',
            message: `该隐患由 ${facts.recordedByName} 登记，复查通过须由其他人员确认（职责分离）；如确需由登记人复查，须由管理员在设置中关闭此规则`,
          }
        : null;
  }
}

/**
 * Decides whether `request` may move a hazard with `facts`: wrong state → CONFLICT naming the current state
 * and the attempted action; missing field → VALIDATION; same person verifying → FORBIDDEN.
 */
export function checkTransition(
  facts: TransitionFacts,
  request: TransitionRequest,
  rules: TransitionRules,
): TransitionCheck {
  const rule = transitionTable[request.action];
  if (!rule.from.includes(facts.state)) {
    return {
      ok: false,
      code: 'CONFLICT',
      message: `隐患当前状态为“${hazardStateLabels[facts.state]}”，不能执行“${rule.label}”（仅${stateList(rule.from)}状态可执行）`,
    };
  }
  for (const requirement of rule.requires) {
    const refusal = unmet(requirement, rule, facts, request, rules);
    if (refusal) return refusal;
  }
  return { ok: true, from: facts.state, to: rule.to };
}

/**
 * Which actions the user could take now, ignoring fields they have not filled in yet: the state and
 * separation of duties decide, so a button is offered exactly when filling in the form can succeed.
 */
export function actionOptions(
  facts: TransitionFacts,
  actorId: string,
  rules: TransitionRules,
): Array<{ action: HazardAction; allowed: boolean; reason: string | null }> {
  const manual: HazardAction[] = ['start', 'report', 'verify-pass', 'verify-fail'];
  return manual.map((action) => {
    const rule = transitionTable[action];
    if (!rule.from.includes(facts.state)) {
      return { action, allowed: false, reason: `当前状态为“${hazardStateLabels[facts.state]}”` };
    }
    const gate = rule.requires.includes('different-verifier')
      ? unmet('different-verifier', rule, facts, { action, actorId }, rules)
      : rule.requires.includes('interim-measures-for-major')
        ? unmet('interim-measures-for-major', rule, facts, { action, actorId }, rules)
        : null;
    return { action, allowed: gate === null, reason: gate?.message ?? null };
  });
}

/** Whether a state is final. */
export function isFinal(state: HazardState): boolean {
  return state === 'closed';
}
