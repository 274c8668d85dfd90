import type { HandlerGroup } from '../registry';

/** Handlers of the 检查计划 module. */
export function createPlansHandlers(): HandlerGroup {
  return {};
}
