import type { HandlerGroup } from '../registry';

/** Handlers of the 法规库 module. */
export function createLawsHandlers(): HandlerGroup {
  return {};
}
