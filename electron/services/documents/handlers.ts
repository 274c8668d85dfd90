import { desc, eq } from 'drizzle-orm';
import { hazards, inspections, institutions, issuedDocuments } from '../../../db/schema';
import type { HandlerGroup } from '../registry';
import { AppError } from '../errors';
import {
  departmentNamer,
  fileNameOf,
  issueDocument,
  issuedPdf,
  previewDocument,
  saveDocument,
  voidDocument,
} from './issue';
import { planNoticeRows } from './export';
import { listIssued, toIssuedDocument, type IssuedRow } from './issued';
import { readDocumentSettings, updateDocumentSettings } from './settings';
import { verifyCode, verifyPdf } from './verify';

/** Handlers of the 文书报告 module: settings, issue and preview, register, void, save, export, verification. */
export function createDocumentsHandlers(): HandlerGroup {
  return {
    'documents:get-settings': (_input, ctx) => readDocumentSettings(ctx.deps),
    'documents:update-settings': (input, ctx) => updateDocumentSettings(ctx, input),
    'documents:list': (input, ctx) => {
      const namer = departmentNamer(ctx.deps, readDocumentSettings(ctx.deps).addressees);
      return listIssued(ctx.deps, input).map((row) => toIssuedDocument(row, namer));
    },
    'documents:list-inspections': (_input, ctx) => {
      const rows = ctx.deps.db
        .select({ id: inspections.id, institutionName: institutions.name, finishedAt: inspections.finishedAt })
        .from(inspections)
        .innerJoin(institutions, eq(institutions.id, inspections.institutionId))
        .where(eq(inspections.status, 'finished'))
        .orderBy(desc(inspections.finishedAt))
        .all();
      const hazardCounts = new Map<string, number>();
      for (const h of ctx.deps.db.select({ source: hazards.sourceInspectionId }).from(hazards).all()) {
        if (h.source) hazardCounts.set(h.source, (hazardCounts.get(h.source) ?? 0) + 1);
      }
      const docs = ctx.deps.db
        .select({
          kind: issuedDocuments.kind,
          number: issuedDocuments.number,
          status: issuedDocuments.status,
          subjects: issuedDocuments.subjectIdsJson,
        })
        .from(issuedDocuments)
        .orderBy(issuedDocuments.createdAt)
        .all();
      return rows.map((r) => ({
        id: r.id,
        institutionName: r.institutionName,
        finishedAt: r.finishedAt ?? '',
        hazardCount: hazardCounts.get(r.id) ?? 0,
        documents: docs
          .filter((d) => (JSON.parse(d.subjects) as string[]).includes(r.id))
          .map(({ kind, number, status }) => ({ kind, number, status })),
      }));
    },
    'documents:preview': async (input, ctx) => {
      const preview = await previewDocument(ctx, input.request);
      const saved = await ctx.deps.saveFile(preview.fileName, preview.pdf);
      return { fileName: preview.fileName, pageCount: preview.pageCount, saved };
    },
    'documents:issue-notice': (input, ctx) =>
      issueDocument(ctx, {
        kind: 'rectification-notice',
        ...(input.inspectionId ? { inspectionId: input.inspectionId } : {}),
        ...(input.hazardIds ? { hazardIds: input.hazardIds } : {}),
      }),
    'documents:issue': (input, ctx) => issueDocument(ctx, input.request),
    'documents:void': (input, ctx) => voidDocument(ctx, input.id, input.reason),
    'documents:save': (input, ctx) => saveDocument(ctx, input.id),
    'documents:export': async (input, ctx) => {
      let rows: IssuedRow[];
      if (input.planId) rows = planNoticeRows(ctx.deps, input.planId);
      else {
        if (!input.from || !input.to) throw new AppError('VALIDATION', '请选择日期范围或检查计划（二选一）');
        if (input.from > input.to) throw new AppError('VALIDATION', '开始日期不能晚于结束日期');
        rows = listIssued(ctx.deps, {
          kind: input.kind,
          from: input.from,
          to: input.to,
          ...(input.includeVoided ? {} : { status: 'issued' as const }),
        });
      }
      const saved: { fileName: string; path: string }[] = [];
      // One file per document, oldest first, each under its own default name.
      for (const row of [...rows].reverse()) {
        const fileName = fileNameOf(ctx.deps, row);
        const result = await ctx.deps.saveFile(fileName, await issuedPdf(ctx.deps, row));
        if (!result) break;
        saved.push({ fileName, path: result.path });
      }
      return { count: rows.length, saved };
    },
    'documents:verify': (input, ctx) =>
      input.pdfBase64
        ? verifyPdf(ctx.deps, Buffer.from(input.pdfBase64, 'base64'))
        : verifyCode(ctx.deps, input.code ?? ''),
  };
}
