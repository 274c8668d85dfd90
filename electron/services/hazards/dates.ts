/**
 * Calendar dates of the hazard module. Deadlines are calendar days in Asia/Shanghai, whatever the machine's
 * time zone: an inspector in Pudong means "by 3 March" in Shanghai. Shanghai has used UTC+8 without daylight
 * saving since 1991, so a fixed offset is exact for every date this app handles.
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(instant: Date | string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A calendar date plus `days` days (negative to go back). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Whether an open hazard is overdue on `today` (a Shanghai date). Due on its deadline day, overdue from the
 * next day: 立即 means "by the end of the day it was recorded". Closed hazards are never overdue.
 */
export function isOverdue(hazard: { state: string; deadlineDate: string }, today: string): boolean {
  return hazard.state !== 'closed' && today > hazard.deadlineDate;
}

/** Days an open hazard is past its deadline on `today`; 0 when not overdue. */
export function daysOverdue(hazard: { state: string; deadlineDate: string }, today: string): number {
  return isOverdue(hazard, today) ? daysBetween(hazard.deadlineDate, today) : 0;
}
