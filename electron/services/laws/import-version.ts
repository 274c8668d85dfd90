import type { LawImportPreview, LawSummary, LawVersionSummary } from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { AppError } from '../errors';
import { lawFileForSource } from './citations';
import {
  compareVersions,
  contentHash,
  insertVersion,
  lawCode,
  listLaws,
  versionAuditImage,
  type NewVersion,
} from './law-store';
import { LawParseError, parseLaw, type ParsedLaw } from './parse-law';

/** What an administrator uploads: the file's name and its text. */
export interface ImportInput {
  fileName: string;
  markdown: string;
  lawId?: string | undefined;
}

function normaliseTitle(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[《》]/g, '')
    .replace(/^中华人民共和国/, '');
}

interface CheckedImport {
  parsed: ParsedLaw;
  law: LawSummary;
  hash: string;
  becomesCurrent: boolean;
}

/**
 * Parses the upload and decides which law it belongs to. Throws AppError VALIDATION with the parser's precise
 * Chinese message (file and line), or when the title does not match, or CONFLICT when the same text is stored.
 */
function checkImport(deps: ServiceDeps, input: ImportInput, now: string): CheckedImport {
  let parsed: ParsedLaw;
  try {
    parsed = parseLaw(input.markdown, input.fileName);
  } catch (error) {
    if (error instanceof LawParseError) throw new AppError('VALIDATION', error.message);
    throw error;
  }
  const laws = listLaws(deps);
  const title = normaliseTitle(parsed.title);
  let law: LawSummary | undefined;
  if (input.lawId !== undefined) {
    law = laws.find((l) => l.id === input.lawId);
    if (!law) throw new AppError('NOT_FOUND', '所选法规不存在，未作任何修改');
    if (normaliseTitle(law.title) !== title) {
      throw new AppError(
        'VALIDATION',
        `文件标题《${parsed.title}》与所选法规《${law.title}》不一致，未作任何修改。请确认选择了正确的法规或文件`,
      );
    }
  } else {
    const aliasFile = lawFileForSource(parsed.title);
    law =
      laws.find((l) => normaliseTitle(l.title) === title) ??
      (aliasFile === null ? undefined : laws.find((l) => l.code === lawCode(aliasFile)));
    if (!law) {
      throw new AppError(
        'VALIDATION',
        `法规库中没有标题为《${parsed.title}》的法规，未作任何修改。只能导入已收录法规的新版本`,
      );
    }
  }
  const hash = contentHash(input.markdown);
  const same = law.versions.find((v) => v.contentHash === hash);
  if (same) {
    throw new AppError('CONFLICT', `该文本与《${law.title}》已有版本（${same.label}）完全相同，未作任何修改`);
  }
  const current = law.versions.find((v) => v.isCurrent);
  const becomesCurrent =
    current === undefined ||
    compareVersions(
      { version_date: parsed.versionDate, imported_at: now, id: '\uffff' },
      { version_date: current.versionDate, imported_at: current.importedAt, id: current.id },
    ) < 0;
  return { parsed, law, hash, becomesCurrent };
}

/** What importing this text would do, or the precise reason it cannot be imported; never writes. */
export function previewImport(ctx: CallContext, input: ImportInput): LawImportPreview {
  try {
    const { parsed, law, becomesCurrent } = checkImport(ctx.deps, input, ctx.now());
    const perChapter = new Map<string, number>();
    for (const a of parsed.articles) {
      const key = a.chapter?.label ?? '';
      perChapter.set(key, (perChapter.get(key) ?? 0) + 1);
    }
    return {
      valid: true,
      title: parsed.title,
      lawId: law.id,
      lawTitle: law.title,
      versionDate: parsed.versionDate,
      articleCount: parsed.articles.length,
      lastArticleLabel: parsed.articles[parsed.articles.length - 1]?.label ?? '',
      chapters: parsed.chapters.map((c) => ({
        label: c.label,
        title: c.title,
        articleCount: perChapter.get(c.label) ?? 0,
      })),
      becomesCurrent,
      currentVersionLabel: law.versions.find((v) => v.isCurrent)?.label ?? '',
    };
  } catch (error) {
    if (error instanceof AppError) {
      const line = /第 (\d+) 行/.exec(error.message);
      return { valid: false, message: error.message, line: line ? Number(line[1]) : null };
    }
    throw error;
  }
}

/**
 * Stores an administrator's newer text of a law as a new version next to the old ones (audited). The text is
 * parsed and checked before anything is written; any error leaves the database unchanged.
 */
export function importVersion(ctx: CallContext, input: ImportInput): LawVersionSummary {
  const actor = ctx.actor();
  const now = ctx.now();
  const { parsed, law, hash } = checkImport(ctx.deps, input, now);
  const versionId = inTransaction(ctx.deps, () => {
    const v: NewVersion = {
      lawId: law.id,
      parsed,
      markdown: input.markdown,
      hash,
      source: 'imported',
      importedBy: actor.id,
      importedByName: actor.name,
      importedAt: now,
    };
    const id = insertVersion(ctx.deps, v);
    recordChange(
      ctx,
      { entity: 'law_version', entityId: id, action: 'import', after: versionAuditImage(law.id, id, v) },
      actor,
    );
    return id;
  });
  const stored = listLaws(ctx.deps)
    .find((l) => l.id === law.id)
    ?.versions.find((v) => v.id === versionId);
  if (!stored) throw new AppError('INTERNAL', '导入后未能读回该版本');
  return stored;
}
