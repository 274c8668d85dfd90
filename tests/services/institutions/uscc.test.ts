import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildUscc,
  normalizeUscc,
  orgCodeCheckChar,
  USCC_CHARSET,
  usccCheckChar,
  validateUscc,
} from '../../../electron/services/institutions/uscc';

// Published real-format codes whose check characters were verified by hand against GB 32100 / GB 11714.
const PUBLISHED_VALID = [
  '91350100M000100Y43', // the example printed in GB 32100-2015 itself
  '91110000802100433B', // an enterprise registered in Beijing
  '12100000400000624D', // a central-level 事业单位
];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published real-format codes', () => {
    for (const code of PUBLISHED_VALID) expect(validateUscc(code)).toEqual({ ok: true, code });
  });

  it('accepts codes built for Pudong elderly-care institutions of each kind', () => {
    // 事业单位 (公办), 民办非企业单位 (民办), 企业 (公建民营 operators), all registered in 浦东新区 (310115).
    const built = [
      buildUscc({ authority: '1', type: '2', area: '310115', orgBody: '42501234' }),
      buildUscc({ authority: '5', type: '2', area: '310115', orgBody: 'MJ4893JK' }),
      buildUscc({ authority: '9', type: '1', area: '310115', orgBody: 'MA1FL3JL' }),
    ];
    // Computed by hand. GB 11714 over 42501234: 4·3+2·7+5·9+0·10+1·5+2·8+3·4+4·2 = 112, 112 mod 11 = 2,
    // 11 − 2 = 9. GB 32100 over 12310115425012349: Σ value·weight = 909, 909 mod 31 = 10, 31 − 10 = 21 → 'M'.
    expect(orgCodeCheckChar('42501234')).toBe('9');
    expect(built[0]).toBe('12310115425012349M');
    for (const code of built) expect(validateUscc(code).ok).toBe(true);
  });

  it('normalises pasted input: spaces, lower case and full-width characters', () => {
    expect(normalizeUscc(' 9135 0100m000100y43 ')).toBe('91350100M000100Y43');
    expect(normalizeUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(validateUscc('91350100m000100y43')).toEqual({ ok: true, code: '91350100M000100Y43' });
  });

  it('explains a wrong length', () => {
    expect(validateUscc('91350100M000100Y4')).toMatchObject({
      ok: false,
      message: '统一社会信用代码应为 18 位，当前为 17 位',
    });
    expect(validateUscc('91350100M000100Y431')).toMatchObject({
      ok: false,
      message: '统一社会信用代码应为 18 位，当前为 19 位',
    });
    expect(validateUscc('')).toMatchObject({ ok: false, message: '请填写统一社会信用代码' });
  });

  it('names the position of a character the code never uses, with the likely intended one', () => {
    const r = validateUscc('91350100MO00100Y43');
    expect(r).toMatchObject({ ok: false, position: 10 });
    expect(!r.ok && r.message).toContain('第 10 位“O”');
    expect(!r.ok && r.message).toContain('是否应为“0”');
    for (const c of ['I', 'O', 'Z', 'S', 'V']) expect(USCC_CHARSET).not.toContain(c);
  });

  it('gives the expected final check character when it is wrong', () => {
    const r = validateUscc('91350100M000100Y44');
    expect(r).toMatchObject({ ok: false, position: 18 });
    expect(!r.ok && r.message).toBe('第 18 位校验码应为“3”，实际为“4”，请核对前 17 位是否抄错');
  });

  it('checks the embedded organisation code (GB 11714) separately', () => {
    // Change one body character of the org code and recompute only the final check: position 17 must object.
    const first16 = '91350100M0001001';
    const first17 = `${first16}Y`;
    const code = first17 + usccCheckChar(first17);
    const r = validateUscc(code);
    expect(r).toMatchObject({ ok: false, position: 17 });
    expect(!r.ok && r.message).toContain(`应为“${orgCodeCheckChar('M0001001')}”`);
  });

  it('rejects unknown registration authorities and type codes', () => {
    const badAuthority = validateUscc('B1350100M000100Y43');
    expect(badAuthority).toMatchObject({ ok: false, position: 1 });
    const badType = validateUscc('95350100M000100Y43');
    expect(badType).toMatchObject({ ok: false, position: 2 });
    expect(!badType.ok && badType.message).toContain('工商');
  });

  it('rejects a non-numeric area code', () => {
    const r = validateUscc('9135A100M000100Y43');
    expect(r).toMatchObject({ ok: false, position: 5 });
  });

  it('property: every built code validates, and any single-character change is caught', () => {
    const charArb = fc.constantFrom(...USCC_CHARSET);
    fc.assert(
      fc.property(
        fc.constantFrom('12', '52', '91', '13', '59'),
        fc.stringMatching(/^\d{6}$/),
        fc.array(charArb, { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 2, max: 17 }),
        charArb,
        (prefix, area, body, pos, replacement) => {
          const code = buildUscc({ authority: prefix[0] ?? '9', type: prefix[1] ?? '1', area, orgBody: body.join('') });
          expect(validateUscc(code).ok).toBe(true);
          if (code[pos] === replacement) return;
          const mutated = code.slice(0, pos) + replacement + code.slice(pos + 1);
          // Positions 1–2 may change to another valid authority/type; every other change must fail somewhere.
          expect(validateUscc(mutated).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});
