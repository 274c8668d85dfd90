import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromChineseNumeral, toChineseNumeral } from '../../../electron/services/laws/chinese-numerals';

describe('fromChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['九十九', 99],
    ['一百', 100],
    ['一百零二', 102],
    ['一百一十', 110],
    ['一百一十三', 113],
    ['一百十三', 113],
    ['一百五十四', 154],
    ['两', 2],
    ['两百', 200],
    ['一千零一十', 1010],
    ['〇', 0],
    ['零', 0],
    ['二〇二三', 2023],
  ])('%s → %i', (text, value) => {
    expect(fromChineseNumeral(text)).toBe(value);
  });

  it.each(['', '条', '十十', '百', '一二十', '一百二', '一百零', '零一', '十百', '一百零零二', '1'])(
    'rejects %j',
    (text) => {
      expect(fromChineseNumeral(text)).toBeNull();
    },
  );
});

describe('toChineseNumeral', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [99, '九十九'],
    [100, '一百'],
    [102, '一百零二'],
    [110, '一百一十'],
    [113, '一百一十三'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
  ])('%i → %s', (value, text) => {
    expect(toChineseNumeral(value)).toBe(text);
  });

  it('rejects values it cannot write', () => {
    expect(() => toChineseNumeral(-1)).toThrow(RangeError);
    expect(() => toChineseNumeral(1.5)).toThrow(RangeError);
    expect(() => toChineseNumeral(10000)).toThrow(/中文数字/);
  });

  it('round-trips every supported value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), (n) => fromChineseNumeral(toChineseNumeral(n)) === n),
      { numRuns: 2000 },
    );
  });
});
