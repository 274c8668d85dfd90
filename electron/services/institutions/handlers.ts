import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { institutions, towns } from '../../../db/schema';
import { inTransaction, recordChange } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { AppError } from '../errors';
import type { HandlerGroup } from '../registry';
import { buildExport, buildTemplate, readImportFile, type RawSheet } from './excel';
import { assertSomethingValid, planImport, toPreview, writePlan } from './import';
import { checkFields, fieldsOf, getInstitution, getInstitutions, sameFields, type InstitutionRow } from './records';
import { findReferences } from './references';
import { computeRisk, UNKNOWN_RISK_INPUTS } from './risk';
import { loadRiskInputs } from './risk-inputs';
import { findAll, listPage } from './search';
import { validateUscc } from './uscc';

/** Refuses to touch an archived institution's facts: it must be restored first, so history stays readable. */
function requireActive(row: { archivedAt: string | null; name: string }): void {
  if (row.archivedAt) throw new AppError('CONFLICT', `机构“${row.name}”已归档，请先恢复后再修改`);
}

function referenceSummary(refs: ReturnType<typeof findReferences>): string {
  return refs.map((r) => `${r.label} ${r.count} 条`).join('、');
}

function exportFileName(ctx: CallContext, filtered: boolean): string {
  const day = ctx.now().slice(0, 10).replace(/-/g, '');
  return `机构档案${filtered ? '（筛选）' : ''}_${day}.xlsx`;
}

/**
 * The last file read, by content hash: the commit that follows a preview sends the same bytes, and parsing
 * is most of an import's cost. Keyed by content, so a changed file is always read again; the plan itself is
 * always recomputed against the current data.
 */
const lastRead = new WeakMap<ServiceDeps, { digest: string; sheet: RawSheet }>();

async function readSheet(deps: ServiceDeps, input: { fileName: string; base64: string }): Promise<RawSheet> {
  const digest = createHash('sha256').update(input.base64).digest('hex');
  const cached = lastRead.get(deps);
  if (cached?.digest === digest) return cached.sheet;
  const sheet = await readImportFile(input.base64, input.fileName);
  lastRead.set(deps, { digest, sheet });
  return sheet;
}

/** Handlers of the 机构档案 module. */
export function createInstitutionHandlers(): HandlerGroup {
  return {
    'institutions:list': (input, ctx) => listPage(ctx.deps, input),

    'institutions:get': (input, ctx) => {
      const institution = getInstitution(ctx.deps, input.id);
      const inputs = loadRiskInputs(ctx.deps, [input.id]).get(input.id) ?? UNKNOWN_RISK_INPUTS;
      return { institution, risk: computeRisk(inputs), references: findReferences(ctx.deps.sqlite, input.id) };
    },

    'institutions:check-code': (input, ctx) => {
      const result = validateUscc(input.code);
      const holder = result.ok
        ? (ctx.deps.sqlite
            .prepare('SELECT id, name FROM institutions WHERE uscc = ? AND id <> ?')
            .get(result.code, input.excludeId ?? '') as { id: string; name: string } | undefined)
        : undefined;
      return {
        valid: result.ok,
        normalized: result.code,
        message: result.ok ? (holder ? `该代码已被“${holder.name}”使用` : null) : result.message,
        usedBy: holder ?? null,
      };
    },

    'institutions:create': (input, ctx) =>
      inTransaction(ctx.deps, () => {
        const { fields } = checkFields(ctx.deps, input, null);
        const now = ctx.now();
        const row: InstitutionRow = {
          id: ctx.deps.newId(),
          ...fields,
          archivedAt: null,
          createdAt: now,
          updatedAt: now,
        };
        ctx.deps.db.insert(institutions).values(row).run();
        const created = getInstitution(ctx.deps, row.id);
        recordChange(ctx, { entity: 'institution', entityId: row.id, action: 'create', after: created });
        return created;
      }),

    'institutions:update': (input, ctx) =>
      inTransaction(ctx.deps, () => {
        const before = getInstitution(ctx.deps, input.id);
        requireActive(before);
        const { fields } = checkFields(ctx.deps, input.fields, input.id);
        if (sameFields(fieldsOf(before), fields)) return before;
        ctx.deps.db
          .update(institutions)
          .set({ ...fields, updatedAt: ctx.now() })
          .where(eq(institutions.id, input.id))
          .run();
        const after = getInstitution(ctx.deps, input.id);
        recordChange(ctx, { entity: 'institution', entityId: input.id, action: 'update', before, after });
        return after;
      }),

    'institutions:archive': (input, ctx) =>
      inTransaction(ctx.deps, () => {
        const before = getInstitution(ctx.deps, input.id);
        if (Boolean(before.archivedAt) === input.archived) return before;
        ctx.deps.db
          .update(institutions)
          .set({ archivedAt: input.archived ? ctx.now() : null, updatedAt: ctx.now() })
          .where(eq(institutions.id, input.id))
          .run();
        const after = getInstitution(ctx.deps, input.id);
        recordChange(ctx, {
          entity: 'institution',
          entityId: input.id,
          action: input.archived ? 'archive' : 'restore',
          before,
          after,
          reason: input.reason ?? null,
        });
        return after;
      }),

    'institutions:delete': (input, ctx) =>
      inTransaction(ctx.deps, () => {
        const before = getInstitution(ctx.deps, input.id);
        const refs = findReferences(ctx.deps.sqlite, input.id);
        if (refs.length) {
          throw new AppError(
            'CONFLICT',
            `机构“${before.name}”已有${referenceSummary(refs)}，不能删除，只能归档（归档后仍可查阅历史记录）`,
          );
        }
        ctx.deps.db.delete(institutions).where(eq(institutions.id, input.id)).run();
        recordChange(ctx, {
          entity: 'institution',
          entityId: input.id,
          action: 'delete',
          before,
          reason: input.reason ?? null,
        });
        return { deleted: true };
      }),

    'institutions:template': async (_input, ctx) => {
      const names = ctx.deps.db
        .select({ name: towns.name })
        .from(towns)
        .where(eq(towns.isActive, true))
        .orderBy(asc(towns.sortOrder))
        .all()
        .map((t) => t.name);
      return buildTemplate(names);
    },

    'institutions:export': async (input, ctx) => {
      const rows = getInstitutions(
        ctx.deps,
        findAll(ctx.deps, input).map((r) => r.id),
      );
      const filtered = Boolean(
        input.query ||
        input.townIds?.length ||
        input.types?.length ||
        input.statuses?.length ||
        input.riskLevels?.length,
      );
      const file = await buildExport(rows, exportFileName(ctx, filtered));
      return { ...file, count: rows.length };
    },

    'institutions:import-preview': async (input, ctx) => {
      const sheet = await readSheet(ctx.deps, input);
      return toPreview(planImport(ctx.deps, sheet), input.fileName, sheet.warnings);
    },

    'institutions:import-commit': async (input, ctx) => {
      // Parsing is asynchronous (exceljs), so it happens before the transaction; the plan is recomputed inside
      // it against the current data, then every valid row is written or, on any failure, none.
      const sheet = await readSheet(ctx.deps, input);
      lastRead.delete(ctx.deps); // free the memory: a file is committed once
      const actor = ctx.actor();
      return inTransaction(ctx.deps, () => {
        const plan = planImport(ctx.deps, sheet);
        assertSomethingValid(plan);
        return writePlan(ctx.deps, plan, actor, ctx.now(), `Excel 导入：${input.fileName}`);
      });
    },
  };
}
