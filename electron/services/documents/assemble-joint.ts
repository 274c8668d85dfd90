import { eq } from 'drizzle-orm';
import { departments } from '../../../db/schema';
import type { Hazard } from '../../api';
import type { JointHazard, JointReportData, TownCount } from '../../reports/joint-report';
import { AppError } from '../errors';
import { shanghaiDate } from '../hazards/dates';
import { listHazards } from '../hazards/records';
import { hazardStateLabels } from '../hazards/state-machine';
import { describe, findingPhotoId, UNNUMBERED, type AssembleTools } from './assemble-notice';

/** Hazards of a department recorded in a period (Shanghai dates, both ends included), oldest first. */
export function departmentHazards(
  tools: AssembleTools,
  departmentKey: string | null,
  from: string,
  to: string,
): Hazard[] {
  if (from > to) throw new AppError('VALIDATION', '开始日期不能晚于结束日期');
  return listHazards(tools.deps, { state: 'all', ...(departmentKey ? { departmentKey } : {}) })
    .filter((h) => {
      const day = shanghaiDate(h.recordedAt);
      return day >= from && day <= to;
    })
    .sort((a, b) =>
      a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : a.code.localeCompare(b.code),
    );
}

/** Counts per town, in the order towns first appear. */
export function townCounts(list: readonly Hazard[]): TownCount[] {
  const byTown = new Map<string, TownCount>();
  for (const h of list) {
    const t = byTown.get(h.townName) ?? { town: h.townName, total: 0, major: 0, open: 0, overdue: 0 };
    t.total += 1;
    if (h.severity === 'major') t.major += 1;
    if (h.state !== 'closed') t.open += 1;
    if (h.overdue) t.overdue += 1;
    byTown.set(h.townName, t);
  }
  return [...byTown.values()];
}

/** Reads one department's hazards of a period into a 联合监管报告, with each hazard's first photo. */
export async function assembleJoint(
  tools: AssembleTools,
  input: { departmentKey: string; from: string; to: string },
): Promise<{ data: JointReportData; subjectIds: string[] }> {
  const dept = tools.deps.db.select().from(departments).where(eq(departments.key, input.departmentKey)).get();
  if (!dept) throw new AppError('VALIDATION', `部门“${input.departmentKey}”不存在，请从列表中选择`);
  const list = departmentHazards(tools, input.departmentKey, input.from, input.to);
  if (!list.length)
    throw new AppError('VALIDATION', `${input.from} 至 ${input.to} 没有涉及${dept.shortZh}部门的隐患，无需生成报告`);
  tools.photos.prepare(list.flatMap((h) => h.photos.map((p) => p.photoId)));
  const hazards: JointHazard[] = [];
  for (const [i, h] of list.entries()) {
    const photoId = findingPhotoId(h);
    const photo = photoId ? await tools.photos.read(photoId) : null;
    hazards.push({
      seq: i + 1,
      code: h.code,
      institution: h.institutionName,
      town: h.townName,
      location: h.location,
      description: describe(h),
      isMajor: h.severity === 'major',
      state: hazardStateLabels[h.state],
      deadline: h.deadlineDate,
      overdueDays: h.daysOverdue,
      photo: photo?.bytes ?? null,
      photoMissing: photo?.missing ?? null,
    });
  }
  const data: JointReportData = {
    issuingOrgan: tools.settings.issuingOrgan,
    number: UNNUMBERED,
    issueDate: tools.issueDate,
    department: { key: dept.key, name: tools.departmentName(dept.key), short: dept.shortZh },
    period: { from: input.from, to: input.to },
    asOf: tools.issueDate,
    hazards,
    byTown: townCounts(list),
  };
  return { data, subjectIds: list.map((h) => h.id) };
}
