/** Characters that may appear in a Chinese numeral such as 一百零二 or 二〇二三; for building regular expressions. */
export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千';

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Largest value either direction supports; article, item and paragraph numbers stay far below it. */
export const MAX_CHINESE_NUMERAL = 9999;

/**
 * Parses a Chinese numeral (一, 十二, 九十九, 一百零二, 一百一十三, 两千, 〇, 二〇二三) into an integer,
 * or returns null when the text is not a well-formed numeral below 10000.
 */
export function fromChineseNumeral(text: string): number | null {
  const s = text.trim();
  if (s.length === 0) return null;
  for (const ch of s) {
    if (DIGITS[ch] === undefined && UNITS[ch] === undefined) return null;
  }
  const hasUnit = [...s].some((ch) => UNITS[ch] !== undefined);
  if (!hasUnit) {
    // Digit-by-digit form (二〇二三); a lone 零/〇 is zero. Several digits without units only make sense this way.
    let value = 0;
    for (const ch of s) value = value * 10 + (DIGITS[ch] ?? 0);
    if (s.length > 1 && DIGITS[s[0] ?? ''] === 0) return null;
    return value;
  }

  let total = 0;
  let pendingDigit: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  let zeroSeen = false;
  for (const ch of s) {
    const digit = DIGITS[ch];
    if (digit !== undefined) {
      if (pendingDigit !== null) return null; // two digits in a row, e.g. 一二十
      if (digit === 0) {
        // 零 only fills a gap after a unit (一百零二); it cannot lead or repeat.
        if (total === 0 || zeroSeen) return null;
        zeroSeen = true;
        continue;
      }
      pendingDigit = digit;
      continue;
    }
    const unit = UNITS[ch] ?? 0;
    if (unit >= lastUnit) return null; // units must descend: 十百 or 百百 is malformed
    let multiplier = pendingDigit;
    if (multiplier === null) {
      // A bare 十 means 一十, at the start (十二) and in the informal 一百十三; a bare 百/千 is malformed.
      if (unit !== 10 || zeroSeen) return null;
      multiplier = 1;
    }
    total += multiplier * unit;
    lastUnit = unit;
    pendingDigit = null;
    zeroSeen = false;
  }
  if (pendingDigit !== null) {
    // A trailing ones digit needs 十 or 零 before it; 一百二 is colloquially 120, too ambiguous to accept.
    if (lastUnit !== 10 && !zeroSeen) return null;
    total += pendingDigit;
  } else if (zeroSeen) {
    return null; // trailing 零 (一百零)
  }
  return total;
}

/**
 * Writes a non-negative integer below 10000 the way Chinese legal texts number articles:
 * 10 → 十, 12 → 十二, 102 → 一百零二, 110 → 一百一十, 1010 → 一千零一十.
 */
export function toChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > MAX_CHINESE_NUMERAL) {
    throw new RangeError(`无法转换为中文数字：${value}（仅支持 0 至 ${MAX_CHINESE_NUMERAL} 的整数）`);
  }
  if (value === 0) return '零';
  if (value >= 10 && value < 20) return `十${value === 10 ? '' : DIGIT_CHARS[value - 10]}`;
  const places: Array<[number, string]> = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let out = '';
  let rest = value;
  let gap = false;
  for (const [size, unit] of places) {
    const digit = Math.floor(rest / size);
    rest %= size;
    if (digit === 0) {
      if (out.length > 0) gap = true;
      continue;
    }
    if (gap) out += '零';
    gap = false;
    out += `${DIGIT_CHARS[digit]}${unit}`;
  }
  return out;
}
