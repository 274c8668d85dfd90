/** What other modules use from 检查表: the first-start seeding and the pure template resolver. */
export { seedChecklists } from './seed';
export { resolveTemplateForInstitution } from './resolve';
export { versionSnapshot } from './templates';
