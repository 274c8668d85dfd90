import type { HandlerGroup } from '../registry';

/** Handlers of the 机构档案 module. */
export function createInstitutionHandlers(): HandlerGroup {
  return {};
}
