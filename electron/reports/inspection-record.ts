import { formatArabicDate } from './chinese-date';
import { GOV_RED, GOV_SIZES, GovDocument, type CellBlock, type Figure, type TableRow } from './gov-document';
import type { RenderedDocument, RenderOptions } from './rectification-notice';
import { flattenPngs } from './report-images';
import { computeVerification } from './verification';

/** Document kind key of the 现场检查记录. */
export const INSPECTION_RECORD_KIND = 'inspection-record';

/** One checklist item with its answer. */
export interface RecordItem {
  /** 1-based within its section. */
  seq: number;
  code: string;
  text: string;
  result: '符合' | '不符合' | '不适用' | '未作答';
  /** Location, description, reading, note and 当场整改, as one line of text (empty when nothing recorded). */
  detail: string;
}

/** A photo of a finding; bytes null for a missing file. */
export interface RecordPhoto {
  image: Buffer | null;
  missing: string | null;
  caption: string;
}

/** A non-compliant item with its evidence. */
export interface RecordFinding {
  /** 1-based across the record. */
  seq: number;
  section: string;
  code: string;
  text: string;
  location: string;
  description: string;
  legalBasis: string;
  fixedOnSpot: boolean;
  photos: RecordPhoto[];
}

/** A signature, or the representative's refusal with its witness. */
export interface RecordSignature {
  role: '检查人员' | '被检查单位';
  name: string;
  /** ISO time of signing. */
  signedAt: string;
  image: Buffer | null;
  refused: boolean;
  refusalReason: string | null;
  witness: string | null;
}

/** Everything a 现场检查记录 prints. */
export interface InspectionRecordData {
  issuingOrgan: string;
  number: string;
  issueDate: string;
  institution: { name: string; code: string; address: string; phone: string | null };
  inspection: {
    templateName: string;
    templateVersion: number;
    /** ISO times. */
    startedAt: string;
    finishedAt: string;
    representative: { name: string; title: string | null; phone: string | null };
  };
  inspectors: { name: string; department: string; certificateNo: string }[];
  sections: { title: string; items: RecordItem[] }[];
  /** Sections of the template that did not apply to this institution, and why. */
  excludedSections: { title: string; reason: string }[];
  findings: RecordFinding[];
  signatures: RecordSignature[];
  amendments: { item: string; field: string; before: string; after: string; reason: string; by: string; at: string }[];
}

/** 2026-03-02T01:30:00Z → 2026年3月2日 9时30分 (China time). */
export function formatChinaTime(iso: string): string {
  const d = new Date(iso);
  const shifted = new Date(d.getTime() + 8 * 3600_000);
  return `${formatArabicDate(iso)} ${shifted.getUTCHours()}时${String(shifted.getUTCMinutes()).padStart(2, '0')}分`;
}

const RESULT_COLOR: Record<RecordItem['result'], string> = {
  符合: '#1E6B30',
  不符合: GOV_RED,
  不适用: '#555555',
  未作答: '#8A6D00',
};

/** Renders a 现场检查记录: team, every item with its result, findings with photos, signatures or refusal. */
export async function renderInspectionRecord(
  data: InspectionRecordData,
  options: RenderOptions,
): Promise<RenderedDocument> {
  const verification = computeVerification({ kind: INSPECTION_RECORD_KIND, number: data.number, data });
  const doc = new GovDocument({
    fonts: options.fonts,
    creationDate: options.creationDate,
    title: `现场检查记录 ${data.number}`,
    author: data.issuingOrgan,
    documentId: options.documentId,
    verificationCode: verification.code,
    documentNumber: data.number,
    draft: options.draft ?? false,
  });
  const items = data.sections.flatMap((s) => s.items);
  const count = (r: RecordItem['result']) => items.filter((i) => i.result === r).length;
  doc.header(data.issuingOrgan, data.number);
  doc.title('现场检查记录');
  doc.keyValues([
    { label: '被检查单位', value: data.institution.name },
    { label: '统一社会信用代码', value: data.institution.code },
    { label: '地址', value: data.institution.address },
    {
      label: '检查时间',
      value: `${formatChinaTime(data.inspection.startedAt)} 至 ${formatChinaTime(data.inspection.finishedAt)}`,
    },
    { label: '检查表', value: `《${data.inspection.templateName}》（第${data.inspection.templateVersion}版）` },
    {
      label: '检查人员',
      value: data.inspectors.map((i) => `${i.name}（${i.department}，执法证号：${i.certificateNo}）`).join('；'),
    },
    {
      label: '被检查单位陪同人员',
      value: [
        data.inspection.representative.name,
        data.inspection.representative.title,
        data.inspection.representative.phone,
      ]
        .filter(Boolean)
        .join('，'),
    },
  ]);
  doc.space(8);
  doc.body(
    `本次检查共${items.length}项，其中符合${count('符合')}项、不符合${count('不符合')}项、不适用${count('不适用')}项` +
      `${count('未作答') ? `、未作答${count('未作答')}项` : ''}；发现问题${data.findings.length}处，其中当场整改${data.findings.filter((f) => f.fixedOnSpot).length}处。`,
  );

  let n = 1;
  const numeral = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const heading = (text: string) => doc.heading(`${numeral[n++ - 1] ?? String(n)}、${text}`);
  heading('检查情况');
  for (const section of data.sections) {
    doc.paragraph(section.title, { weight: 'bold', size: GOV_SIZES.four, justify: false });
    const rows: TableRow[] = section.items.map((item) => {
      const result: CellBlock[] = [
        { text: item.result, weight: item.result === '不符合' ? 'bold' : 'regular', color: RESULT_COLOR[item.result] },
      ];
      const cells = [
        String(item.seq),
        [{ text: item.text }, { text: item.code, size: 8, color: '#666666' }],
        result,
        item.detail || '—',
      ];
      return item.result === '不符合' ? { cells, fill: '#FFF3F3' } : cells;
    });
    doc.table({
      columns: [
        { header: '序号', width: 0.07, align: 'center', valign: 'middle' },
        { header: '检查内容', width: 0.43 },
        { header: '结果', width: 0.1, align: 'center', valign: 'middle' },
        { header: '情况记录', width: 0.4 },
      ],
      rows,
      size: GOV_SIZES.five,
    });
  }
  if (data.excludedSections.length) {
    doc.paragraph(`不适用的检查部分：${data.excludedSections.map((s) => `${s.title}（${s.reason}）`).join('；')}`, {
      size: GOV_SIZES.smallFour,
      indent: true,
    });
  }

  if (data.findings.length) {
    heading('发现的问题');
    for (const f of data.findings) {
      doc.paragraph(`${f.seq}. ${f.section}·${f.text}（${f.code}）${f.fixedOnSpot ? '【已当场整改】' : ''}`, {
        weight: 'bold',
        size: GOV_SIZES.four,
        justify: false,
      });
      doc.keyValues(
        [
          { label: '位置', value: f.location },
          { label: '情况', value: f.description },
          { label: '依据', value: f.legalBasis },
        ],
        { size: GOV_SIZES.smallFour },
      );
      if (f.photos.length) {
        const figures: Figure[] = f.photos.map((p) => ({
          image: p.image,
          caption: p.caption,
          ...(p.missing ? { missingText: p.missing } : {}),
        }));
        doc.figures(figures, { columns: 2, maxHeight: 190 });
      }
    }
  }

  if (data.amendments.length) {
    heading('记录更正');
    doc.table({
      columns: [
        { header: '检查项', width: 0.2 },
        { header: '更正内容', width: 0.38 },
        { header: '原因', width: 0.24 },
        { header: '更正人及时间', width: 0.18 },
      ],
      rows: data.amendments.map((a) => [
        a.item,
        `${a.field}：${a.before} → ${a.after}`,
        a.reason,
        `${a.by}\n${formatChinaTime(a.at)}`,
      ]),
      size: GOV_SIZES.five,
    });
  }

  heading('签名');
  doc.paragraph('以上记录经检查人员和被检查单位陪同人员核对无误。', { indent: true, size: GOV_SIZES.four });
  const drawn = data.signatures.filter((s) => !s.refused);
  const signatureImages = await flattenPngs(drawn.map((s) => s.image));
  if (drawn.length) {
    doc.figures(
      drawn.map((s, i) => ({
        image: signatureImages[i] ?? null,
        caption: `${s.role}：${s.name}\n${formatChinaTime(s.signedAt)}`,
        missingText: '签名图像缺失',
      })),
      { columns: 3, maxHeight: 60 },
    );
  }
  for (const s of data.signatures.filter((x) => x.refused)) {
    doc.paragraph(
      `${s.role}${s.name ? `（${s.name}）` : ''}拒绝签字。拒签原因：${s.refusalReason ?? ''}；见证人：${s.witness ?? ''}；记录时间：${formatChinaTime(s.signedAt)}。`,
      { indent: true, size: GOV_SIZES.four, color: GOV_RED },
    );
  }
  doc.signature(data.issuingOrgan, data.issueDate);

  const pageCount = doc.pdf.bufferedPageRange().count;
  const pdf = await doc.render();
  return { pdf, verification, pageCount };
}
