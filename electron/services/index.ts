import { createAuthHandlers } from './auth/handlers';
import { createChecklistsHandlers } from './checklists/handlers';
import type { ServiceDeps } from './context';
import { createDocumentsHandlers } from './documents/handlers';
import { createHazardsHandlers } from './hazards/handlers';
import { createInspectionsHandlers } from './inspections/handlers';
import { createInstitutionHandlers } from './institutions/handlers';
import { createLawsHandlers } from './laws/handlers';
import { createPlansHandlers } from './plans/handlers';
import { createReferenceHandlers } from './reference/handlers';
import { createRegistry, type HandlerGroup, type Registry, type RegistryOptions } from './registry';
import { createStatisticsHandlers } from './statistics/handlers';
import { createSystemHandlers } from './system/handlers';

/** Every domain's handler group, in menu order; one list so the app and the tests build the same registry. */
export function appHandlerGroups(): HandlerGroup[] {
  return [
    createAuthHandlers(),
    createReferenceHandlers(),
    createSystemHandlers(),
    createInstitutionHandlers(),
    createPlansHandlers(),
    createInspectionsHandlers(),
    createHazardsHandlers(),
    createDocumentsHandlers(),
    createStatisticsHandlers(),
    createChecklistsHandlers(),
    createLawsHandlers(),
  ];
}

/** Builds the app's one registry from every domain's handlers; Electron and the test bridge both call this. */
export function createAppRegistry(deps: ServiceDeps, options: RegistryOptions): Registry {
  return createRegistry(deps, appHandlerGroups(), options);
}
