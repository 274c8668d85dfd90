import type { HandlerGroup } from '../registry';
import { listChecklistCitations } from './checklist-citations';
import { importVersion, previewImport } from './import-version';
import { getVersionDetail, resolveCitations, searchLaws } from './law-queries';
import { ensureLawsSeeded, listLaws } from './law-store';
import { readQuoteMode, setQuoteMode } from './quote-mode';

/** Handlers of the 法规库 module: browse, search, resolve citations, import versions, quote setting. */
export function createLawsHandlers(): HandlerGroup {
  return {
    'laws:list': (_input, ctx) => {
      ensureLawsSeeded(ctx.deps);
      return listLaws(ctx.deps);
    },
    'laws:get-version': (input, ctx) => {
      ensureLawsSeeded(ctx.deps);
      return getVersionDetail(ctx.deps, input.lawId, input.versionId);
    },
    'laws:search': (input, ctx) => {
      ensureLawsSeeded(ctx.deps);
      return searchLaws(ctx.deps, input.query, input.limit);
    },
    'laws:resolve-citations': (input, ctx) => {
      ensureLawsSeeded(ctx.deps);
      return { citations: resolveCitations(ctx.deps, input.legalBasis, input.versionIds) };
    },
    'laws:preview-import': (input, ctx) => {
      ensureLawsSeeded(ctx.deps);
      return previewImport(ctx, input);
    },
    'laws:import-version': (input, ctx) => {
      ensureLawsSeeded(ctx.deps);
      return importVersion(ctx, input);
    },
    'laws:get-quote-mode': (_input, ctx) => ({ mode: readQuoteMode(ctx.deps) }),
    'laws:set-quote-mode': (input, ctx) => ({ mode: setQuoteMode(ctx, input.mode) }),
    'laws:list-checklist-citations': (_input, ctx) => listChecklistCitations(ctx.deps),
  };
}
