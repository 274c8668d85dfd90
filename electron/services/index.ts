import { createAuthHandlers } from './auth/handlers';
import type { ServiceDeps } from './context';
import { createInstitutionHandlers } from './institutions/handlers';
import { createLawsHandlers } from './laws/handlers';
import { createPlansHandlers } from './plans/handlers';
import { createChecklistsHandlers } from './checklists/handlers';
import { createReferenceHandlers } from './reference/handlers';
import { createRegistry, type Registry, type RegistryOptions } from './registry';
import { createSystemHandlers } from './system/handlers';

/** Builds the app's one registry from every domain's handlers; Electron and the test bridge both call this. */
export function createAppRegistry(deps: ServiceDeps, options: RegistryOptions): Registry {
  return createRegistry(deps, [
    createAuthHandlers(),
    createReferenceHandlers(),
    createSystemHandlers(),
    createInstitutionHandlers(),
    createLawsHandlers(),
    createPlansHandlers(),
    createChecklistsHandlers(),
  ], options);
}
