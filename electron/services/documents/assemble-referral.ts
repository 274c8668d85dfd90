import { and, eq, inArray, isNull } from 'drizzle-orm';
import { departments, hazardReferrals } from '../../../db/schema';
import type { ReferralHazard, ReferralLetterData, ReferralLetterKind } from '../../reports/referral-letter';
import type { CallContext } from '../context';
import { AppError } from '../errors';
import { referHazards } from '../hazards/operations';
import { getHazard } from '../hazards/records';
import { hazardStateLabels } from '../hazards/state-machine';
import { getInstitution } from '../institutions/records';
import { describe, findingPhotoId, UNNUMBERED, type AssembleTools } from './assemble-notice';
import { noticeNumbersFor } from './assemble-reinspection';
import { citationText } from './quotes';

/** What assembling a letter gives back, with the step that records the referrals once the letter has a number. */
export interface AssembledReferral {
  data: ReferralLetterData;
  subjectIds: string[];
  /**
   * Runs inside the issuing transaction: hazards already registered as 移送/抄告 to this department without a
   * letter keep their referral (its id goes into the register's subjects, the hazards module offers no way to
   * set a letter number afterwards); the others are referred now through the hazards module with this number.
   */
  onIssue: (ctx: CallContext, number: string) => string[];
}

/**
 * Reads a 移送函 / 抄告函: the picked open hazards with institution, severity and rationale, state, overdue days
 * and first photo; the legal basis only as far as the law library resolves the hazards' own citations.
 */
export async function assembleReferral(
  tools: AssembleTools,
  input: { kind: 'referral-letter' | 'notify-letter'; departmentKey: string; hazardIds: string[] },
): Promise<AssembledReferral> {
  const { deps, settings } = tools;
  const dept = deps.db.select().from(departments).where(eq(departments.key, input.departmentKey)).get();
  if (!dept) throw new AppError('VALIDATION', `部门“${input.departmentKey}”不存在，请从列表中选择`);
  const letterKind: ReferralLetterKind = input.kind === 'referral-letter' ? 'transfer' : 'notify';
  const ids = [...new Set(input.hazardIds)];
  const list = ids.map((id) => getHazard(deps, id)).sort((a, b) => a.code.localeCompare(b.code));
  const closed = list.filter((h) => h.state === 'closed').map((h) => h.code);
  if (closed.length) throw new AppError('VALIDATION', `隐患 ${closed.join('、')} 已闭环，无需移送或抄告`);

  const legalBasis: string[] = [];
  for (const h of list) {
    if (!h.legalBasis?.trim()) continue;
    for (const c of tools.quoter.resolve(h.legalBasis)) {
      if (!c.found || (c.kind !== 'law' && c.kind !== 'document')) continue;
      const text = citationText(c);
      if (!legalBasis.includes(text)) legalBasis.push(text);
    }
  }
  const addresses = new Map<string, string>();
  tools.photos.prepare(list.flatMap((h) => h.photos.map((p) => p.photoId)));
  const hazards: ReferralHazard[] = [];
  for (const [i, h] of list.entries()) {
    if (!addresses.has(h.institutionId)) addresses.set(h.institutionId, getInstitution(deps, h.institutionId).address);
    const photoId = findingPhotoId(h);
    const photo = photoId ? await tools.photos.read(photoId) : null;
    hazards.push({
      seq: i + 1,
      code: h.code,
      institution: h.institutionName,
      institutionAddress: addresses.get(h.institutionId) ?? '',
      town: h.townName,
      location: h.location,
      description: describe(h),
      isMajor: h.severity === 'major',
      severityRationale: h.severityRationale,
      state: hazardStateLabels[h.state],
      deadline: h.deadlineDate,
      overdueDays: h.daysOverdue,
      photo: photo?.bytes ?? null,
      photoMissing: photo?.missing ?? null,
    });
  }
  const data: ReferralLetterData = {
    letterKind,
    issuingOrgan: settings.issuingOrgan,
    selfReference: settings.selfReference,
    number: UNNUMBERED,
    issueDate: tools.issueDate,
    department: { key: dept.key, name: tools.departmentName(dept.key) },
    legalBasis,
    hazards,
    noticeNumbers: noticeNumbersFor(deps, ids),
    contact: { name: settings.contactName, phone: settings.contactPhone },
  };
  const onIssue = (ctx: CallContext, number: string): string[] => {
    const existing = ctx.deps.db
      .select({ id: hazardReferrals.id, hazardId: hazardReferrals.hazardId })
      .from(hazardReferrals)
      .where(
        and(
          inArray(hazardReferrals.hazardId, ids),
          eq(hazardReferrals.departmentKey, dept.key),
          eq(hazardReferrals.kind, letterKind),
          isNull(hazardReferrals.letterNo),
        ),
      )
      .all();
    const covered = new Set(existing.map((r) => r.hazardId));
    const fresh = ids.filter((id) => !covered.has(id));
    const created = fresh.length
      ? referHazards(ctx, {
          hazardIds: fresh,
          departmentKey: dept.key,
          kind: letterKind,
          referredOn: tools.issueDate,
          letterNo: number,
          note: null,
        }).referralIds
      : [];
    return [...existing.map((r) => r.id), ...created];
  };
  return { data, subjectIds: list.map((h) => h.id), onIssue };
}
