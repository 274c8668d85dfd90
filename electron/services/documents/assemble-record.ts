import { eq } from 'drizzle-orm';
import { departments, inspectionSignatures } from '../../../db/schema';
import type { InspectionAnswer } from '../../api';
import type { InspectionRecordData, RecordFinding, RecordItem, RecordSignature } from '../../reports/inspection-record';
import { AppError } from '../errors';
import { inspectionDetail } from '../inspections/records';
import { getInstitution } from '../institutions/records';
import { UNNUMBERED, type AssembleTools } from './assemble-notice';

const FEATURE_NAMES: Record<string, string> = {
  hasCanteen: '无食堂',
  hasClinic: '无内设医疗机构',
  hasLifts: '无电梯',
  hasPipedGas: '无管道燃气',
  hasLpg: '未使用液化石油气',
  hasOxygen: '无医用氧气',
  hasEbikeParking: '无电动自行车停放充电场所',
};

const FIELD_NAMES: Record<string, string> = {
  result: '结果',
  measurementValue: '测量值',
  countValue: '数量',
  textValue: '填写内容',
  note: '备注',
  locationBuilding: '楼栋',
  locationFloor: '楼层',
  locationRoom: '房间',
  locationText: '具体位置',
  description: '问题描述',
  fixedOnSpot: '当场整改',
};

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Where a finding is: 1号楼 2层 东侧走廊. */
function locationOf(a: InspectionAnswer | undefined): string {
  return a ? [a.locationBuilding, a.locationFloor, a.locationRoom, a.locationText].filter(Boolean).join(' ') : '';
}

/** The 情况记录 cell: location, description, reading, count, text, note and 当场整改. */
function detailOf(a: InspectionAnswer | undefined, unit: string | null): string {
  if (!a) return '';
  const parts = [
    locationOf(a) ? `位置：${locationOf(a)}` : '',
    a.description ?? '',
    a.measurementValue !== null ? `实测：${a.measurementValue}${a.measurementUnit ?? unit ?? ''}` : '',
    a.countValue !== null ? `数量：${a.countValue}` : '',
    a.textValue ?? '',
    a.note ? `备注：${a.note}` : '',
    a.fixedOnSpot ? '已当场整改' : '',
  ];
  return parts.filter(Boolean).join('；');
}

/** Reads a finished inspection into a 现场检查记录: every item and answer, findings with photos, signatures. */
export async function assembleRecord(
  tools: AssembleTools,
  inspectionId: string,
): Promise<{ data: InspectionRecordData; subjectIds: string[]; institutionId: string; institutionName: string }> {
  const { deps, settings } = tools;
  const detail = inspectionDetail(deps, inspectionId);
  if (detail.summary.status !== 'finished')
    throw new AppError('CONFLICT', '检查尚未完成，完成并锁定后才能生成现场检查记录');
  const institution = getInstitution(deps, detail.institution.id);
  const deptNames = new Map(
    deps.db
      .select()
      .from(departments)
      .all()
      .map((d) => [d.key, d.shortZh]),
  );
  const answers = new Map(detail.answers.map((a) => [a.itemKey, a]));
  const itemNames = new Map<string, string>();
  const sections = detail.sections.map((section) => ({
    title: section.title,
    items: section.items.map((item, i): RecordItem => {
      const a = answers.get(item.key);
      itemNames.set(item.key, `${section.title}第${i + 1}项（${item.code}）`);
      return {
        seq: i + 1,
        code: item.code,
        text: item.textZh,
        result: a?.result ?? '未作答',
        detail: detailOf(a, item.answer.unit),
      };
    }),
  }));
  tools.photos.prepare(detail.photos.map((p) => p.photoId));
  const findings: RecordFinding[] = [];
  for (const section of detail.sections) {
    for (const item of section.items) {
      const a = answers.get(item.key);
      if (a?.result !== '不符合') continue;
      const photos = [];
      for (const p of detail.photos.filter((x) => x.itemKey === item.key)) {
        const read = await tools.photos.read(p.photoId);
        const label = p.role === 'after-fix' ? '整改后' : '现场';
        photos.push({
          image: read.bytes,
          missing: read.missing,
          caption: `${label}照片：${locationOf(a) || item.textZh}${p.caption ? `——${p.caption}` : ''}`,
        });
      }
      findings.push({
        seq: findings.length + 1,
        section: section.title,
        code: item.code,
        text: item.textZh,
        location: locationOf(a) || '（未记录）',
        description:
          [a.description, a.measurementValue !== null ? `实测${a.measurementValue}${a.measurementUnit ?? ''}` : '']
            .filter(Boolean)
            .join('；') || '（未记录）',
        legalBasis: tools.quoter.rule(item.legalBasis).citation,
        fixedOnSpot: a.fixedOnSpot,
        photos,
      });
    }
  }
  const sigRows = new Map(
    deps.db
      .select()
      .from(inspectionSignatures)
      .where(eq(inspectionSignatures.inspectionId, inspectionId))
      .all()
      .map((s) => [s.signerKey, s]),
  );
  const signatures: RecordSignature[] = [];
  for (const s of detail.signatures) {
    const row = sigRows.get(s.signerKey);
    const image = s.refused
      ? null
      : (await tools.photos.readStored(row?.storedPath ?? null, row?.sha256 ?? null)).bytes;
    signatures.push({
      role: s.role === 'inspector' ? '检查人员' : '被检查单位',
      name: s.signerName,
      signedAt: s.signedAt,
      image,
      refused: s.refused,
      refusalReason: s.refusalReason,
      witness: s.witnessName,
    });
  }
  const data: InspectionRecordData = {
    issuingOrgan: settings.issuingOrgan,
    number: UNNUMBERED,
    issueDate: tools.issueDate,
    institution: {
      name: institution.name,
      code: institution.uscc,
      address: institution.address,
      phone: institution.contactPhone,
    },
    inspection: {
      templateName: detail.summary.templateName,
      templateVersion: detail.summary.templateVersion,
      startedAt: detail.summary.startedAt,
      finishedAt: detail.summary.finishedAt ?? detail.summary.updatedAt,
      representative: detail.representative,
    },
    inspectors: detail.inspectors.map((i) => ({
      name: i.name,
      department: deptNames.get(i.departmentKey) ?? i.departmentKey,
      certificateNo: i.certificateNo ?? '未登记',
    })),
    sections,
    excludedSections: detail.excludedSections.map((s) => ({
      title: s.title,
      reason: s.appliesWhen.map((f) => FEATURE_NAMES[f] ?? f).join('、') || '不适用',
    })),
    findings,
    signatures,
    amendments: detail.amendments.map((a) => ({
      item: a.itemKey ? (itemNames.get(a.itemKey) ?? a.itemKey) : '检查记录',
      field: FIELD_NAMES[a.field] ?? a.field,
      before: show(a.before),
      after: show(a.after),
      reason: a.reason,
      by: a.byName,
      at: a.at,
    })),
  };
  return {
    data,
    subjectIds: [institution.id, inspectionId],
    institutionId: institution.id,
    institutionName: institution.name,
  };
}
