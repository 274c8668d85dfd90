import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  checklistSections,
  checklistTemplateItems,
  checklistTemplates,
  checklistTemplateVersions,
  ruleItems,
} from '../../../db/schema';
import type {
  AnswerExtra,
  InstitutionFeature,
  SnapshotItem,
  SnapshotSection,
  TemplateKind,
  TemplateSnapshot,
  TemplateSummary,
  TemplateVersionDetail,
  TemplateVersionSummary,
} from '../../api';
import { templateSnapshotSchema } from '../../api';
import { inTransaction, recordChange, type ChangeRecord } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { AppError, notFound } from '../errors';
import { toRuleItem } from './rule-items';

type TemplateRow = typeof checklistTemplates.$inferSelect;
type VersionRow = typeof checklistTemplateVersions.$inferSelect;
type SectionRow = typeof checklistSections.$inferSelect;
type ItemRow = typeof checklistTemplateItems.$inferSelect;

/** Who writes and how it is audited: the signed-in user through a call, or the system when seeding. */
export interface Writer {
  deps: ServiceDeps;
  now: string;
  actor: { id: string | null; name: string };
  record: (change: ChangeRecord) => void;
}

/** The writer of a call made by the signed-in user. */
export function userWriter(ctx: CallContext): Writer {
  const actor = ctx.actor();
  return { deps: ctx.deps, now: ctx.now(), actor, record: (change) => recordChange(ctx, change, actor) };
}

/** Per-item settings as stored in a draft. */
export interface ItemSettings {
  answerExtra: AnswerExtra;
  measurementUnit: string | null;
  measurementLabel: string | null;
  photoRequiredOnFail: boolean;
  hint: string | null;
  required: boolean;
}

// ---------- reading ----------

function templateRow(deps: ServiceDeps, id: string): TemplateRow {
  const row = deps.db.select().from(checklistTemplates).where(eq(checklistTemplates.id, id)).get();
  if (!row) throw notFound('检查表模板');
  return row;
}

function versionRow(deps: ServiceDeps, id: string): VersionRow {
  const row = deps.db.select().from(checklistTemplateVersions).where(eq(checklistTemplateVersions.id, id)).get();
  if (!row) throw notFound('模板版本');
  return row;
}

function sectionRows(deps: ServiceDeps, versionId: string): SectionRow[] {
  return deps.db
    .select()
    .from(checklistSections)
    .where(eq(checklistSections.versionId, versionId))
    .orderBy(asc(checklistSections.sortOrder))
    .all();
}

function itemRows(deps: ServiceDeps, sectionIds: string[]): ItemRow[] {
  if (sectionIds.length === 0) return [];
  return deps.db
    .select()
    .from(checklistTemplateItems)
    .where(inArray(checklistTemplateItems.sectionId, sectionIds))
    .orderBy(asc(checklistTemplateItems.sortOrder))
    .all();
}

/** Builds the content of a version from its live rows: what publishing freezes, and what a draft shows. */
function buildSnapshot(deps: ServiceDeps, template: TemplateRow, version: VersionRow): TemplateSnapshot {
  const sections = sectionRows(deps, version.id);
  const items = itemRows(
    deps,
    sections.map((s) => s.id),
  );
  const ruleIds = [...new Set(items.map((i) => i.ruleItemId))];
  const rules = new Map(
    (ruleIds.length ? deps.db.select().from(ruleItems).where(inArray(ruleItems.id, ruleIds)).all() : []).map((r) => [
      r.id,
      toRuleItem(r),
    ]),
  );
  const snapshotSections: SnapshotSection[] = sections.map((s) => ({
    key: s.id,
    title: s.title,
    appliesWhen: JSON.parse(s.appliesWhenJson) as InstitutionFeature[],
    items: items
      .filter((i) => i.sectionId === s.id)
      .map((i): SnapshotItem => {
        const rule = rules.get(i.ruleItemId);
        if (!rule) throw new Error(`Rule item ${i.ruleItemId} of template item ${i.id} is missing`);
        return {
          key: i.id,
          ruleItemId: rule.id,
          code: rule.code,
          source: rule.source,
          category: rule.category,
          textZh: rule.textZh,
          glossEn: rule.glossEn,
          legalBasis: rule.legalBasis,
          marks: rule.marks,
          weakestMark: rule.weakestMark,
          majorHazard: { flag: rule.majorHazard.flag, clause: rule.majorHazard.clause, raw: rule.majorHazard.raw },
          departments: rule.departments,
          deadlineClass: rule.deadlineClass,
          priorities2025: rule.priorities2025,
          answer: { extra: i.answerExtra, unit: i.measurementUnit, label: i.measurementLabel },
          photoRequiredOnFail: i.photoRequiredOnFail,
          hint: i.hint ?? rule.hintZh,
          hintIsCustom: i.hint !== null,
          required: i.required,
        };
      }),
  }));
  return {
    snapshotFormat: 1,
    templateId: template.id,
    versionId: version.id,
    name: template.name,
    kind: template.kind,
    isReinspection: template.isReinspection,
    version: version.version,
    publishedAt: version.publishedAt,
    publishedByName: version.publishedByName,
    sections: snapshotSections,
  };
}

/** The content of a version: the frozen snapshot once published (never rebuilt), the live draft otherwise. */
export function versionSnapshot(deps: ServiceDeps, version: VersionRow, template?: TemplateRow): TemplateSnapshot {
  if (version.status === 'published') {
    if (!version.snapshotJson) throw new Error(`Published version ${version.id} has no snapshot`);
    return templateSnapshotSchema.parse(JSON.parse(version.snapshotJson));
  }
  return buildSnapshot(deps, template ?? templateRow(deps, version.templateId), version);
}

function summarise(version: VersionRow, snapshot: TemplateSnapshot, all: VersionRow[]): TemplateVersionSummary {
  return {
    id: version.id,
    version: version.version,
    status: version.status,
    basedOnVersion: all.find((v) => v.id === version.basedOnVersionId)?.version ?? null,
    publishedAt: version.publishedAt,
    publishedByName: version.publishedByName,
    sectionCount: snapshot.sections.length,
    itemCount: snapshot.sections.reduce((n, s) => n + s.items.length, 0),
    updatedAt: version.updatedAt,
  };
}

/** A version with its content. */
export function versionDetail(deps: ServiceDeps, versionId: string): TemplateVersionDetail {
  const version = versionRow(deps, versionId);
  const all = deps.db
    .select()
    .from(checklistTemplateVersions)
    .where(eq(checklistTemplateVersions.templateId, version.templateId))
    .all();
  const snapshot = versionSnapshot(deps, version);
  return { summary: summarise(version, snapshot, all), snapshot };
}

function templateSummary(deps: ServiceDeps, template: TemplateRow, versions: VersionRow[]): TemplateSummary {
  const own = versions.filter((v) => v.templateId === template.id).sort((a, b) => b.version - a.version);
  return {
    id: template.id,
    name: template.name,
    kind: template.kind,
    isReinspection: template.isReinspection,
    createdAt: template.createdAt,
    updatedAt: template.updatedAt,
    versions: own.map((v) => summarise(v, versionSnapshot(deps, v, template), own)),
  };
}

/** Every template with its versions. */
export function listTemplates(deps: ServiceDeps): TemplateSummary[] {
  const templates = deps.db.select().from(checklistTemplates).orderBy(asc(checklistTemplates.createdAt)).all();
  const versions = deps.db.select().from(checklistTemplateVersions).all();
  return templates.map((t) => templateSummary(deps, t, versions));
}

/** One template's summary. */
export function getTemplateSummary(deps: ServiceDeps, id: string): TemplateSummary {
  const versions = deps.db
    .select()
    .from(checklistTemplateVersions)
    .where(eq(checklistTemplateVersions.templateId, id))
    .all();
  return templateSummary(deps, templateRow(deps, id), versions);
}

// ---------- writing (inside the caller's transaction) ----------

/** Creates a template identity with an empty draft version 1; returns both ids. */
export function insertTemplate(
  w: Writer,
  input: { name: string; kind: TemplateKind; isReinspection?: boolean },
): { templateId: string; versionId: string } {
  const template: TemplateRow = {
    id: w.deps.newId(),
    name: input.name,
    kind: input.kind,
    isReinspection: input.isReinspection ?? input.kind === '复查',
    createdAt: w.now,
    updatedAt: w.now,
  };
  w.deps.db.insert(checklistTemplates).values(template).run();
  w.record({ entity: 'checklist-template', entityId: template.id, action: 'create', after: template });
  const versionId = insertVersion(w, template.id, 1, null);
  return { templateId: template.id, versionId };
}

function insertVersion(w: Writer, templateId: string, version: number, basedOnVersionId: string | null): string {
  const row: VersionRow = {
    id: w.deps.newId(),
    templateId,
    version,
    status: 'draft',
    basedOnVersionId,
    snapshotJson: null,
    publishedAt: null,
    publishedById: null,
    publishedByName: null,
    createdAt: w.now,
    updatedAt: w.now,
  };
  w.deps.db.insert(checklistTemplateVersions).values(row).run();
  w.record({ entity: 'checklist-template-version', entityId: row.id, action: 'create', after: row });
  return row.id;
}

function requireDraft(deps: ServiceDeps, versionId: string): VersionRow {
  const version = versionRow(deps, versionId);
  if (version.status !== 'draft') {
    throw new AppError(
      'CONFLICT',
      `第 ${version.version} 版已发布，内容已冻结，不能修改；请“基于此版本新建草稿”后再编辑`,
    );
  }
  return version;
}

function touch(w: Writer, versionId: string): void {
  w.deps.db
    .update(checklistTemplateVersions)
    .set({ updatedAt: w.now })
    .where(eq(checklistTemplateVersions.id, versionId))
    .run();
}

/** Adds a section at the end of a draft. */
export function insertSection(w: Writer, versionId: string, title: string, appliesWhen: InstitutionFeature[]): string {
  requireDraft(w.deps, versionId);
  const existing = sectionRows(w.deps, versionId);
  const row: SectionRow = {
    id: w.deps.newId(),
    versionId,
    title,
    sortOrder: existing.reduce((m, s) => Math.max(m, s.sortOrder), 0) + 1,
    appliesWhenJson: JSON.stringify([...new Set(appliesWhen)]),
  };
  w.deps.db.insert(checklistSections).values(row).run();
  w.record({ entity: 'checklist-section', entityId: row.id, action: 'create', after: row });
  touch(w, versionId);
  return row.id;
}

function sectionOfDraft(deps: ServiceDeps, sectionId: string): SectionRow {
  const section = deps.db.select().from(checklistSections).where(eq(checklistSections.id, sectionId)).get();
  if (!section) throw notFound('分组');
  requireDraft(deps, section.versionId);
  return section;
}

/** Default settings of a rule when it is added to a template: taken from the library's derived fields. */
export function defaultSettings(rule: ReturnType<typeof toRuleItem>): ItemSettings {
  return {
    answerExtra: rule.measurement ? 'measurement' : 'none',
    measurementUnit: rule.measurement?.unit ?? null,
    measurementLabel: rule.measurement?.label ?? null,
    photoRequiredOnFail: rule.photoRequiredOnFail,
    hint: null,
    required: true,
  };
}

/** Appends rule items to a draft section; a rule already in this version is refused so no item is asked twice. */
export function insertItems(
  w: Writer,
  sectionId: string,
  entries: Array<{ ruleItemId: string; settings?: ItemSettings }>,
): void {
  const section = sectionOfDraft(w.deps, sectionId);
  const sectionIds = sectionRows(w.deps, section.versionId).map((s) => s.id);
  const present = new Set(itemRows(w.deps, sectionIds).map((i) => i.ruleItemId));
  let order = itemRows(w.deps, [sectionId]).reduce((m, i) => Math.max(m, i.sortOrder), 0);
  for (const entry of entries) {
    const ruleRow = w.deps.db.select().from(ruleItems).where(eq(ruleItems.id, entry.ruleItemId)).get();
    if (!ruleRow) throw notFound('检查项');
    if (present.has(ruleRow.id)) {
      throw new AppError('CONFLICT', `检查项 ${ruleRow.code} 已在本版本模板中，同一项不能重复添加`);
    }
    present.add(ruleRow.id);
    order += 1;
    const row: ItemRow = {
      id: w.deps.newId(),
      sectionId,
      ruleItemId: ruleRow.id,
      sortOrder: order,
      ...(entry.settings ?? defaultSettings(toRuleItem(ruleRow))),
    };
    w.deps.db.insert(checklistTemplateItems).values(row).run();
    w.record({ entity: 'checklist-template-item', entityId: row.id, action: 'create', after: row });
  }
  touch(w, section.versionId);
}

/** Freezes a draft: checks it is complete, stores its snapshot and marks it published. */
export function publishVersion(w: Writer, versionId: string): void {
  const version = requireDraft(w.deps, versionId);
  const template = templateRow(w.deps, version.templateId);
  const draft = buildSnapshot(w.deps, template, version);
  if (draft.sections.length === 0) throw new AppError('VALIDATION', '模板没有任何分组，不能发布');
  if (!template.isReinspection) {
    const empty = draft.sections.find((s) => s.items.length === 0);
    if (empty) throw new AppError('VALIDATION', `分组“${empty.title}”没有检查项，请添加检查项或删除该分组后再发布`);
  }
  const patch = {
    status: 'published' as const,
    publishedAt: w.now,
    publishedById: w.actor.id,
    publishedByName: w.actor.name,
    updatedAt: w.now,
  };
  const snapshot: TemplateSnapshot = {
    ...draft,
    publishedAt: patch.publishedAt,
    publishedByName: patch.publishedByName,
  };
  const snapshotJson = JSON.stringify(snapshot);
  w.deps.db
    .update(checklistTemplateVersions)
    .set({ ...patch, snapshotJson })
    .where(eq(checklistTemplateVersions.id, versionId))
    .run();
  w.record({
    entity: 'checklist-template-version',
    entityId: versionId,
    action: 'publish',
    before: { status: 'draft' },
    after: { ...patch, snapshot },
  });
}

// ---------- calls ----------

/** Creates a template with an empty draft (one section to start from). */
export function createTemplate(ctx: CallContext, input: { name: string; kind: TemplateKind }): TemplateSummary {
  const ids = inTransaction(ctx.deps, () => {
    const w = userWriter(ctx);
    const created = insertTemplate(w, input);
    insertSection(w, created.versionId, input.kind === '复查' ? '复查项目（检查时按未整改隐患生成）' : '检查项目', []);
    return created;
  });
  return getTemplateSummary(ctx.deps, ids.templateId);
}

/** Renames a template; published versions keep the name they were published with. */
export function renameTemplate(ctx: CallContext, id: string, name: string): TemplateSummary {
  inTransaction(ctx.deps, () => {
    const before = templateRow(ctx.deps, id);
    ctx.deps.db
      .update(checklistTemplates)
      .set({ name, updatedAt: ctx.now() })
      .where(eq(checklistTemplates.id, id))
      .run();
    recordChange(ctx, {
      entity: 'checklist-template',
      entityId: id,
      action: 'update',
      before,
      after: { ...before, name },
    });
  });
  return getTemplateSummary(ctx.deps, id);
}

/** Adds a section to a draft. */
export function addSection(
  ctx: CallContext,
  input: { versionId: string; title: string; appliesWhen: InstitutionFeature[] },
): TemplateVersionDetail {
  inTransaction(ctx.deps, () => insertSection(userWriter(ctx), input.versionId, input.title, input.appliesWhen));
  return versionDetail(ctx.deps, input.versionId);
}

/** Renames a section or changes the institution features that switch it on. */
export function updateSection(
  ctx: CallContext,
  input: { sectionId: string; title?: string | undefined; appliesWhen?: InstitutionFeature[] | undefined },
): TemplateVersionDetail {
  const versionId = inTransaction(ctx.deps, () => {
    const before = sectionOfDraft(ctx.deps, input.sectionId);
    const patch = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.appliesWhen !== undefined ? { appliesWhenJson: JSON.stringify([...new Set(input.appliesWhen)]) } : {}),
    };
    if (Object.keys(patch).length > 0) {
      ctx.deps.db.update(checklistSections).set(patch).where(eq(checklistSections.id, before.id)).run();
    }
    recordChange(ctx, {
      entity: 'checklist-section',
      entityId: before.id,
      action: 'update',
      before,
      after: { ...before, ...patch },
    });
    touch(userWriter(ctx), before.versionId);
    return before.versionId;
  });
  return versionDetail(ctx.deps, versionId);
}

/** Removes a section and its items from a draft. */
export function removeSection(ctx: CallContext, sectionId: string): TemplateVersionDetail {
  const versionId = inTransaction(ctx.deps, () => {
    const section = sectionOfDraft(ctx.deps, sectionId);
    const items = itemRows(ctx.deps, [sectionId]);
    for (const item of items) {
      ctx.deps.db.delete(checklistTemplateItems).where(eq(checklistTemplateItems.id, item.id)).run();
      recordChange(ctx, { entity: 'checklist-template-item', entityId: item.id, action: 'delete', before: item });
    }
    ctx.deps.db.delete(checklistSections).where(eq(checklistSections.id, sectionId)).run();
    recordChange(ctx, { entity: 'checklist-section', entityId: sectionId, action: 'delete', before: section });
    touch(userWriter(ctx), section.versionId);
    return section.versionId;
  });
  return versionDetail(ctx.deps, versionId);
}

function swapOrder<T extends { id: string; sortOrder: number }>(
  list: T[],
  id: string,
  direction: 'up' | 'down',
): [T, T] | null {
  const index = list.findIndex((x) => x.id === id);
  const other = list[direction === 'up' ? index - 1 : index + 1];
  const self = list[index];
  return self && other ? [self, other] : null;
}

/** Moves a section one place up or down. */
export function moveSection(ctx: CallContext, sectionId: string, direction: 'up' | 'down'): TemplateVersionDetail {
  const versionId = inTransaction(ctx.deps, () => {
    const section = sectionOfDraft(ctx.deps, sectionId);
    const pair = swapOrder(sectionRows(ctx.deps, section.versionId), sectionId, direction);
    if (pair) {
      const [a, b] = pair;
      ctx.deps.db.update(checklistSections).set({ sortOrder: b.sortOrder }).where(eq(checklistSections.id, a.id)).run();
      ctx.deps.db.update(checklistSections).set({ sortOrder: a.sortOrder }).where(eq(checklistSections.id, b.id)).run();
      recordChange(ctx, {
        entity: 'checklist-section',
        entityId: sectionId,
        action: 'move',
        before: { sortOrder: a.sortOrder },
        after: { sortOrder: b.sortOrder },
      });
      touch(userWriter(ctx), section.versionId);
    }
    return section.versionId;
  });
  return versionDetail(ctx.deps, versionId);
}

/** Adds library rules to a draft section with their default settings. */
export function addItems(ctx: CallContext, sectionId: string, ruleItemIds: string[]): TemplateVersionDetail {
  const versionId = inTransaction(ctx.deps, () => {
    insertItems(
      userWriter(ctx),
      sectionId,
      [...new Set(ruleItemIds)].map((ruleItemId) => ({ ruleItemId })),
    );
    return sectionOfDraft(ctx.deps, sectionId).versionId;
  });
  return versionDetail(ctx.deps, versionId);
}

function itemOfDraft(deps: ServiceDeps, itemId: string): { item: ItemRow; section: SectionRow } {
  const item = deps.db.select().from(checklistTemplateItems).where(eq(checklistTemplateItems.id, itemId)).get();
  if (!item) throw notFound('模板检查项');
  return { item, section: sectionOfDraft(deps, item.sectionId) };
}

/** Changes an item's answer type, photo rule, hint or whether it must be answered. */
export function updateItem(
  ctx: CallContext,
  input: { itemId: string } & { [K in keyof ItemSettings]?: ItemSettings[K] | undefined },
): TemplateVersionDetail {
  const versionId = inTransaction(ctx.deps, () => {
    const { item, section } = itemOfDraft(ctx.deps, input.itemId);
    const next: ItemSettings = {
      answerExtra: input.answerExtra ?? item.answerExtra,
      measurementUnit: input.measurementUnit !== undefined ? input.measurementUnit || null : item.measurementUnit,
      measurementLabel: input.measurementLabel !== undefined ? input.measurementLabel || null : item.measurementLabel,
      photoRequiredOnFail: input.photoRequiredOnFail ?? item.photoRequiredOnFail,
      hint: input.hint !== undefined ? input.hint || null : item.hint,
      required: input.required ?? item.required,
    };
    if (next.answerExtra === 'measurement' && !next.measurementUnit) {
      throw new AppError('VALIDATION', '选择“测量值”作答时必须填写计量单位（如 MPa）', [
        { path: 'measurementUnit', message: '请填写计量单位' },
      ]);
    }
    if (next.answerExtra !== 'measurement') {
      next.measurementUnit = null;
      next.measurementLabel = null;
    }
    ctx.deps.db.update(checklistTemplateItems).set(next).where(eq(checklistTemplateItems.id, item.id)).run();
    recordChange(ctx, {
      entity: 'checklist-template-item',
      entityId: item.id,
      action: 'update',
      before: item,
      after: { ...item, ...next },
    });
    touch(userWriter(ctx), section.versionId);
    return section.versionId;
  });
  return versionDetail(ctx.deps, versionId);
}

/** Removes an item from a draft. */
export function removeItem(ctx: CallContext, itemId: string): TemplateVersionDetail {
  const versionId = inTransaction(ctx.deps, () => {
    const { item, section } = itemOfDraft(ctx.deps, itemId);
    ctx.deps.db.delete(checklistTemplateItems).where(eq(checklistTemplateItems.id, itemId)).run();
    recordChange(ctx, { entity: 'checklist-template-item', entityId: itemId, action: 'delete', before: item });
    touch(userWriter(ctx), section.versionId);
    return section.versionId;
  });
  return versionDetail(ctx.deps, versionId);
}

/** Moves an item one place up or down within its section. */
export function moveItem(ctx: CallContext, itemId: string, direction: 'up' | 'down'): TemplateVersionDetail {
  const versionId = inTransaction(ctx.deps, () => {
    const { item, section } = itemOfDraft(ctx.deps, itemId);
    const pair = swapOrder(itemRows(ctx.deps, [section.id]), itemId, direction);
    if (pair) {
      const [a, b] = pair;
      ctx.deps.db
        .update(checklistTemplateItems)
        .set({ sortOrder: b.sortOrder })
        .where(eq(checklistTemplateItems.id, a.id))
        .run();
      ctx.deps.db
        .update(checklistTemplateItems)
        .set({ sortOrder: a.sortOrder })
        .where(eq(checklistTemplateItems.id, b.id))
        .run();
      recordChange(ctx, {
        entity: 'checklist-template-item',
        entityId: item.id,
        action: 'move',
        before: { sortOrder: a.sortOrder },
        after: { sortOrder: b.sortOrder },
      });
      touch(userWriter(ctx), section.versionId);
    }
    return section.versionId;
  });
  return versionDetail(ctx.deps, versionId);
}

/** Publishes a draft version. */
export function publishTemplate(ctx: CallContext, versionId: string): TemplateVersionDetail {
  inTransaction(ctx.deps, () => publishVersion(userWriter(ctx), versionId));
  return versionDetail(ctx.deps, versionId);
}

/** Starts the next draft of a template from one of its published versions (its snapshot is copied, not shared). */
export function newDraft(ctx: CallContext, fromVersionId: string): TemplateVersionDetail {
  const versionId = inTransaction(ctx.deps, () => {
    const w = userWriter(ctx);
    const from = versionRow(ctx.deps, fromVersionId);
    if (from.status !== 'published') throw new AppError('CONFLICT', `第 ${from.version} 版还是草稿，可以直接编辑`);
    const versions = ctx.deps.db
      .select()
      .from(checklistTemplateVersions)
      .where(eq(checklistTemplateVersions.templateId, from.templateId))
      .all();
    const draft = versions.find((v) => v.status === 'draft');
    if (draft) throw new AppError('CONFLICT', `该模板已有未发布的草稿（第 ${draft.version} 版），请先发布或放弃它`);
    const snapshot = versionSnapshot(ctx.deps, from);
    const id = insertVersion(w, from.templateId, Math.max(...versions.map((v) => v.version)) + 1, from.id);
    for (const section of snapshot.sections) {
      const sectionId = insertSection(w, id, section.title, section.appliesWhen);
      insertItems(
        w,
        sectionId,
        section.items.map((item) => ({
          ruleItemId: item.ruleItemId,
          settings: {
            answerExtra: item.answer.extra,
            measurementUnit: item.answer.unit,
            measurementLabel: item.answer.label,
            photoRequiredOnFail: item.photoRequiredOnFail,
            hint: item.hintIsCustom ? item.hint : null,
            required: item.required,
          },
        })),
      );
    }
    return id;
  });
  return versionDetail(ctx.deps, versionId);
}

/** Throws away a draft; a template that never had a published version goes with it. */
export function discardDraft(ctx: CallContext, versionId: string): { discarded: boolean } {
  inTransaction(ctx.deps, () => {
    const version = requireDraft(ctx.deps, versionId);
    const sections = sectionRows(ctx.deps, versionId);
    const items = itemRows(
      ctx.deps,
      sections.map((s) => s.id),
    );
    for (const item of items)
      ctx.deps.db.delete(checklistTemplateItems).where(eq(checklistTemplateItems.id, item.id)).run();
    for (const s of sections) ctx.deps.db.delete(checklistSections).where(eq(checklistSections.id, s.id)).run();
    ctx.deps.db.delete(checklistTemplateVersions).where(eq(checklistTemplateVersions.id, versionId)).run();
    recordChange(ctx, {
      entity: 'checklist-template-version',
      entityId: versionId,
      action: 'discard',
      before: { ...version, sections: sections.length, items: items.length },
    });
    const others = ctx.deps.db
      .select()
      .from(checklistTemplateVersions)
      .where(and(eq(checklistTemplateVersions.templateId, version.templateId)))
      .all();
    if (others.length === 0) {
      const template = templateRow(ctx.deps, version.templateId);
      ctx.deps.db.delete(checklistTemplates).where(eq(checklistTemplates.id, template.id)).run();
      recordChange(ctx, { entity: 'checklist-template', entityId: template.id, action: 'delete', before: template });
    }
  });
  return { discarded: true };
}
