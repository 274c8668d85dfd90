import type Database from 'better-sqlite3';
import type { AppDb } from '../../db/open-database';
import type { Actor } from '../../db/queries/audit';
import type { Role } from '../api/contract';
import type { Clock } from './clock';
import type { FileSaver } from './file-saver';
import type { IdSource } from './ids';

/** Everything services need from the outside world, injected so tests can pass real-but-controlled parts. */
export interface ServiceDeps {
  db: AppDb;
  sqlite: Database.Database;
  dbPath: string;
  /** Folder holding the database, photos and exports. */
  dataDir: string;
  /** Folder of bundled read-only resources (seed data, fonts, law texts). */
  resourcesDir: string;
  clock: Clock;
  newId: IdSource;
  appVersion: string;
  /** Saves a generated file for the user (system dialog in Electron, data folder exports elsewhere). */
  saveFile: FileSaver;
}

/** The signed-in user of this app instance (one window, one session). */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentKey: string;
}

/** Mutable session state owned by one registry instance. */
export interface Session {
  user: SessionUser | null;
}

/** What a handler gets besides its validated input. */
export interface CallContext {
  deps: ServiceDeps;
  session: Session;
  /** The signed-in user as an audit actor; throws UNAUTHENTICATED when nobody is signed in. */
  actor: () => Actor & { role: Role };
  /** Current time as an ISO string, from the injected clock. */
  now: () => string;
}
