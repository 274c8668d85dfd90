import path from 'node:path';
import { resolveReportFonts } from '../../reports/fonts';
import { renderJointReport, type JointReportData } from '../../reports/joint-report';
import { renderInspectionRecord, type InspectionRecordData } from '../../reports/inspection-record';
import { renderMeetingBrief, type MeetingBriefData } from '../../reports/meeting-brief';
import { renderReferralLetter, type ReferralLetterData } from '../../reports/referral-letter';
import { renderReinspectionOpinion, type ReinspectionOpinionData } from '../../reports/reinspection-opinion';
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
  | { kind: 'joint-report'; data: JointReportData }
  | { kind: 'reinspection-opinion'; data: ReinspectionOpinionData }
  | { kind: 'referral-letter' | 'notify-letter'; data: ReferralLetterData }
  | { kind: 'consultation-material'; data: MeetingBriefData };

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
    case 'reinspection-opinion':
      return renderReinspectionOpinion(content.data, opts);
    case 'referral-letter':
    case 'notify-letter':
      return renderReferralLetter(content.data, opts);
    case 'consultation-material':
      return renderMeetingBrief(content.data, opts);
  }
}
