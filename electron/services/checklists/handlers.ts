import type { HandlerGroup } from '../registry';

/** Handlers of the 检查表 module. */
export function createChecklistsHandlers(): HandlerGroup {
  return {};
}
