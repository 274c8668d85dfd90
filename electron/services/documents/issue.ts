import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { departments, issuedDocuments } from '../../../db/schema';
import { documentKindNames, type DocumentKind, type DocumentRequest, type IssuedDocument } from '../../api';
import { allocateNumber, formatDocNumber } from '../../reports/doc-number';
import type { RenderedDocument } from '../../reports/rectification-notice';
import { computeVerification } from '../../reports/verification';
import { inTransaction, recordChange } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { AppError } from '../errors';
import { shanghaiDate } from '../hazards/dates';
import { readQuoteMode } from '../laws/quote-mode';
import { assembleNotice, type AssembleTools } from './assemble-notice';
import { assembleJoint } from './assemble-joint';
import { assembleMeeting } from './assemble-meeting';
import { assembleRecord } from './assemble-record';
import { assembleReferral } from './assemble-referral';
import { assembleReinspection } from './assemble-reinspection';
import {
  absolutePath,
  decodeContent,
  defaultFileName,
  encodeContent,
  issuedRow,
  readStoredPdf,
  storedPathFor,
  toIssuedDocument,
  type IssuedRow,
} from './issued';
import { PhotoLoader } from './photos';
import { RuleQuoter } from './quotes';
import { dataOf, renderContent, type DocumentContent } from './render';
import { readDocumentSettings } from './settings';

/** A document read from the database, ready to be numbered and rendered. */
export interface Assembled {
  content: DocumentContent;
  /** Title in the register (整改通知书 / 联合监管报告（消防救援）…). */
  title: string;
  subjectIds: string[];
  institutionId: string | null;
  institutionName: string | null;
  departmentKey: string | null;
  images: ReadonlyMap<string, string>;
  lawVersions: Record<string, string>;
  /**
   * Writes what issuing the document changes elsewhere (移送函: the referrals), inside the numbering transaction;
   * returns more subject ids for the register. Never run for a 样稿.
   */
  onIssue?: (ctx: CallContext, number: string) => string[];
}

/** Department key → the full name letters are addressed to (setting), or the department's own name. */
export function departmentNamer(deps: ServiceDeps, addressees: Record<string, string>): (key: string) => string {
  const rows = new Map(
    deps.db
      .select()
      .from(departments)
      .all()
      .map((d) => [d.key, d.nameZh]),
  );
  return (key) => addressees[key]?.trim() || rows.get(key) || key;
}

/** Reads what a request asks for from the database into the data its renderer prints (not yet numbered). */
export async function assemble(
  deps: ServiceDeps,
  request: DocumentRequest,
  pins: Record<string, string> = {},
): Promise<Assembled> {
  const settings = readDocumentSettings(deps);
  const tools: AssembleTools = {
    deps,
    settings,
    quoter: new RuleQuoter(deps, readQuoteMode(deps), pins),
    photos: new PhotoLoader(deps),
    issueDate: shanghaiDate(deps.clock()),
    departmentName: departmentNamer(deps, settings.addressees),
  };
  const finish = (
    content: DocumentContent,
    rest: Omit<Assembled, 'content' | 'images' | 'lawVersions' | 'title'> & { title?: string },
  ): Assembled => ({
    title: rest.title ?? documentKindNames[content.kind],
    ...rest,
    content,
    images: tools.photos.images,
    lawVersions: { ...tools.quoter.used },
  });
  switch (request.kind) {
    case 'rectification-notice': {
      const { data, subjectIds, institutionId } = await assembleNotice(tools, request);
      return finish(
        { kind: 'rectification-notice', data },
        { subjectIds, institutionId, institutionName: data.institution.name, departmentKey: null },
      );
    }
    case 'inspection-record': {
      const r = await assembleRecord(tools, request.inspectionId);
      return finish(
        { kind: 'inspection-record', data: r.data },
        {
          subjectIds: r.subjectIds,
          institutionId: r.institutionId,
          institutionName: r.institutionName,
          departmentKey: null,
        },
      );
    }
    case 'joint-report': {
      const r = await assembleJoint(tools, request);
      return finish(
        { kind: 'joint-report', data: r.data },
        {
          title: `联合监管报告（${r.data.department.short}）`,
          subjectIds: r.subjectIds,
          institutionId: null,
          institutionName: null,
          departmentKey: request.departmentKey,
        },
      );
    }
    case 'reinspection-opinion': {
      const r = await assembleReinspection(tools, request);
      return finish(
        { kind: 'reinspection-opinion', data: r.data },
        {
          subjectIds: r.subjectIds,
          institutionId: r.institutionId,
          institutionName: r.data.institution.name,
          departmentKey: null,
        },
      );
    }
    case 'referral-letter':
    case 'notify-letter': {
      const r = await assembleReferral(tools, request);
      return finish(
        { kind: request.kind, data: r.data },
        {
          title: `${documentKindNames[request.kind]}（${r.data.department.name}）`,
          subjectIds: r.subjectIds,
          institutionId: null,
          institutionName: null,
          departmentKey: request.departmentKey,
          onIssue: r.onIssue,
        },
      );
    }
    case 'consultation-material': {
      const r = assembleMeeting(tools, request);
      return finish(
        { kind: 'consultation-material', data: r.data },
        {
          // The scope in the register's title, so two materials of one period tell apart at a glance.
          title: `会商材料（${r.scope}）`,
          subjectIds: r.subjectIds,
          institutionId: null,
          institutionName: null,
          departmentKey: request.departmentKey ?? null,
        },
      );
    }
  }
}

/** Renders a 样稿: no number taken, nothing written to the register; watermarked 样稿. */
export async function previewDocument(
  ctx: CallContext,
  request: DocumentRequest,
): Promise<{ fileName: string; pageCount: number; pdf: Buffer }> {
  const assembled = await assemble(ctx.deps, request);
  const rendered = await renderContent(ctx.deps, assembled.content, {
    documentId: 'preview',
    creationDate: ctx.deps.clock(),
    draft: true,
  });
  const who =
    assembled.institutionName ??
    (assembled.departmentKey ? departmentNamer(ctx.deps, {})(assembled.departmentKey) : null);
  const fileName = `${who ? `${who}_` : ''}${documentKindNames[request.kind]}_样稿.pdf`;
  return { fileName, pageCount: rendered.pageCount, pdf: rendered.pdf };
}

/** Writes a PDF through a temporary file, so a crash never leaves half a document under the final name. */
async function writePdf(deps: ServiceDeps, storedPath: string, pdf: Buffer): Promise<void> {
  const abs = absolutePath(deps, storedPath);
  await fs.promises.mkdir(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.tmp`;
  await fs.promises.writeFile(tmp, pdf);
  await fs.promises.rename(tmp, abs);
}

/** Renders an issued document again from its stored data, with its own id and issue time: the same bytes. */
export async function renderIssued(deps: ServiceDeps, row: IssuedRow): Promise<RenderedDocument> {
  const { content, problems } = await decodeContent(deps, row.dataJson);
  if (problems.length)
    throw new AppError('CONFLICT', `文书所用的照片文件已缺失或被改动，无法重新生成：${problems.join('、')}`);
  const rendered = await renderContent(deps, content, { documentId: row.id, creationDate: new Date(row.createdAt) });
  if (rendered.verification.contentHash !== row.contentHash)
    throw new AppError('CONFLICT', '重新生成的文书内容与登记记录不一致，请联系管理员');
  return rendered;
}

/**
 * Issues a document: reads the data (photos are read before, outside any transaction), then in one synchronous
 * transaction takes the number, derives the verification code from the numbered data, writes the register row
 * with the data and law versions, and the audit record. The PDF is rendered after the commit with the issue
 * time as its creation date and stored under documents/<year>/<kind>/; it can always be rendered again.
 */
export async function issueDocument(ctx: CallContext, request: DocumentRequest): Promise<IssuedDocument> {
  const actor = ctx.actor();
  const assembled = await assemble(ctx.deps, request);
  const settings = readDocumentSettings(ctx.deps);
  const kind: DocumentKind = assembled.content.kind;
  const id = ctx.deps.newId();
  const now = ctx.now();
  const data = dataOf(assembled.content);
  const year = Number(data.issueDate.slice(0, 4));
  const storedPath = storedPathFor(kind, year, id);
  const row = inTransaction(ctx.deps, () => {
    const { seq } = allocateNumber(ctx.deps.sqlite, kind, year);
    data.number = formatDocNumber({ prefix: settings.prefixes[kind], year, seq });
    const verification = computeVerification({ kind, number: data.number, data: assembled.content.data });
    const subjectIds = [...assembled.subjectIds, ...(assembled.onIssue?.(ctx, data.number) ?? [])];
    const values: IssuedRow = {
      id,
      kind,
      number: data.number,
      year,
      seq,
      title: assembled.title,
      subjectIdsJson: JSON.stringify(subjectIds),
      contentHash: verification.contentHash,
      verificationCode: verification.code,
      status: 'issued',
      voidedReason: null,
      voidedAt: null,
      voidedBy: null,
      createdAt: now,
      createdBy: actor.id,
      createdByName: actor.name,
      filePath: null,
      issueDate: data.issueDate,
      institutionId: assembled.institutionId,
      institutionName: assembled.institutionName,
      departmentKey: assembled.departmentKey,
      storedPath,
      pdfSha256: null,
      pageCount: null,
      dataJson: encodeContent(assembled.content, assembled.images),
      lawVersionsJson: JSON.stringify(assembled.lawVersions),
    };
    ctx.deps.db.insert(issuedDocuments).values(values).run();
    recordChange(ctx, {
      entity: 'document',
      entityId: id,
      action: 'issue',
      after: {
        kind,
        number: values.number,
        title: values.title,
        verificationCode: values.verificationCode,
        subjectIds,
        lawVersions: assembled.lawVersions,
      },
    });
    return values;
  });
  const rendered = await renderIssued(ctx.deps, row);
  await writePdf(ctx.deps, storedPath, rendered.pdf);
  const pdfSha256 = createHash('sha256').update(rendered.pdf).digest('hex');
  // Technical completion of the row just written (not a user change): file hash and page count.
  ctx.deps.db
    .update(issuedDocuments)
    .set({ pdfSha256, pageCount: rendered.pageCount })
    .where(eq(issuedDocuments.id, id))
    .run();
  return toIssuedDocument(
    { ...row, pdfSha256, pageCount: rendered.pageCount },
    departmentNamer(ctx.deps, settings.addressees),
  );
}

/** Voids a document with a reason; its number stays spent and its PDF keeps the number it was issued with. */
export function voidDocument(ctx: CallContext, id: string, reason: string): IssuedDocument {
  const actor = ctx.actor();
  return inTransaction(ctx.deps, () => {
    const before = issuedRow(ctx.deps, id);
    if (before.status === 'voided') throw new AppError('CONFLICT', `文书 ${before.number} 已作废，无需重复操作`);
    ctx.deps.db
      .update(issuedDocuments)
      .set({ status: 'voided', voidedReason: reason, voidedAt: ctx.now(), voidedBy: actor.id })
      .where(eq(issuedDocuments.id, id))
      .run();
    recordChange(ctx, {
      entity: 'document',
      entityId: id,
      action: 'void',
      before: { status: 'issued', number: before.number },
      after: { status: 'voided', number: before.number },
      reason,
    });
    return toIssuedDocument(issuedRow(ctx.deps, id));
  });
}

/** The PDF of an issued document: the stored file, or (when it was lost) the same bytes rendered again. */
export async function issuedPdf(deps: ServiceDeps, row: IssuedRow): Promise<Buffer> {
  const stored = readStoredPdf(deps, row);
  if (stored) return stored;
  const rendered = await renderIssued(deps, row);
  await writePdf(deps, row.storedPath, rendered.pdf);
  return rendered.pdf;
}

/** Saves an issued document for the user under its default Chinese name and remembers where. */
export async function saveDocument(
  ctx: CallContext,
  id: string,
): Promise<{ fileName: string; saved: { path: string; bytes: number } | null }> {
  const row = issuedRow(ctx.deps, id);
  const settings = readDocumentSettings(ctx.deps);
  const fileName = toIssuedDocument(row, departmentNamer(ctx.deps, settings.addressees)).fileName;
  const saved = await ctx.deps.saveFile(fileName, await issuedPdf(ctx.deps, row));
  if (saved) ctx.deps.db.update(issuedDocuments).set({ filePath: saved.path }).where(eq(issuedDocuments.id, id)).run();
  return { fileName, saved };
}

/** Default file name of an issued row (for bulk export). */
export function fileNameOf(deps: ServiceDeps, row: IssuedRow): string {
  return defaultFileName(
    row,
    row.departmentKey ? departmentNamer(deps, readDocumentSettings(deps).addressees)(row.departmentKey) : null,
  );
}
