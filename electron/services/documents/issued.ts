import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { issuedDocuments } from '../../../db/schema';
import { documentKindNames, type DocumentKind, type IssuedDocument } from '../../api';
import type { ServiceDeps } from '../context';
import { notFound } from '../errors';
import { safeFileName } from '../file-saver';
import { readPhoto } from '../photos/photo-store';
import type { DocumentContent } from './render';

/** A stored register row. */
export type IssuedRow = typeof issuedDocuments.$inferSelect;

/** Stored form of the printed data: photos as references to the photo store, by the SHA-256 of their bytes. */
interface StoredData {
  content: unknown;
  images: Record<string, string>;
}

function isImageRef(value: unknown): value is { $image: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { $image?: unknown }).$image === 'string'
  );
}

/** Data → JSON for issued_documents.data_json: every Buffer becomes `{$image: sha256}`, its path kept apart. */
export function encodeContent(content: DocumentContent, images: ReadonlyMap<string, string>): string {
  const used: Record<string, string> = {};
  const walk = (value: unknown): unknown => {
    if (Buffer.isBuffer(value)) {
      const sha = createHash('sha256').update(value).digest('hex');
      used[sha] = images.get(sha) ?? '';
      return { $image: sha };
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, walk(v)]),
      );
    return value;
  };
  const stored: StoredData = { content: walk(content), images: used };
  return JSON.stringify(stored);
}

/**
 * JSON → data, reading each photo back from the photo store and checking it is the same bytes. A photo that
 * is gone or changed is reported; the caller refuses to re-render rather than print something else.
 */
export async function decodeContent(
  deps: ServiceDeps,
  json: string,
): Promise<{ content: DocumentContent; problems: string[] }> {
  const stored = JSON.parse(json) as StoredData;
  const bytes = new Map<string, Buffer>();
  const problems: string[] = [];
  for (const [sha, storedPath] of Object.entries(stored.images)) {
    const read = storedPath ? await readPhoto(deps.dataDir, storedPath) : null;
    const ok = read?.ok === true && createHash('sha256').update(read.bytes).digest('hex') === sha;
    if (read?.ok && ok) bytes.set(sha, read.bytes);
    else problems.push(storedPath || sha);
  }
  const walk = (value: unknown): unknown => {
    if (isImageRef(value)) return bytes.get(value.$image) ?? null;
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return { content: walk(stored.content) as DocumentContent, problems };
}

/** Where an issued PDF lives inside the data folder. */
export function storedPathFor(kind: DocumentKind, year: number, id: string): string {
  return path.posix.join('documents', String(year), kind, `${id}.pdf`);
}

/** Absolute path of a stored PDF. */
export function absolutePath(deps: ServiceDeps, storedPath: string): string {
  return path.join(deps.dataDir, ...storedPath.split('/'));
}

/** Default Chinese file name: 机构名_整改通知书_编号.pdf (or 部门_联合监管报告_编号.pdf). */
export function defaultFileName(
  row: Pick<IssuedRow, 'kind' | 'number' | 'institutionName' | 'title'>,
  subject?: string | null,
): string {
  const who = row.institutionName ?? subject ?? '';
  return safeFileName(`${who ? `${who}_` : ''}${documentKindNames[row.kind]}_${row.number}.pdf`);
}

/** A register row in the contract's shape. */
export function toIssuedDocument(row: IssuedRow, departmentName?: (key: string) => string): IssuedDocument {
  return {
    id: row.id,
    kind: row.kind,
    kindName: documentKindNames[row.kind],
    number: row.number,
    title: row.title,
    status: row.status,
    verificationCode: row.verificationCode,
    issueDate: row.issueDate,
    institutionId: row.institutionId,
    institutionName: row.institutionName,
    departmentKey: row.departmentKey,
    pageCount: row.pageCount,
    createdAt: row.createdAt,
    createdByName: row.createdByName,
    voidedReason: row.voidedReason,
    voidedAt: row.voidedAt,
    lawVersions: JSON.parse(row.lawVersionsJson) as Record<string, string>,
    fileName: defaultFileName(row, row.departmentKey && departmentName ? departmentName(row.departmentKey) : null),
  };
}

/** One register row, or NOT_FOUND. */
export function issuedRow(deps: ServiceDeps, id: string): IssuedRow {
  const row = deps.db.select().from(issuedDocuments).where(eq(issuedDocuments.id, id)).get();
  if (!row) throw notFound('文书');
  return row;
}

/** Register rows, newest first, filtered by kind, status and issue date. */
export function listIssued(
  deps: ServiceDeps,
  filter: {
    kind?: DocumentKind | undefined;
    status?: 'issued' | 'voided' | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
): IssuedRow[] {
  const where: SQL[] = [];
  if (filter.kind) where.push(eq(issuedDocuments.kind, filter.kind));
  if (filter.status) where.push(eq(issuedDocuments.status, filter.status));
  if (filter.from) where.push(gte(issuedDocuments.issueDate, filter.from));
  if (filter.to) where.push(lte(issuedDocuments.issueDate, filter.to));
  return deps.db
    .select()
    .from(issuedDocuments)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(issuedDocuments.createdAt), desc(issuedDocuments.number))
    .all();
}

/** The stored PDF bytes, or null when the file is not there. */
export function readStoredPdf(deps: ServiceDeps, row: IssuedRow): Buffer | null {
  try {
    return fs.readFileSync(absolutePath(deps, row.storedPath));
  } catch {
    return null;
  }
}
