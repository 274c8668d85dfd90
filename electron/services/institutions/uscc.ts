/**
 * 统一社会信用代码 (Unified Social Credit Code) per GB 32100-2015:
 *   position 1      登记管理部门码 (registration authority)
 *   position 2      机构类别码 (organisation type within that authority)
 *   positions 3–8   登记管理机关行政区划码 (6-digit area code)
 *   positions 9–17  主体标识码 = 组织机构代码 (GB 11714: 8 body characters + its own check character)
 *   position 18     校验码 over positions 1–17 (weights 3^i mod 31, modulus 31)
 * Letters I, O, Z, S and V are never used, so they cannot be confused with 1, 0, 2, 5 and U.
 */

/** The 31 characters of the code, in value order (0–30). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17 for the final check character (3^(i) mod 31). */
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Weights of the 8 body characters of a GB 11714 organisation code. */
export const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Registration authorities (position 1) and the organisation types (position 2) each may issue, from the
 * standard's appendix; an authority not listed here accepts types 1 and 9 only.
 */
const AUTHORITY_TYPES: Record<string, { name: string; types: string }> = {
  '1': { name: '机构编制', types: '1239' },
  '2': { name: '外交', types: '19' },
  '3': { name: '司法行政', types: '123459' },
  '4': { name: '文化', types: '19' },
  '5': { name: '民政', types: '1239' },
  '6': { name: '旅游', types: '129' },
  '7': { name: '宗教', types: '129' },
  '8': { name: '工会', types: '19' },
  '9': { name: '工商', types: '123' },
  A: { name: '中央军委改革和编制办公室', types: '19' },
  N: { name: '农业', types: '1239' },
  Y: { name: '其他', types: '1' },
};

const charValue = new Map([...USCC_CHARSET].map((c, i) => [c, i]));

/** Value of a character in a GB 11714 organisation code: digits 0–9, letters A–Z as 10–35. */
function orgCharValue(c: string): number {
  return /[0-9]/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
}

/** The GB 11714 check character for 8 body characters ('0'–'9' or 'X'). */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body8[i] ?? '0') * (ORG_CODE_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The GB 32100 check character (position 18) for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (charValue.get(first17[i] ?? '0') ?? 0) * (USCC_WEIGHTS[i] ?? 0);
  const c = (31 - (sum % 31)) % 31;
  return USCC_CHARSET[c] ?? '0';
}

/**
 * Builds a complete, valid code from its parts: both check characters are computed. Used by the demo data
 * generator and the tests.
 */
export function buildUscc(parts: { authority: string; type: string; area: string; orgBody: string }): string {
  const org = parts.orgBody + orgCodeCheckChar(parts.orgBody);
  const first17 = `${parts.authority}${parts.type}${parts.area}${org}`;
  return first17 + usccCheckChar(first17);
}

/** Result of {@link validateUscc}: the normalised code when valid, else a Chinese explanation. */
export type UsccResult = { ok: true; code: string } | { ok: false; code: string; message: string; position?: number };

/** Trims, removes inner spaces, turns full-width characters into ASCII and upper-cases, as users paste codes. */
export function normalizeUscc(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

function confusable(c: string): string {
  const hint: Record<string, string> = { I: '1', O: '0', Z: '2', S: '5', V: 'U' };
  return hint[c] ? `（代码不使用字母 ${c}，是否应为“${hint[c]}”？）` : '';
}

/**
 * Validates a 统一社会信用代码 and explains what is wrong in Chinese: length, the position of a character
 * outside the code's alphabet, an unknown authority or type, a non-numeric area code, a wrong organisation
 * code check character, or a wrong final check character (with the expected one).
 */
export function validateUscc(raw: string): UsccResult {
  const code = normalizeUscc(raw);
  if (code.length === 0) return { ok: false, code, message: '请填写统一社会信用代码' };
  if (code.length !== 18) {
    return { ok: false, code, message: `统一社会信用代码应为 18 位，当前为 ${code.length} 位` };
  }
  for (let i = 0; i < 18; i++) {
    const c = code[i] ?? '';
    if (!charValue.has(c)) {
      return {
        ok: false,
        code,
        position: i + 1,
        message: `第 ${i + 1} 位“${c}”不是统一社会信用代码允许的字符（只用数字和除 I、O、Z、S、V 以外的大写字母）${confusable(c)}`,
      };
    }
  }
  const authority = AUTHORITY_TYPES[code[0] ?? ''];
  if (!authority) {
    return { ok: false, code, position: 1, message: `第 1 位登记管理部门码“${code[0]}”不存在（应为 1–9、A、N 或 Y）` };
  }
  if (!authority.types.includes(code[1] ?? '')) {
    return {
      ok: false,
      code,
      position: 2,
      message: `第 2 位机构类别码“${code[1]}”对登记管理部门“${authority.name}”无效（应为 ${[...authority.types].join('、')}）`,
    };
  }
  const area = code.slice(2, 8);
  if (!/^\d{6}$/.test(area)) {
    const bad = [...area].findIndex((c) => !/\d/.test(c));
    return {
      ok: false,
      code,
      position: bad + 3,
      message: `第 3–8 位应为 6 位数字的行政区划码，第 ${bad + 3} 位“${area[bad]}”不是数字`,
    };
  }
  const orgExpected = orgCodeCheckChar(code.slice(8, 16));
  if (code[16] !== orgExpected) {
    return {
      ok: false,
      code,
      position: 17,
      message: `第 9–17 位组织机构代码的校验码（第 17 位）应为“${orgExpected}”，实际为“${code[16]}”，请核对第 9–16 位`,
    };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      ok: false,
      code,
      position: 18,
      message: `第 18 位校验码应为“${expected}”，实际为“${code[17]}”，请核对前 17 位是否抄错`,
    };
  }
  return { ok: true, code };
}
