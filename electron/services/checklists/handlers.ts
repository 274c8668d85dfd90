import type { HandlerGroup } from '../registry';
import { resolveTemplateForInstitution } from './resolve';
import { allRuleItems, createLocalItem, filterRuleItems, getRuleItem, updateLocalItem } from './rule-items';
import { addCriterion, exportRuleSet, importRuleSet, listRuleSets, newRuleSetDraft, publishRuleSet } from './rule-sets';
import { exportTemplate, importTemplate } from './template-file';
import {
  addItems,
  addSection,
  createTemplate,
  discardDraft,
  listTemplates,
  moveItem,
  moveSection,
  newDraft,
  publishTemplate,
  removeItem,
  removeSection,
  renameTemplate,
  updateItem,
  updateSection,
  versionDetail,
} from './templates';

/** Handlers of the 检查表 module: rule library, major-hazard rule sets and versioned templates. */
export function createChecklistsHandlers(): HandlerGroup {
  return {
    'checklists:list-rule-items': (input, ctx) => filterRuleItems(allRuleItems(ctx.deps), input),
    'checklists:get-rule-item': (input, ctx) => getRuleItem(ctx.deps, input.id),
    'checklists:create-local-item': (input, ctx) => createLocalItem(ctx, input),
    'checklists:update-local-item': ({ id, ...rest }, ctx) => updateLocalItem(ctx, id, rest),

    'checklists:list-rule-sets': (_input, ctx) => listRuleSets(ctx.deps),
    'checklists:new-rule-set-draft': (input, ctx) => newRuleSetDraft(ctx, input.fromId, input.version),
    'checklists:add-criterion': (input, ctx) => addCriterion(ctx, input),
    'checklists:publish-rule-set': (input, ctx) => publishRuleSet(ctx, input.id),
    'checklists:import-rule-set': (input, ctx) => importRuleSet(ctx, input.json),
    'checklists:export-rule-set': (input, ctx) => exportRuleSet(ctx.deps, input.id),

    'checklists:list-templates': (_input, ctx) => listTemplates(ctx.deps),
    'checklists:get-template-version': (input, ctx) => versionDetail(ctx.deps, input.versionId),
    'checklists:preview-template': (input, ctx) =>
      resolveTemplateForInstitution(versionDetail(ctx.deps, input.versionId).snapshot, input.features),
    'checklists:create-template': (input, ctx) => createTemplate(ctx, input),
    'checklists:rename-template': (input, ctx) => renameTemplate(ctx, input.id, input.name),
    'checklists:add-section': (input, ctx) => addSection(ctx, input),
    'checklists:update-section': (input, ctx) => updateSection(ctx, input),
    'checklists:remove-section': (input, ctx) => removeSection(ctx, input.sectionId),
    'checklists:move-section': (input, ctx) => moveSection(ctx, input.sectionId, input.direction),
    'checklists:add-items': (input, ctx) => addItems(ctx, input.sectionId, input.ruleItemIds),
    'checklists:update-item': (input, ctx) => updateItem(ctx, input),
    'checklists:remove-item': (input, ctx) => removeItem(ctx, input.itemId),
    'checklists:move-item': (input, ctx) => moveItem(ctx, input.itemId, input.direction),
    'checklists:publish-template': (input, ctx) => publishTemplate(ctx, input.versionId),
    'checklists:new-draft': (input, ctx) => newDraft(ctx, input.fromVersionId),
    'checklists:discard-draft': (input, ctx) => discardDraft(ctx, input.versionId),
    'checklists:export-template': (input, ctx) => exportTemplate(ctx.deps, input.versionId),
    'checklists:import-template': (input, ctx) => importTemplate(ctx, input.json),
  };
}
