import type Database from 'better-sqlite3';
import { cachedStatement } from '../../../db/queries/statement-cache';
import {
  institutionFeaturesSchema,
  templateSnapshotSchema,
  type InstitutionFeatures,
  type ResolvedTemplate,
  type SnapshotItem,
  type SnapshotSection,
  type TemplateSnapshot,
} from '../../api';
import { resolveTemplateForInstitution } from '../checklists';
import { notFound } from '../errors';

/** Where an item sits in the applicable checklist: its section and its 1-based number inside that section. */
export interface PlacedItem {
  item: SnapshotItem;
  section: SnapshotSection;
  number: number;
}

/** The checklist of one inspection: the frozen template resolved for the institution's features at start. */
export interface ApplicableChecklist {
  snapshot: TemplateSnapshot;
  resolved: ResolvedTemplate;
  items: Map<string, PlacedItem>;
}

// A published snapshot and an inspection's frozen features never change, so the resolved checklist is cached
// per connection: the answer-save hot path must not parse a template's JSON on every key press.
const cache = new WeakMap<Database.Database, Map<string, ApplicableChecklist>>();

interface SourceRow {
  snapshotJson: string | null;
  featuresJson: string;
}

/** Resolves a frozen snapshot for a set of features and indexes its items by key. */
export function buildApplicable(snapshot: TemplateSnapshot, features: InstitutionFeatures): ApplicableChecklist {
  const resolved = resolveTemplateForInstitution(snapshot, features);
  const items = new Map<string, PlacedItem>();
  for (const section of resolved.sections) {
    section.items.forEach((item, i) => items.set(item.key, { item, section, number: i + 1 }));
  }
  return { snapshot, resolved, items };
}

/** The applicable checklist of an inspection (cached); NOT_FOUND when the inspection does not exist. */
export function applicableChecklist(sqlite: Database.Database, inspectionId: string): ApplicableChecklist {
  let perDb = cache.get(sqlite);
  if (!perDb) {
    perDb = new Map();
    cache.set(sqlite, perDb);
  }
  const hit = perDb.get(inspectionId);
  if (hit) return hit;
  const row = cachedStatement(
    sqlite,
    `SELECT v.snapshot_json AS snapshotJson, i.features_json AS featuresJson
       FROM inspections i JOIN checklist_template_versions v ON v.id = i.template_version_id WHERE i.id = ?`,
  ).get(inspectionId) as SourceRow | undefined;
  if (!row) throw notFound('检查记录');
  if (!row.snapshotJson) throw new Error(`Template version of inspection ${inspectionId} has no snapshot`);
  const snapshot = templateSnapshotSchema.parse(JSON.parse(row.snapshotJson));
  // Rows written by older code or by hand may hold something else; no features is the safe reading.
  const parsedFeatures = institutionFeaturesSchema.safeParse(JSON.parse(row.featuresJson));
  const features = parsedFeatures.success ? parsedFeatures.data : {};
  const built = buildApplicable(snapshot, features);
  perDb.set(inspectionId, built);
  return built;
}

/** Label of an item in messages: 「section」第 n 项（code）. */
export function itemLabel(placed: PlacedItem): string {
  return `「${placed.section.title}」第 ${placed.number} 项（${placed.item.code}）`;
}
