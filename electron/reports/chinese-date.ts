const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Calendar parts of a date as seen in China (UTC+8, no daylight saving), whatever the machine's time zone. */
export function chinaDateParts(date: Date | string): { year: number; month: number; day: number } {
  if (typeof date === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    date = new Date(date);
  }
  if (Number.isNaN(date.getTime())) throw new Error('无效的日期');
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** 1–31 as 公文 writes it: 一 … 十, 十一, 二十, 二十一, 三十一. */
function smallNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/**
 * 成文日期 with Chinese numerals, year digit by digit with 〇 (2026-03-02 → 二〇二六年三月二日). Strings
 * `YYYY-MM-DD` are taken as calendar dates; Date values are read in China time.
 */
export function formatChineseDate(date: Date | string): string {
  const { year, month, day } = chinaDateParts(date);
  const y = String(year)
    .split('')
    .map((d) => DIGITS[Number(d)])
    .join('');
  return `${y}年${smallNumber(month)}月${smallNumber(day)}日`;
}

/** Date with Arabic numerals as body text and tables use (2026-03-16 → 2026年3月16日). */
export function formatArabicDate(date: Date | string): string {
  const { year, month, day } = chinaDateParts(date);
  return `${year}年${month}月${day}日`;
}
