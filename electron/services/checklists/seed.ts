import path from 'node:path';
import { count } from 'drizzle-orm';
import { checklistTemplates, majorHazardRuleSets, ruleItems } from '../../../db/schema';
import { createAuditedInserter, type SqlValue } from '../../../db/queries/audited-write';
import type { InstitutionFeature, TemplateKind } from '../../api';
import { inTransaction, recordSystemChange, systemActor } from '../audit';
import type { ServiceDeps } from '../context';
import {
  loadSeed,
  type ChecklistItem,
  type ChecklistDepartment,
  type DepartmentRouting,
} from '../reference/seed-schema';
import { insertRuleSet } from './rule-sets';
import { insertItems, insertSection, insertTemplate, publishVersion, type Writer } from './templates';

/** What {@link seedChecklists} loaded; zero where the table already had data. */
export interface SeedChecklistsResult {
  ruleItems: number;
  ruleSets: number;
  templates: number;
}

/**
 * A section only makes sense for some institutions. Food items need a canteen, gas items piped gas or LPG;
 * the three lift items (S02–S04), the in-house clinic items (M01, M02, M04) and the oxygen items (M05, M06) are
 * named by code because their category alone does not say it.
 */
const CONDITIONS: ReadonlyArray<{
  test: (item: ChecklistItem) => boolean;
  when: InstitutionFeature[];
  labelZh: string;
}> = [
  { test: (i) => i.category === 'food', when: ['hasCanteen'], labelZh: '内设食堂' },
  { test: (i) => i.category === 'gas', when: ['hasPipedGas', 'hasLpg'], labelZh: '使用燃气' },
  { test: (i) => ['S02', 'S03', 'S04'].includes(i.id), when: ['hasLifts'], labelZh: '电梯' },
  { test: (i) => ['M01', 'M02', 'M04'].includes(i.id), when: ['hasClinic'], labelZh: '内设医疗机构' },
  { test: (i) => ['M05', 'M06'].includes(i.id), when: ['hasOxygen'], labelZh: '医用氧气' },
];

interface SectionSpec {
  title: string;
  appliesWhen: InstitutionFeature[];
  items: ChecklistItem[];
}

/** Splits a group of items into its unconditional section and one section per feature condition. */
function splitByCondition(title: string, items: ChecklistItem[]): SectionSpec[] {
  const plain = items.filter((i) => !CONDITIONS.some((c) => c.test(i)));
  const specs: SectionSpec[] = plain.length ? [{ title, appliesWhen: [], items: plain }] : [];
  for (const condition of CONDITIONS) {
    const matched = items.filter((i) => condition.test(i));
    if (matched.length === 0) continue;
    // When the whole group depends on one feature, the group keeps its own title.
    const sectionTitle =
      plain.length === 0 && matched.length === items.length ? title : `${title}（${condition.labelZh}）`;
    specs.push({ title: sectionTitle, appliesWhen: condition.when, items: matched });
  }
  return specs;
}

function byCategory(items: ChecklistItem[], groups: Array<[string, string[]]>): SectionSpec[] {
  return groups.flatMap(([title, categories]) =>
    splitByCondition(
      title,
      items.filter((i) => categories.includes(i.category)),
    ),
  );
}

/** The department that leads an item in a joint inspection: the category's default if involved, else the first. */
function leadDepartment(item: ChecklistItem, routing: DepartmentRouting): ChecklistDepartment {
  if (item.allDepartments) return 'civil-affairs';
  const defaults = routing.categoryDefaults.find((d) => d.category === item.category)?.departments ?? [];
  return defaults.find((d) => item.departments.includes(d)) ?? item.departments[0] ?? 'civil-affairs';
}

/** The four shipped templates, built from the library by category (and by department for the joint one). */
export function shippedTemplates(
  items: ChecklistItem[],
  routing: DepartmentRouting,
  departmentNames: ReadonlyMap<string, string>,
): Array<{ name: string; kind: TemplateKind; isReinspection: boolean; sections: SectionSpec[] }> {
  const joint: SectionSpec[] = (['fire', 'market', 'construction', 'civil-affairs', 'health'] as const).flatMap(
    (dept) =>
      splitByCondition(
        departmentNames.get(dept) ?? dept,
        items.filter((i) => leadDepartment(i, routing) === dept),
      ),
  );
  return [
    {
      name: '消防安全飞行检查',
      kind: '消防安全飞行检查',
      isReinspection: false,
      sections: byCategory(items, [
        ['消防安全', ['fire']],
        ['用电安全', ['electric']],
        ['燃气安全', ['gas']],
        ['用水安全', ['water']],
        ['建筑安全', ['building']],
        ['特种设备', ['special-equipment']],
      ]),
    },
    {
      name: '服务质量监测',
      kind: '服务质量监测',
      isReinspection: false,
      sections: byCategory(items, [
        ['服务质量', ['service-quality']],
        ['照护安全', ['care-safety']],
        ['医疗与药品', ['medicine']],
        ['食品安全', ['food']],
        ['运营管理', ['management']],
      ]),
    },
    { name: '多部门联合检查', kind: '多部门联合检查', isReinspection: false, sections: joint },
    {
      name: '复查',
      kind: '复查',
      isReinspection: true,
      sections: [{ title: '复查项目（检查时按未整改隐患生成）', appliesWhen: [], items: [] }],
    },
  ];
}

type RuleItemSqlRow = Record<string, SqlValue>;

const RULE_COLUMNS = [
  'id',
  'code',
  'source',
  'sort_order',
  'category',
  'text_zh',
  'gloss_en',
  'legal_basis',
  'marks_json',
  'weakest_mark',
  'major_flag',
  'major_clause',
  'major_clause_source',
  'major_raw',
  'major_note',
  'departments_json',
  'all_departments',
  'departments_raw',
  'department_notes_json',
  'other_bodies_json',
  'deadline_class',
  'deadline_rule',
  'measurement_unit',
  'measurement_label',
  'photo_required_on_fail',
  'priorities_json',
  'hint_zh',
  'created_at',
  'updated_at',
] as const;

function ruleRow(item: ChecklistItem, id: string, order: number, now: string): RuleItemSqlRow {
  return {
    id,
    code: item.id,
    source: 'seed',
    sort_order: order,
    category: item.category,
    text_zh: item.textZh,
    gloss_en: item.glossEn,
    legal_basis: item.legalBasis,
    marks_json: JSON.stringify(item.marks),
    weakest_mark: item.weakestMark,
    major_flag: item.majorHazard.flag,
    major_clause: item.majorHazard.clause,
    major_clause_source: item.majorHazard.clauseSource,
    major_raw: item.majorHazard.raw,
    major_note: item.majorHazard.note,
    departments_json: JSON.stringify(item.departments),
    all_departments: item.allDepartments ? 1 : 0,
    departments_raw: item.departmentsRaw,
    department_notes_json: JSON.stringify(item.departmentNotes),
    other_bodies_json: JSON.stringify(item.otherBodies),
    deadline_class: item.derived.deadlineClass,
    deadline_rule: item.derived.deadlineRule,
    measurement_unit: item.derived.measurement?.unit ?? null,
    measurement_label: item.derived.measurement?.label ?? null,
    photo_required_on_fail: item.derived.photoRequiredOnFail ? 1 : 0,
    priorities_json: JSON.stringify(item.derived.priorities2025),
    hint_zh: item.derived.hintZh,
    created_at: now,
    updated_at: now,
  };
}

function tableCount(
  deps: ServiceDeps,
  table: typeof ruleItems | typeof majorHazardRuleSets | typeof checklistTemplates,
): number {
  return deps.db.select({ n: count() }).from(table).get()?.n ?? 0;
}

/**
 * First-start loading of the 检查表 module: the 120 rules of the library (marks as researched), the 2023 MCA
 * major-hazard standard as rule set 'mca-2023', and the four shipped templates as published version 1. Runs on
 * every start but fills only empty tables, so later local work is never overwritten; audited as the system.
 */
export function seedChecklists(
  deps: ServiceDeps,
  seedDir = path.join(deps.resourcesDir, 'seed'),
): SeedChecklistsResult {
  const seed = loadSeed(seedDir);
  const departmentNames = new Map(seed.departments.map((d) => [d.key, d.nameZh]));
  const now = deps.clock().toISOString();
  const w: Writer = { deps, now, actor: systemActor, record: (change) => recordSystemChange(deps, change) };
  return inTransaction(deps, () => {
    const result: SeedChecklistsResult = { ruleItems: 0, ruleSets: 0, templates: 0 };
    const ruleIds = new Map<string, string>();
    if (tableCount(deps, ruleItems) === 0) {
      const insert = createAuditedInserter<RuleItemSqlRow>(
        deps.sqlite,
        'rule_items',
        RULE_COLUMNS,
        'rule-item',
        systemActor,
      );
      seed.checklistItems.forEach((item, index) => {
        const id = deps.newId();
        insert(ruleRow(item, id, index + 1, now), { auditId: deps.newId(), at: now, entityId: id, action: 'seed' });
        ruleIds.set(item.id, id);
      });
      result.ruleItems = seed.checklistItems.length;
    }
    if (tableCount(deps, majorHazardRuleSets) === 0) {
      const mh = seed.majorHazard;
      insertRuleSet(
        deps,
        {
          version: mh.id,
          title: mh.title,
          issuer: mh.issuer,
          documentType: mh.documentType,
          publishedDate: mh.publishedDate,
          mark: mh.mark,
          status: 'published',
          basedOnId: null,
          totalCriteria: mh.totalCriteria,
          meta: {
            sources: mh.sources,
            missing: {
              retrievedCount: mh.missing.retrievedCount,
              missingCount: mh.missing.missingCount,
              clausesZh: mh.missing.clausesZh,
              mark: mh.missing.mark,
            },
            successor: {
              titleZh: mh.successor.titleZh,
              kind: mh.successor.kind,
              newsDate: mh.successor.newsDate,
              mark: mh.successor.mark,
            },
            extra: {
              noticeDate: mh.noticeDate,
              docNumber: mh.docNumber,
              docNumberMark: mh.docNumberMark,
              basis: mh.basis,
              generalTest: mh.generalTest,
              aspects: mh.aspects,
              missingTextEn: mh.missing.textEn,
              successorUrl: mh.successor.newsUrl,
            },
          },
          criteria: mh.criteria.map((c) => ({
            code: c.id,
            clause: c.clause,
            textZh: c.textZh,
            glossEn: c.glossEn,
            leadDepartments: c.leadDepartments,
            leadDepartmentsRaw: c.leadDepartmentsRaw,
            mark: c.mark,
            origin: 'seed' as const,
            sourceNote: null,
          })),
        },
        now,
        w.record,
        systemActor,
      );
      result.ruleSets = 1;
    }
    // Templates are built from the library rows just seeded; on an old database with templates, nothing happens.
    if (tableCount(deps, checklistTemplates) === 0) {
      if (ruleIds.size === 0) {
        for (const r of deps.db.select({ id: ruleItems.id, code: ruleItems.code }).from(ruleItems).all())
          ruleIds.set(r.code, r.id);
      }
      for (const spec of shippedTemplates(seed.checklistItems, seed.routing, departmentNames)) {
        const created = insertTemplate(w, spec);
        for (const section of spec.sections) {
          const sectionId = insertSection(w, created.versionId, section.title, section.appliesWhen);
          const entries = section.items.flatMap((i) => {
            const id = ruleIds.get(i.id);
            return id ? [{ ruleItemId: id }] : [];
          });
          if (entries.length) insertItems(w, sectionId, entries);
        }
        publishVersion(w, created.versionId);
        result.templates += 1;
      }
    }
    return result;
  });
}
