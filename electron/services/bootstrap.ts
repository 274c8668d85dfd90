import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { systemClock, type Clock } from './clock';
import type { ServiceDeps } from './context';
import { createExportFolderSaver, type FileSaver } from './file-saver';
import { createUuidV7Source, type IdSource } from './ids';
import { createAppRegistry } from './index';
import { seedChecklists } from './checklists/seed';
import { seedLaws } from './laws/law-store';
import { seedReferenceData } from './reference/seed-reference';
import type { Registry } from './registry';

/** Options for {@link startServices}. */
export interface StartServicesOptions {
  dataDir: string;
  resourcesDir: string;
  appVersion: string;
  trustedOrigin: string;
  validateOutput?: boolean;
  clock?: Clock;
  newId?: IdSource;
  migrationsFolder?: string;
  /** How generated files are saved; defaults to the data folder's exports/. */
  saveFile?: FileSaver;
}

/** A running service layer: the registry every transport dispatches to, and a way to close the database. */
export interface RunningServices {
  registry: Registry;
  database: OpenedDatabase;
  close: () => void;
}

/** File name of the database inside the data folder. */
export const DATABASE_FILE = 'careinspect.db';

/**
 * Opens the database in the data folder (creating and migrating it on first start), loads reference data and
 * builds the registry. Plain Node: Electron's main process, the preview server and the tests all start here.
 */
export function startServices(options: StartServicesOptions): RunningServices {
  const dbPath = path.join(options.dataDir, DATABASE_FILE);
  const database = openDatabase(dbPath, options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {});
  const deps: ServiceDeps = {
    db: database.db,
    sqlite: database.sqlite,
    dbPath,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    clock: options.clock ?? systemClock,
    newId: options.newId ?? createUuidV7Source(),
    appVersion: options.appVersion,
    saveFile: options.saveFile ?? createExportFolderSaver(options.dataDir),
  };
  try {
    seedReferenceData(deps);
    seedChecklists(deps);
    seedLaws(deps);
  } catch (error) {
    database.close();
    throw error;
  }
  const registry = createAppRegistry(deps, {
    trustedOrigin: options.trustedOrigin,
    validateOutput: options.validateOutput ?? false,
  });
  return { registry, database, close: () => database.close() };
}
