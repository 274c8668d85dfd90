import { and, asc, eq } from 'drizzle-orm';
import { hazards } from '../../../db/schema';
import type { Hazard } from '../../api';
import type { Deadline, NoticeHazard, RectificationNoticeData } from '../../reports/rectification-notice';
import type { ServiceDeps } from '../context';
import { AppError } from '../errors';
import { shanghaiDate } from '../hazards/dates';
import { getHazard } from '../hazards/records';
import { inspectionDetail } from '../inspections/records';
import { getInstitution } from '../institutions/records';
import type { PhotoLoader } from './photos';
import type { RuleQuoter } from './quotes';
import type { DocumentSettings } from '../../api';

/** What an assembler needs besides its input: settings, the quoter, the photo loader, today's date. */
export interface AssembleTools {
  deps: ServiceDeps;
  settings: DocumentSettings;
  quoter: RuleQuoter;
  photos: PhotoLoader;
  /** 成文日期 (YYYY-MM-DD, Shanghai). */
  issueDate: string;
  /** Department key → full name for addressees and 抄送. */
  departmentName: (key: string) => string;
}

/** Placeholder number of a document not numbered yet (previews; replaced when issued). */
export const UNNUMBERED = '（未编号）';

/** Hazards of an inspection that still need rectifying (not fixed on the spot, not closed), in recording order. */
export function inspectionHazardIds(deps: ServiceDeps, inspectionId: string): string[] {
  return deps.db
    .select({ id: hazards.id, fixed: hazards.fixedOnSpot, state: hazards.state })
    .from(hazards)
    .where(and(eq(hazards.sourceInspectionId, inspectionId)))
    .orderBy(asc(hazards.code))
    .all()
    .filter((h) => !h.fixed && h.state !== 'closed')
    .map((h) => h.id);
}

/** 立即 or the deadline date. */
function deadlineOf(h: Hazard): Deadline {
  return h.deadlineClass === 'immediate' ? '立即' : (h.deadlineDate as Deadline);
}

/** The description with the reading when one was taken (实测 0.4 MPa). */
export function describe(h: Hazard): string {
  return h.measurement ? `${h.description}（实测${h.measurement.value}${h.measurement.unit}）` : h.description;
}

/** The first photo of a hazard taken when it was found. */
export function findingPhotoId(h: Hazard): string | null {
  return h.photos.find((p) => p.role === 'before')?.photoId ?? null;
}

/** The team of an inspection as the notice names it: 姓名 and 执法证号. */
function teamOf(deps: ServiceDeps, inspectionId: string | null): { name: string; certificateNo: string }[] {
  if (!inspectionId) return [];
  return inspectionDetail(deps, inspectionId).inspectors.map((i) => ({
    name: i.name,
    certificateNo: i.certificateNo ?? '未登记',
  }));
}

/**
 * Reads a 整改通知书 from the database: the open hazards of a finished inspection (or the hazards picked), the
 * institution, the team, each hazard's photo and rule (quoted per the setting), and the settings' texts.
 */
export async function assembleNotice(
  tools: AssembleTools,
  input: { inspectionId?: string | undefined; hazardIds?: string[] | undefined },
): Promise<{ data: RectificationNoticeData; subjectIds: string[]; institutionId: string }> {
  const { deps, settings } = tools;
  if (!input.inspectionId && !input.hazardIds?.length) throw new AppError('VALIDATION', '请选择检查记录或隐患');
  let inspectionId = input.inspectionId ?? null;
  if (inspectionId) {
    const detail = inspectionDetail(deps, inspectionId);
    if (detail.summary.status !== 'finished')
      throw new AppError('CONFLICT', '检查尚未完成，完成并锁定后才能签发整改通知书');
  }
  const ids = input.hazardIds?.length ? [...new Set(input.hazardIds)] : inspectionHazardIds(deps, inspectionId ?? '');
  if (!ids.length) throw new AppError('VALIDATION', '本次检查没有需要整改的隐患（当场整改的除外），无需签发整改通知书');
  const list = ids.map((id) => getHazard(deps, id));
  const institutionId = list[0]?.institutionId ?? '';
  if (list.some((h) => h.institutionId !== institutionId))
    throw new AppError('VALIDATION', '一份整改通知书只能针对一家机构，请只选择同一机构的隐患');
  const closed = list.filter((h) => h.state === 'closed');
  if (closed.length)
    throw new AppError('VALIDATION', `隐患 ${closed.map((h) => h.code).join('、')} 已闭环，不能再责令整改`);
  // Hazards picked by hand: the inspection they share, if they share one, supplies the date and the team.
  if (!inspectionId) {
    const sources = new Set(list.map((h) => h.sourceInspectionId));
    inspectionId = sources.size === 1 ? ([...sources][0] ?? null) : null;
  }
  const institution = getInstitution(deps, institutionId);
  const inspection = inspectionId ? inspectionDetail(deps, inspectionId) : null;
  const inspectionDate = inspection
    ? shanghaiDate(inspection.summary.startedAt)
    : (list.map((h) => shanghaiDate(h.recordedAt)).sort()[0] ?? tools.issueDate);
  const basis = inspection
    ? `检查表《${inspection.summary.templateName}》（第${inspection.summary.templateVersion}版）`
    : '有关法律法规和养老机构综合监管工作要求';

  tools.photos.prepare(list.flatMap((h) => h.photos.map((p) => p.photoId)));
  const noticeHazards: NoticeHazard[] = [];
  for (const [i, h] of list.entries()) {
    const photoId = findingPhotoId(h);
    const photo = photoId ? await tools.photos.read(photoId) : null;
    noticeHazards.push({
      seq: i + 1,
      location: h.location,
      description: describe(h),
      photo: photo?.bytes ?? null,
      photoMissing: photo?.missing ?? null,
      photoCaption: h.itemText,
      rule: tools.quoter.rule(h.legalBasis),
      requiredAction: h.requiredAction,
      deadline: deadlineOf(h),
      isMajor: h.severity === 'major',
      interimMeasures: h.interimMeasures,
    });
  }
  const consequenceQuote = tools.quoter.quoteSentence(settings.consequencesBasis);
  const copyTo = [...new Set(list.flatMap((h) => h.departments))]
    .filter((k) => k !== 'civil-affairs')
    .map(tools.departmentName);
  const data: RectificationNoticeData = {
    issuingOrgan: settings.issuingOrgan,
    issuingOrganShort: settings.organShort,
    selfReference: settings.selfReference,
    number: UNNUMBERED,
    institution: {
      name: institution.name,
      code: institution.uscc,
      address: institution.address,
      legalRepresentative: institution.legalRepresentative,
      phone: institution.contactPhone,
    },
    inspection: { date: inspectionDate, basis, inspectors: teamOf(deps, inspectionId) },
    hazards: noticeHazards,
    consequences: consequenceQuote ? `${settings.consequences}${consequenceQuote}` : settings.consequences,
    reportBack: settings.reportBack,
    contact: { name: settings.contactName, phone: settings.contactPhone },
    issueDate: tools.issueDate,
    ...(copyTo.length ? { copyTo } : {}),
  };
  return { data, subjectIds: [institutionId, ...(inspectionId ? [inspectionId] : []), ...ids], institutionId };
}
