import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { GovDocument } from '../../electron/reports/gov-document';
import {
  canonicalJson,
  computeVerification,
  extractVerificationFromPdf,
  parseVerificationCode,
  VERIFICATION_CODE_PATTERN,
} from '../../electron/reports/verification';
import { FIXED_CREATION, testFonts } from './fixtures/sample-notice';

describe('verification codes', () => {
  it('canonical JSON ignores key order and hashes binary data', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }], e: Buffer.from('x') })).toBe(
      canonicalJson({ e: Buffer.from('x'), a: [1, { d: 2 }], b: 1 }),
    );
    expect(canonicalJson({ p: Buffer.from('x') })).not.toBe(canonicalJson({ p: Buffer.from('y') }));
  });

  it('derives a grouped Crockford code from kind, number and data', () => {
    const a = computeVerification({ kind: 'rectification-notice', number: 'N1', data: { x: 1 } });
    expect(a.code).toMatch(new RegExp(`^${VERIFICATION_CODE_PATTERN.source}$`));
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(computeVerification({ kind: 'rectification-notice', number: 'N1', data: { x: 1 } })).toEqual(a);
    expect(computeVerification({ kind: 'rectification-notice', number: 'N2', data: { x: 1 } }).code).not.toBe(a.code);
    expect(computeVerification({ kind: 'referral-letter', number: 'N1', data: { x: 1 } }).code).not.toBe(a.code);
  });

  it('reads typed codes leniently and catches any single wrong character', () => {
    const { code } = computeVerification({ kind: 'k', number: 'n', data: 'd' });
    expect(parseVerificationCode(code.toLowerCase().replace('-', ' '))).toEqual({ ok: true, code });
    expect(parseVerificationCode('12345')).toEqual({ ok: false, reason: 'format' });
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 31 }), (data, pos, delta) => {
        const c = computeVerification({ kind: 'k', number: 'n', data }).code.replace('-', '');
        const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        const wrong = alphabet[(alphabet.indexOf(c[pos] ?? '0') + delta) % 32] ?? '0';
        const typo = c.slice(0, pos) + wrong + c.slice(pos + 1);
        expect(parseVerificationCode(typo).ok).toBe(false);
      }),
    );
  });
});

describe('extractVerificationFromPdf', () => {
  const code = computeVerification({ kind: 'test', number: 'T1', data: {} }).code;
  let pdf: Buffer;

  beforeAll(async () => {
    const doc = new GovDocument({
      fonts: testFonts(),
      creationDate: FIXED_CREATION,
      title: '测试',
      author: '测试机关',
      documentId: 'doc-42',
      verificationCode: code,
    });
    doc.body('正文。');
    pdf = await doc.render();
  });

  it('reads code and id from the metadata', () => {
    expect(extractVerificationFromPdf(pdf)).toEqual({ code, documentId: 'doc-42', source: 'metadata' });
  });

  it('falls back to the footer text when the metadata is gone', () => {
    // Blank the metadata in place (same length, so the cross-reference table stays valid).
    const text = pdf.toString('latin1');
    const stripped = Buffer.from(
      text.replace(/CareInspect-Verify code=[^)]*/g, (m) => 'x'.repeat(m.length)).replace(/核验码/g, ''),
      'latin1',
    );
    expect(stripped.length).toBe(pdf.length);
    expect(extractVerificationFromPdf(stripped)).toEqual({ code, documentId: null, source: 'text' });
  });

  it('returns null for a PDF that carries no code', () => {
    expect(extractVerificationFromPdf(Buffer.from('%PDF-1.7\n%%EOF'))).toBeNull();
  });
});
