import { and, eq } from 'drizzle-orm';
import { issuedDocuments } from '../../../db/schema';
import type { Hazard, HazardEvent } from '../../api';
import type {
  ReinspectionHazard,
  ReinspectionOpinionData,
  ReinspectionPhoto,
} from '../../reports/reinspection-opinion';
import type { ServiceDeps } from '../context';
import { AppError } from '../errors';
import { addDays, shanghaiDate } from '../hazards/dates';
import { getHazard, hazardHistory } from '../hazards/records';
import { deadlineDays } from '../hazards/settings';
import { getInstitution } from '../institutions/records';
import { describe, findingPhotoId, UNNUMBERED, type AssembleTools } from './assemble-notice';

// At most this many 整改后 photos per hazard: the opinion shows the result, the hazard record keeps them all.
const MAX_AFTER_PHOTOS = 3;

/** The last verification of a hazard: 复查通过, 复查不通过, or a recheck that found it still present. */
function lastVerification(events: HazardEvent[]): HazardEvent | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (!e) continue;
    if (e.kind === 'verify-pass' || e.kind === 'verify-fail') return e;
    if (e.kind === 'recheck-note' && e.detail.result === 'still-present') return e;
  }
  return null;
}

/** The institution's rectification report (整改报告, or the recheck that found it fixed) before the verification. */
function lastReport(events: HazardEvent[], before: HazardEvent): HazardEvent | null {
  const earlier = events.filter((e) => e.seq < before.seq && (e.kind === 'report' || e.kind === 'recheck'));
  return earlier[earlier.length - 1] ?? null;
}

/** Numbers of the issued (not voided) 整改通知书 that named any of these hazards, in number order. */
export function noticeNumbersFor(deps: ServiceDeps, hazardIds: readonly string[]): string[] {
  const wanted = new Set(hazardIds);
  return deps.db
    .select({ number: issuedDocuments.number, subjects: issuedDocuments.subjectIdsJson })
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.kind, 'rectification-notice'), eq(issuedDocuments.status, 'issued')))
    .all()
    .filter((d) => (JSON.parse(d.subjects) as string[]).some((id) => wanted.has(id)))
    .map((d) => d.number)
    .sort();
}

/**
 * The deadline to finish a hazard that failed its re-inspection: the hazard's own deadline when it was already
 * extended past today, otherwise today plus the 短期 deadline days of the hazard settings.
 */
function continuedDeadline(deps: ServiceDeps, h: Hazard, today: string): string {
  return h.deadlineDate > today ? h.deadlineDate : addDays(today, deadlineDays(deps).short);
}

/**
 * Reads a 复查意见书: the re-inspected hazards of one institution, each with its last verification, the
 * institution's report before it, its before and after photos, and the 整改通知书 that ordered it.
 */
export async function assembleReinspection(
  tools: AssembleTools,
  input: { hazardIds: string[] },
): Promise<{ data: ReinspectionOpinionData; subjectIds: string[]; institutionId: string }> {
  const { deps, settings } = tools;
  const ids = [...new Set(input.hazardIds)];
  const list = ids.map((id) => getHazard(deps, id)).sort((a, b) => a.code.localeCompare(b.code));
  const institutionId = list[0]?.institutionId ?? '';
  if (list.some((h) => h.institutionId !== institutionId))
    throw new AppError('VALIDATION', '一份复查意见书只能针对一家机构，请只选择同一机构的隐患');
  const histories = list.map((h) => ({ hazard: h, events: hazardHistory(deps, h.id) }));
  const unchecked = histories.filter((x) => !lastVerification(x.events)).map((x) => x.hazard.code);
  if (unchecked.length)
    throw new AppError('VALIDATION', `隐患 ${unchecked.join('、')} 尚未复查，请先录入复查结果再出具复查意见书`);
  const institution = getInstitution(deps, institutionId);
  tools.photos.prepare(list.flatMap((h) => h.photos.map((p) => p.photoId)));

  const hazards: ReinspectionHazard[] = [];
  const methods: string[] = [];
  let reinspectionDate = '';
  for (const [i, { hazard: h, events }] of histories.entries()) {
    const verification = lastVerification(events);
    if (!verification) continue;
    const report = lastReport(events, verification);
    const verifiedOn = shanghaiDate(verification.at);
    if (verifiedOn > reinspectionDate) reinspectionDate = verifiedOn;
    const method = verification.method ?? '现场复查';
    if (!methods.includes(method)) methods.push(method);
    const passed = verification.kind === 'verify-pass';
    const photos: ReinspectionPhoto[] = [];
    const before = findingPhotoId(h);
    if (before) {
      const p = await tools.photos.read(before);
      photos.push({ stage: '整改前', photo: p.bytes, photoMissing: p.missing });
    }
    for (const after of h.photos.filter((p) => p.role === 'after').slice(-MAX_AFTER_PHOTOS)) {
      const p = await tools.photos.read(after.photoId);
      photos.push({ stage: '整改后', photo: p.bytes, photoMissing: p.missing });
    }
    hazards.push({
      seq: i + 1,
      code: h.code,
      location: h.location,
      description: describe(h),
      isMajor: h.severity === 'major',
      originalDeadline: h.deadlineDate,
      report: report ? (report.text ?? (report.kind === 'recheck' ? '检查时确认已整改' : null)) : null,
      reportDate: report ? shanghaiDate(report.at) : null,
      passed,
      method,
      verifiedOn,
      remark: passed ? verification.text : (verification.reason ?? verification.text),
      newDeadline: passed ? null : continuedDeadline(deps, h, tools.issueDate),
      photos,
    });
  }
  const data: ReinspectionOpinionData = {
    issuingOrgan: settings.issuingOrgan,
    selfReference: settings.selfReference,
    number: UNNUMBERED,
    institution: { name: institution.name, code: institution.uscc, address: institution.address },
    noticeNumbers: noticeNumbersFor(deps, ids),
    reinspectionDate,
    methods,
    hazards,
    contact: { name: settings.contactName, phone: settings.contactPhone },
    issueDate: tools.issueDate,
  };
  return { data, subjectIds: [institutionId, ...list.map((h) => h.id)], institutionId };
}
