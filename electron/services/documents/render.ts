import path from 'node:path';
import { resolveReportFonts } from '../../reports/fonts';
import { renderJointReport, type JointReportData } from '../../reports/joint-report';
import { renderInspectionRecord, type InspectionRecordData } from '../../reports/inspection-record';
import {
  renderRectificationNotice,
  type RectificationNoticeData,
  type RenderedDocument,
  type RenderOptions,
} from '../../reports/rectification-notice';

/** The data of a document of one kind: what its renderer prints. Every kind carries its number and date. */
export type DocumentContent =
  | { kind: 'rectification-notice'; data: RectificationNoticeData }
  | { kind: 'inspection-record'; data: InspectionRecordData }
  | { kind: 'joint-report'; data: JointReportData };

/** What every document's data has in common. */
export interface NumberedData {
  number: string;
  issueDate: string;
}

/** The data of a content, typed loosely for the shared steps (numbering, hashing). */
export function dataOf(content: DocumentContent): NumberedData {
  return content.data;
}

/** Renders a document of any kind with its own renderer. */
export function renderContent(
  deps: { resourcesDir: string },
  content: DocumentContent,
  options: Omit<RenderOptions, 'fonts'>,
): Promise<RenderedDocument> {
  const fonts = resolveReportFonts(path.resolve(deps.resourcesDir));
  const opts: RenderOptions = { ...options, fonts };
  switch (content.kind) {
    case 'rectification-notice':
      return renderRectificationNotice(content.data, opts);
    case 'inspection-record':
      return renderInspectionRecord(content.data, opts);
    case 'joint-report':
      return renderJointReport(content.data, opts);
  }
}
