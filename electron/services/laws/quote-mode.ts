import { lawQuoteModeSchema, type LawQuoteMode } from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext, ServiceDeps } from '../context';
import { readSetting, writeSetting } from '../system/handlers';

/** Setting key the documents module reads: quote each hazard's article in full, or cite it only. */
export const QUOTE_MODE_KEY = 'documents.quoteArticles';

/** Notices quote in full until an administrator says otherwise: the issue asks notices to quote the article. */
export const DEFAULT_QUOTE_MODE: LawQuoteMode = 'full';

/** How notices quote articles ('full' | 'cite'). */
export function readQuoteMode(deps: ServiceDeps): LawQuoteMode {
  const parsed = lawQuoteModeSchema.safeParse(readSetting(deps, QUOTE_MODE_KEY));
  return parsed.success ? parsed.data : DEFAULT_QUOTE_MODE;
}

/** Sets how notices quote articles, with its audit record in the same transaction. */
export function setQuoteMode(ctx: CallContext, mode: LawQuoteMode): LawQuoteMode {
  return inTransaction(ctx.deps, () => {
    const before = readQuoteMode(ctx.deps);
    writeSetting(ctx.deps, QUOTE_MODE_KEY, mode, ctx.now());
    recordChange(ctx, {
      entity: 'setting',
      entityId: QUOTE_MODE_KEY,
      action: 'update',
      before: { mode: before },
      after: { mode },
    });
    return mode;
  });
}
