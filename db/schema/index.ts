/** The whole database schema, one module per domain; drizzle-kit generates migrations from this entry point. */
export * from './core';
export * from './institutions';
export * from './checklists';
export * from './plans';
export * from './laws';
export * from './inspections';
export * from './hazards';
export * from './photos';
export * from './documents';
