import { createHash } from 'node:crypto';
import { extractTextRuns, inflatedStreams, readInfoStrings } from './pdf-inspect';

/** Crockford base32: no I, L, O, U, so a code read aloud or typed from paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Pattern of a printed verification code. */
export const VERIFICATION_CODE_PATTERN = /[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !Buffer.isBuffer(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

/**
 * JSON with sorted keys and no whitespace, so the same document data always gives the same text whatever the
 * order its fields were built in. Binary data (photos) enters as its SHA-256, dates as ISO strings, `undefined`
 * fields are left out as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Buffer.isBuffer(value) || value instanceof Uint8Array)
    return JSON.stringify({ $sha256: createHash('sha256').update(value).digest('hex') });
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('文书数据中含有无效数字');
  return JSON.stringify(value);
}

/** Check character over the nine data characters: odd weights catch any single wrong character. */
function checkChar(values: number[]): string {
  const sum = values.reduce((s, v, i) => s + v * (2 * i + 1), 0);
  return ALPHABET[sum % 32] ?? '0';
}

/** What identifies a document's content: its kind, its number and everything printed from its data. */
export interface VerifiableContent {
  kind: string;
  number: string;
  data: unknown;
}

/** Content hash (64 hex digits, stored with the record) and the short code printed on the pages. */
export interface Verification {
  contentHash: string;
  code: string;
}

/**
 * Derives the verification of a document: SHA-256 of the canonical JSON of kind, number and data; the code is
 * the first 45 bits in nine Crockford base32 characters plus one check character, grouped XXXXX-XXXXX.
 */
export function computeVerification(content: VerifiableContent): Verification {
  const digest = createHash('sha256')
    .update(canonicalJson({ kind: content.kind, number: content.number, data: content.data }), 'utf8')
    .digest();
  let bits = 0n;
  for (let i = 0; i < 6; i++) bits = (bits << 8n) | BigInt(digest[i] ?? 0);
  const values: number[] = [];
  for (let i = 0; i < 9; i++) values.push(Number((bits >> BigInt(48 - 5 * (i + 1))) & 31n));
  const chars = values.map((v) => ALPHABET[v] ?? '0').join('') + checkChar(values);
  return { contentHash: digest.toString('hex'), code: `${chars.slice(0, 5)}-${chars.slice(5)}` };
}

/** Result of reading a code someone typed: the canonical code, or why it cannot be one. */
export type ParsedCode = { ok: true; code: string } | { ok: false; reason: 'format' | 'check' };

/**
 * Reads a typed code leniently as Crockford intends (lower case, O for 0, I/L for 1, spaces or no hyphen) and
 * checks its check character, so a typo is reported as a typo rather than as “no such document”.
 */
export function parseVerificationCode(input: string): ParsedCode {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(cleaned)) return { ok: false, reason: 'format' };
  const values = [...cleaned].map((c) => ALPHABET.indexOf(c));
  if (checkChar(values.slice(0, 9)) !== cleaned[9]) return { ok: false, reason: 'check' };
  return { ok: true, code: `${cleaned.slice(0, 5)}-${cleaned.slice(5)}` };
}

/** What a PDF says about itself: its verification code, the record id when the metadata survived, and where it was found. */
export interface PdfVerification {
  code: string;
  documentId: string | null;
  source: 'metadata' | 'text';
}

/**
 * Reads the verification code (and document id) back from a PDF: first from the Keywords metadata written by
 * GovDocument, then, when another program dropped the metadata, from the footer text of the pages.
 */
export function extractVerificationFromPdf(pdf: Buffer): PdfVerification | null {
  const fromKeywords = (values: string[]): PdfVerification | null => {
    for (const value of values) {
      const m = /CareInspect-Verify code=(\S+) id=([A-Za-z0-9._-]+)/.exec(value);
      const parsed = m ? parseVerificationCode(m[1] ?? '') : null;
      if (m && parsed?.ok) return { code: parsed.code, documentId: m[2] ?? null, source: 'metadata' };
    }
    return null;
  };
  const direct = fromKeywords(readInfoStrings(pdf, 'Keywords'));
  if (direct) return direct;
  const streams = inflatedStreams(pdf);
  const packed = fromKeywords(readInfoStrings(Buffer.alloc(0), 'Keywords', streams));
  if (packed) return packed;
  for (const run of extractTextRuns(pdf)) {
    const m = /核验码\s*([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(run);
    const parsed = m ? parseVerificationCode(m[1] ?? '') : null;
    if (parsed?.ok) return { code: parsed.code, documentId: null, source: 'text' };
  }
  return null;
}
