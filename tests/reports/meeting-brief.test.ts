import { describe, expect, it } from 'vitest';
import { renderMeetingBrief, type MeetingBriefData } from '../../electron/reports/meeting-brief';
import { FIXED_CREATION, testFonts } from './fixtures/sample-notice';
import { fontsOf, pageInfo, pageTexts, savePdfWithPages, squash } from './support/pdf-tools';

/** A quiet period: nothing found, nothing open. Rates and times must read — rather than NaN or 0%. */
const empty: MeetingBriefData = {
  issuingOrgan: '上海市浦东新区民政局',
  number: '浦民养会〔2026〕第001号',
  issueDate: '2026-03-02',
  period: { from: '2026-01-01', to: '2026-01-31' },
  asOf: '2026-01-31',
  town: '陆家嘴街道',
  department: null,
  totals: {
    institutions: 3,
    inspectedInstitutions: 0,
    inspections: 0,
    found: 0,
    majorFound: 0,
    closed: 0,
    rectificationRate: null,
    closedInPeriod: 0,
    medianDaysToClose: null,
    meanDaysToClose: null,
    open: 0,
    overdue: 0,
    majorOpen: 0,
  },
  byTown: [{ name: '陆家嘴街道', found: 0, closed: 0, open: 0, overdue: 0, majorOpen: 0 }],
  byDepartment: [{ name: '消防救援', found: 0, closed: 0, open: 0, overdue: 0, majorOpen: 0 }],
  byMonth: [{ month: '2026-01', found: 0, closed: 0 }],
  majorOpen: { total: 0, items: [] },
  overdue: { total: 0, items: [] },
};

describe('会商材料 renderer', () => {
  it('prints an empty period with dashes, no NaN, and says the lists are empty', async () => {
    const rendered = await renderMeetingBrief(empty, {
      fonts: testFonts(),
      documentId: 'meeting-empty',
      creationDate: FIXED_CREATION,
    });
    const file = savePdfWithPages('meeting-brief-empty', rendered.pdf);
    const all = squash(pageTexts(file).join(''));
    expect(all).toContain('陆家嘴街道在册养老机构3家，开展检查0次');
    expect(all).toContain('整改率—');
    expect(all).toContain('整改用时中位数—天、平均—天');
    expect(all).toContain('没有未闭环的重大事故隐患');
    expect(all).toContain('没有逾期未整改的隐患');
    expect(all).not.toContain('NaN');
    expect(pageInfo(file).pages).toBe(rendered.pageCount);
    for (const f of fontsOf(file)) expect(f.subset && f.embedded).toBe(true);
    const again = await renderMeetingBrief(empty, {
      fonts: testFonts(),
      documentId: 'meeting-empty',
      creationDate: FIXED_CREATION,
    });
    expect(again.pdf.equals(rendered.pdf)).toBe(true);
  });
});
