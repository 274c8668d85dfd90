import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { issuedDocuments } from '../../../db/schema';
import type { VerifyResult } from '../../api';
import { extractVerificationFromPdf, parseVerificationCode } from '../../reports/verification';
import type { ServiceDeps } from '../context';
import { toIssuedDocument, type IssuedRow } from './issued';

function matchMessage(row: IssuedRow): string {
  const who = row.institutionName ? `，${row.institutionName}` : '';
  const status =
    row.status === 'voided'
      ? `；该文书已于 ${row.voidedAt?.slice(0, 10) ?? ''} 作废（${row.voidedReason ?? ''}），不再有效`
      : '；文书有效';
  return `核验通过：${row.title} ${row.number}${who}，成文日期 ${row.issueDate}${status}`;
}

function byCode(deps: ServiceDeps, code: string): IssuedRow | undefined {
  return deps.db.select().from(issuedDocuments).where(eq(issuedDocuments.verificationCode, code)).get();
}

/** Checks a typed code: typos (wrong check character) and malformed input are told apart from unknown codes. */
export function verifyCode(deps: ServiceDeps, input: string): VerifyResult {
  const parsed = parseVerificationCode(input);
  if (!parsed.ok) {
    return parsed.reason === 'check'
      ? {
          outcome: 'typo',
          code: null,
          message: '核验码校验位不符，可能有字符输错，请逐字核对后重新输入',
          document: null,
          identicalFile: null,
        }
      : {
          outcome: 'format',
          code: null,
          message: '核验码格式不正确：应为 10 位字母数字（如 7KQ3M-2XW9P）',
          document: null,
          identicalFile: null,
        };
  }
  const row = byCode(deps, parsed.code);
  if (!row)
    return {
      outcome: 'no-match',
      code: parsed.code,
      message: `未找到核验码为 ${parsed.code} 的文书，该文书可能并非本系统签发`,
      document: null,
      identicalFile: null,
    };
  return {
    outcome: 'match',
    code: parsed.code,
    message: matchMessage(row),
    document: toIssuedDocument(row),
    identicalFile: null,
  };
}

/**
 * Checks a PDF handed back: reads its code (and record id) from the metadata or the footer text, finds the
 * record, and says whether the file is byte for byte the one the app stored.
 */
export function verifyPdf(deps: ServiceDeps, pdf: Buffer): VerifyResult {
  const found = extractVerificationFromPdf(pdf);
  if (!found)
    return {
      outcome: 'no-code',
      code: null,
      message: '该 PDF 中没有找到核验码，不是本系统生成的文书',
      document: null,
      identicalFile: null,
    };
  const sha = createHash('sha256').update(pdf).digest('hex');
  if (found.documentId) {
    const row = deps.db.select().from(issuedDocuments).where(eq(issuedDocuments.id, found.documentId)).get();
    if (row && row.verificationCode !== found.code) {
      return {
        outcome: 'altered',
        code: found.code,
        message: `该 PDF 自称是 ${row.number}，但核验码与登记记录不符，内容可能被改动`,
        document: toIssuedDocument(row),
        identicalFile: false,
      };
    }
  }
  const row = byCode(deps, found.code);
  if (!row)
    return {
      outcome: 'no-match',
      code: found.code,
      message: `未找到核验码为 ${found.code} 的文书，该文书可能并非本系统签发`,
      document: null,
      identicalFile: null,
    };
  const identical = row.pdfSha256 === sha;
  const fileNote = identical
    ? '；文件与存档原件完全一致'
    : '；文件与存档原件字节不同（可能经过另存或打印），请以核验结果和存档原件为准';
  return {
    outcome: 'match',
    code: found.code,
    message: `${matchMessage(row)}${fileNote}`,
    document: toIssuedDocument(row),
    identicalFile: identical,
  };
}
