import { eq } from 'drizzle-orm';
import { ruleItems } from '../../../db/schema';
import type { TemplateFile, TemplateSummary } from '../../api';
import { templateFileSchema } from '../../api';
import { inTransaction } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { parseJsonFile, rejectFile, type FileIssue } from './json-file';
import { insertLocalItem, toRuleItem } from './rule-items';
import { getTemplateSummary, insertItems, insertSection, insertTemplate, userWriter, versionDetail } from './templates';

/** A version as a template file: seed rules by code, local rules carried along so the file works elsewhere. */
export function exportTemplate(deps: ServiceDeps, versionId: string): { fileName: string; json: string } {
  const { snapshot, summary } = versionDetail(deps, versionId);
  const localIds = new Set(
    snapshot.sections.flatMap((s) => s.items.filter((i) => i.source === 'local').map((i) => i.ruleItemId)),
  );
  const localRules: TemplateFile['localRules'] = [...localIds].map((id) => {
    const row = deps.db.select().from(ruleItems).where(eq(ruleItems.id, id)).get();
    if (!row) throw new Error(`Local rule ${id} is missing`);
    const rule = toRuleItem(row);
    return {
      code: rule.code,
      category: rule.category,
      textZh: rule.textZh,
      legalBasis: rule.legalBasis,
      mark: rule.weakestMark,
      majorFlag: rule.majorHazard.flag,
      majorClause: rule.majorHazard.clause,
      departments: rule.departments,
      deadlineClass: rule.deadlineClass,
      hintZh: rule.hintZh,
    };
  });
  const file: TemplateFile = {
    format: 'careinspect-checklist-template',
    formatVersion: 1,
    name: snapshot.name,
    kind: snapshot.kind,
    isReinspection: snapshot.isReinspection,
    sections: snapshot.sections.map((s) => ({
      title: s.title,
      appliesWhen: s.appliesWhen,
      items: s.items.map((i) => ({
        ruleCode: i.code,
        answerExtra: i.answer.extra,
        measurementUnit: i.answer.unit,
        measurementLabel: i.answer.label,
        photoRequiredOnFail: i.photoRequiredOnFail,
        hint: i.hintIsCustom ? i.hint : null,
        required: i.required,
      })),
    })),
    localRules,
  };
  const status = summary.status === 'published' ? `v${summary.version}` : `v${summary.version}-草稿`;
  return { fileName: `检查表模板-${snapshot.name}-${status}.json`, json: JSON.stringify(file, null, 2) };
}

/** Cross-checks a parsed file against the library; every problem is reported with its JSON path. */
function checkReferences(deps: ServiceDeps, file: TemplateFile): FileIssue[] {
  const issues: FileIssue[] = [];
  const library = new Map(
    deps.db
      .select()
      .from(ruleItems)
      .all()
      .map((r) => [r.code, r]),
  );
  const localCodes = new Map<string, number>();
  file.localRules.forEach((rule, i) => {
    if (localCodes.has(rule.code)) {
      issues.push({ path: `localRules[${i}].code`, message: `本地检查项编号 ${rule.code} 在文件中重复` });
    }
    localCodes.set(rule.code, i);
  });
  const seen = new Map<string, string>();
  file.sections.forEach((section, s) => {
    if (!file.isReinspection && section.items.length === 0) {
      issues.push({ path: `sections[${s}].items`, message: `分组“${section.title}”没有检查项` });
    }
    section.items.forEach((item, i) => {
      const at = `sections[${s}].items[${i}]`;
      const known = library.get(item.ruleCode);
      const inFile = localCodes.has(item.ruleCode);
      if (!known && !inFile) {
        issues.push({
          path: `${at}.ruleCode`,
          message: `检查项 ${item.ruleCode} 不在规则库中，也不在文件的 localRules 里`,
        });
      }
      if (known && known.source === 'seed' && inFile) {
        issues.push({ path: `${at}.ruleCode`, message: `编号 ${item.ruleCode} 是内置检查项，不能作为本地检查项导入` });
      }
      const previous = seen.get(item.ruleCode);
      if (previous)
        issues.push({ path: `${at}.ruleCode`, message: `检查项 ${item.ruleCode} 重复（已出现在 ${previous}）` });
      else seen.set(item.ruleCode, at);
      if (item.answerExtra === 'measurement' && !item.measurementUnit) {
        issues.push({ path: `${at}.measurementUnit`, message: '作答方式为“测量值”时必须填写计量单位' });
      }
    });
  });
  return issues;
}

/**
 * Imports a template file as a new template with a draft version 1, all or nothing: the file is parsed and
 * every reference checked before anything is written, and the writes share one transaction. A local rule whose
 * code already exists with the same text is reused; otherwise it is created under a new local code.
 */
export function importTemplate(ctx: CallContext, json: string): TemplateSummary {
  const file = parseJsonFile('模板文件', json, templateFileSchema);
  const issues = checkReferences(ctx.deps, file);
  if (issues.length > 0) rejectFile('模板文件', issues);
  const templateId = inTransaction(ctx.deps, () => {
    const w = userWriter(ctx);
    const codeToId = new Map(
      ctx.deps.db
        .select()
        .from(ruleItems)
        .all()
        .map((r) => [r.code, r]),
    );
    const resolved = new Map<string, string>();
    for (const rule of file.localRules) {
      // Looked up now, not from the map above: an earlier local rule of this file may have taken the code.
      const existing = ctx.deps.db.select().from(ruleItems).where(eq(ruleItems.code, rule.code)).get();
      if (
        existing &&
        existing.source === 'local' &&
        existing.textZh === rule.textZh &&
        existing.legalBasis === rule.legalBasis
      ) {
        resolved.set(rule.code, existing.id);
        continue;
      }
      const row = insertLocalItem(
        ctx,
        {
          category: rule.category,
          textZh: rule.textZh,
          legalBasis: rule.legalBasis,
          mark: rule.mark,
          majorFlag: rule.majorFlag,
          majorClause: rule.majorClause,
          departments: rule.departments,
          deadlineClass: rule.deadlineClass,
          hintZh: rule.hintZh,
        },
        existing ? undefined : rule.code,
      );
      resolved.set(rule.code, row.id);
    }
    const created = insertTemplate(w, { name: file.name, kind: file.kind, isReinspection: file.isReinspection });
    for (const section of file.sections) {
      const sectionId = insertSection(w, created.versionId, section.title, section.appliesWhen);
      insertItems(
        w,
        sectionId,
        section.items.map((item) => {
          const id = resolved.get(item.ruleCode) ?? codeToId.get(item.ruleCode)?.id;
          if (!id) throw new Error(`Unresolved rule ${item.ruleCode}`);
          return {
            ruleItemId: id,
            settings: {
              answerExtra: item.answerExtra,
              measurementUnit: item.answerExtra === 'measurement' ? item.measurementUnit : null,
              measurementLabel: item.answerExtra === 'measurement' ? item.measurementLabel : null,
              photoRequiredOnFail: item.photoRequiredOnFail,
              hint: item.hint,
              required: item.required,
            },
          };
        }),
      );
    }
    w.record({
      entity: 'checklist-template',
      entityId: created.templateId,
      action: 'import',
      after: { name: file.name },
    });
    return created.templateId;
  });
  return getTemplateSummary(ctx.deps, templateId);
}
