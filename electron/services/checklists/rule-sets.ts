import { asc, eq } from 'drizzle-orm';
import { majorHazardCriteria, majorHazardRuleSets } from '../../../db/schema';
import type { Criterion, RuleDepartment, RuleMark, RuleSet, RuleSetFile } from '../../api';
import { ruleSetFileSchema } from '../../api';
import { inTransaction, recordChange, type ChangeRecord } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { AppError, notFound } from '../errors';
import { parseJsonFile } from './json-file';

type RuleSetRow = typeof majorHazardRuleSets.$inferSelect;
type CriterionRow = typeof majorHazardCriteria.$inferSelect;

/** Extra facts about a rule set that are shown but never queried. */
export interface RuleSetMeta {
  sources: string[];
  missing: RuleSet['missing'];
  successor: RuleSet['successor'];
  /** Anything else the source file carried (aspects, general test, basis), kept verbatim. */
  extra?: Record<string, unknown>;
}

/** The data needed to store a new rule set version and its criteria. */
export interface NewRuleSet {
  version: string;
  title: string;
  issuer: string;
  documentType: string | null;
  publishedDate: string | null;
  mark: RuleMark;
  status: 'draft' | 'published';
  basedOnId: string | null;
  totalCriteria: number | null;
  meta: RuleSetMeta;
  criteria: Array<{
    code: string;
    clause: string | null;
    textZh: string;
    glossEn: string | null;
    leadDepartments: RuleDepartment[];
    leadDepartmentsRaw: string | null;
    mark: RuleMark;
    origin: CriterionRow['origin'];
    sourceNote: string | null;
  }>;
}

function toCriterion(row: CriterionRow): Criterion {
  return {
    id: row.id,
    code: row.code,
    clause: row.clause,
    textZh: row.textZh,
    glossEn: row.glossEn,
    leadDepartments: JSON.parse(row.leadDepartmentsJson) as RuleDepartment[],
    leadDepartmentsRaw: row.leadDepartmentsRaw,
    mark: row.mark,
    origin: row.origin,
    sourceNote: row.sourceNote,
  };
}

function currentId(rows: RuleSetRow[]): string | null {
  // The current standard is the most recently published one; drafts never judge anything.
  const published = rows.filter((r) => r.status === 'published' && r.publishedAt);
  published.sort(
    (a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.createdAt.localeCompare(b.createdAt),
  );
  return published.at(-1)?.id ?? null;
}

function toRuleSet(row: RuleSetRow, criteria: CriterionRow[], all: RuleSetRow[]): RuleSet {
  const meta = JSON.parse(row.metaJson) as RuleSetMeta;
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    issuer: row.issuer,
    documentType: row.documentType,
    publishedDate: row.publishedDate,
    mark: row.mark,
    status: row.status,
    basedOnVersion: all.find((r) => r.id === row.basedOnId)?.version ?? null,
    totalCriteria: row.totalCriteria,
    sources: meta.sources,
    missing: meta.missing,
    successor: meta.successor,
    publishedAt: row.publishedAt,
    publishedByName: row.publishedByName,
    isCurrent: currentId(all) === row.id,
    criteria: criteria.map(toCriterion),
  };
}

/** Every rule set version with its criteria, oldest first. */
export function listRuleSets(deps: ServiceDeps): RuleSet[] {
  const sets = deps.db.select().from(majorHazardRuleSets).orderBy(asc(majorHazardRuleSets.createdAt)).all();
  const criteria = deps.db.select().from(majorHazardCriteria).orderBy(asc(majorHazardCriteria.sortOrder)).all();
  return sets.map((s) =>
    toRuleSet(
      s,
      criteria.filter((c) => c.ruleSetId === s.id),
      sets,
    ),
  );
}

/** One rule set or NOT_FOUND. */
export function getRuleSet(deps: ServiceDeps, id: string): RuleSet {
  const found = listRuleSets(deps).find((s) => s.id === id);
  if (!found) throw notFound('判定标准版本');
  return found;
}

/**
 * Stores a rule set version and its criteria inside the caller's transaction, auditing through `record`
 * (the signed-in user, or the system when seeding). `published` is who published it, when it is.
 */
export function insertRuleSet(
  deps: ServiceDeps,
  data: NewRuleSet,
  now: string,
  record: (change: ChangeRecord) => void,
  published: { id: string | null; name: string } | null,
): string {
  const clash = deps.db.select().from(majorHazardRuleSets).where(eq(majorHazardRuleSets.version, data.version)).get();
  if (clash) throw new AppError('CONFLICT', `判定标准版本号“${data.version}”已存在，请换一个版本号`);
  const codes = new Set<string>();
  for (const c of data.criteria) {
    if (codes.has(c.code)) throw new AppError('VALIDATION', `判定情形编号重复：${c.code}`);
    codes.add(c.code);
  }
  const row: RuleSetRow = {
    id: deps.newId(),
    version: data.version,
    title: data.title,
    issuer: data.issuer,
    documentType: data.documentType,
    publishedDate: data.publishedDate,
    mark: data.mark,
    status: data.status,
    basedOnId: data.basedOnId,
    totalCriteria: data.totalCriteria,
    metaJson: JSON.stringify(data.meta),
    publishedAt: data.status === 'published' ? now : null,
    publishedById: data.status === 'published' ? (published?.id ?? null) : null,
    publishedByName: data.status === 'published' ? (published?.name ?? null) : null,
    createdAt: now,
  };
  deps.db.insert(majorHazardRuleSets).values(row).run();
  record({ entity: 'major-hazard-rule-set', entityId: row.id, action: 'create', after: row });
  data.criteria.forEach((c, i) => {
    const crit: CriterionRow = {
      id: deps.newId(),
      ruleSetId: row.id,
      code: c.code,
      clause: c.clause,
      textZh: c.textZh,
      glossEn: c.glossEn,
      leadDepartmentsJson: JSON.stringify(c.leadDepartments),
      leadDepartmentsRaw: c.leadDepartmentsRaw,
      mark: c.mark,
      origin: c.origin,
      sourceNote: c.sourceNote,
      sortOrder: i + 1,
      createdAt: now,
    };
    deps.db.insert(majorHazardCriteria).values(crit).run();
    record({ entity: 'major-hazard-criterion', entityId: crit.id, action: 'create', after: crit });
  });
  return row.id;
}

function requireDraft(ctx: CallContext, id: string): RuleSetRow {
  const row = ctx.deps.db.select().from(majorHazardRuleSets).where(eq(majorHazardRuleSets.id, id)).get();
  if (!row) throw notFound('判定标准版本');
  if (row.status !== 'draft') {
    throw new AppError(
      'CONFLICT',
      `判定标准 ${row.version} 已发布，内容不可再改（以免改变已作出的判定）；请先基于它新建修订草稿`,
    );
  }
  return row;
}

/** Starts a revision draft from a rule set: same criteria, new version label, nothing published changes. */
export function newRuleSetDraft(ctx: CallContext, fromId: string, version: string): RuleSet {
  const from = getRuleSet(ctx.deps, fromId);
  const id = inTransaction(ctx.deps, () => {
    const row = ctx.deps.db.select().from(majorHazardRuleSets).where(eq(majorHazardRuleSets.id, fromId)).get();
    const meta = JSON.parse(row?.metaJson ?? '{}') as RuleSetMeta;
    return insertRuleSet(
      ctx.deps,
      {
        version,
        title: from.title,
        issuer: from.issuer,
        documentType: from.documentType,
        publishedDate: from.publishedDate,
        mark: from.mark,
        status: 'draft',
        basedOnId: from.id,
        totalCriteria: from.totalCriteria,
        meta,
        criteria: from.criteria.map((c) => ({ ...c })),
      },
      ctx.now(),
      (change) => recordChange(ctx, change),
      null,
    );
  });
  return getRuleSet(ctx.deps, id);
}

/** Adds a criterion to a draft rule set, e.g. the 15 criteria of 2023 whose text was not retrieved. */
export function addCriterion(
  ctx: CallContext,
  input: {
    ruleSetId: string;
    clause?: string | null | undefined;
    textZh: string;
    mark: RuleMark;
    sourceNote: string;
    leadDepartments: RuleDepartment[];
  },
): RuleSet {
  inTransaction(ctx.deps, () => {
    requireDraft(ctx, input.ruleSetId);
    const existing = ctx.deps.db
      .select()
      .from(majorHazardCriteria)
      .where(eq(majorHazardCriteria.ruleSetId, input.ruleSetId))
      .all();
    const clause = input.clause?.trim() || null;
    if (clause && existing.some((c) => c.clause === clause)) {
      throw new AppError('CONFLICT', `条款 ${clause} 已有判定情形，请核对后再添加`);
    }
    const maxNo = existing.reduce((m, c) => Math.max(m, Number(/^MH-(\d+)$/.exec(c.code)?.[1] ?? 0)), 0);
    const crit: CriterionRow = {
      id: ctx.deps.newId(),
      ruleSetId: input.ruleSetId,
      code: `MH-${maxNo + 1}`,
      clause,
      textZh: input.textZh,
      glossEn: null,
      leadDepartmentsJson: JSON.stringify(input.leadDepartments),
      leadDepartmentsRaw: null,
      mark: input.mark,
      origin: 'local',
      sourceNote: input.sourceNote,
      sortOrder: existing.reduce((m, c) => Math.max(m, c.sortOrder), 0) + 1,
      createdAt: ctx.now(),
    };
    ctx.deps.db.insert(majorHazardCriteria).values(crit).run();
    recordChange(ctx, { entity: 'major-hazard-criterion', entityId: crit.id, action: 'create', after: crit });
  });
  return getRuleSet(ctx.deps, input.ruleSetId);
}

/** Publishes a draft rule set; from then on it is immutable and becomes the current standard. */
export function publishRuleSet(ctx: CallContext, id: string): RuleSet {
  const actor = ctx.actor();
  inTransaction(ctx.deps, () => {
    const before = requireDraft(ctx, id);
    const patch = {
      status: 'published' as const,
      publishedAt: ctx.now(),
      publishedById: actor.id,
      publishedByName: actor.name,
    };
    ctx.deps.db.update(majorHazardRuleSets).set(patch).where(eq(majorHazardRuleSets.id, id)).run();
    recordChange(ctx, {
      entity: 'major-hazard-rule-set',
      entityId: id,
      action: 'publish',
      before,
      after: { ...before, ...patch },
    });
  });
  return getRuleSet(ctx.deps, id);
}

/** Loads a newer rule set from its JSON file, all or nothing, as a new published version. */
export function importRuleSet(ctx: CallContext, json: string): RuleSet {
  const file: RuleSetFile = parseJsonFile('判定标准文件', json, ruleSetFileSchema);
  const actor = ctx.actor();
  const id = inTransaction(ctx.deps, () =>
    insertRuleSet(
      ctx.deps,
      {
        version: file.version,
        title: file.title,
        issuer: file.issuer,
        documentType: file.documentType,
        publishedDate: file.publishedDate,
        mark: file.mark,
        status: 'published',
        basedOnId: null,
        totalCriteria: file.totalCriteria,
        meta: { sources: file.sources, missing: null, successor: null },
        criteria: file.criteria.map((c) => ({
          ...c,
          leadDepartmentsRaw: null,
          origin: 'import' as const,
        })),
      },
      ctx.now(),
      (change) => recordChange(ctx, { ...change, action: change.action === 'create' ? 'import' : change.action }),
      { id: actor.id, name: actor.name },
    ),
  );
  return getRuleSet(ctx.deps, id);
}

/** A rule set as a file in the import format, so a newer standard can be prepared from an existing one. */
export function exportRuleSet(deps: ServiceDeps, id: string): { fileName: string; json: string } {
  const set = getRuleSet(deps, id);
  const file: RuleSetFile = {
    format: 'careinspect-major-hazard-rule-set',
    formatVersion: 1,
    version: set.version,
    title: set.title,
    issuer: set.issuer,
    documentType: set.documentType,
    publishedDate: set.publishedDate,
    mark: set.mark,
    sources: set.sources,
    totalCriteria: set.totalCriteria,
    criteria: set.criteria.map((c) => ({
      code: c.code,
      clause: c.clause,
      textZh: c.textZh,
      glossEn: c.glossEn,
      leadDepartments: c.leadDepartments,
      mark: c.mark,
      sourceNote: c.sourceNote,
    })),
  };
  return { fileName: `判定标准-${set.version}.json`, json: JSON.stringify(file, null, 2) };
}
