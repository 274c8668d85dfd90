import { describe, expect, it } from 'vitest';
import { addDays, daysOverdue, isOverdue, shanghaiDate } from '../../../electron/services/hazards/dates';

describe('hazard dates in Asia/Shanghai', () => {
  it('takes the calendar day in Shanghai, not UTC, around midnight', () => {
    // 15:59:59 UTC is 23:59:59 in Shanghai; one second later it is the next day there.
    expect(shanghaiDate('2026-03-02T15:59:59.999Z')).toBe('2026-03-02');
    expect(shanghaiDate('2026-03-02T16:00:00.000Z')).toBe('2026-03-03');
    // Early morning in Shanghai is still the previous day in UTC.
    expect(shanghaiDate('2026-03-02T17:30:00.000Z')).toBe('2026-03-03');
    expect(shanghaiDate(new Date('2025-12-31T16:00:00.000Z'))).toBe('2026-01-01');
  });

  it('is due on the deadline day and overdue from the next Shanghai day', () => {
    const hazard = { state: 'to-rectify', deadlineDate: '2026-03-02' };
    expect(isOverdue(hazard, shanghaiDate('2026-03-02T15:59:59.999Z'))).toBe(false);
    expect(isOverdue(hazard, shanghaiDate('2026-03-02T16:00:00.000Z'))).toBe(true);
    expect(daysOverdue(hazard, '2026-03-12')).toBe(10);
    expect(isOverdue({ ...hazard, state: 'closed' }, '2026-04-01')).toBe(false);
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-02-25', 7)).toBe('2026-03-04');
    expect(addDays('2025-12-20', 15)).toBe('2026-01-04');
    expect(addDays('2026-03-02', 0)).toBe('2026-03-02');
  });
});
