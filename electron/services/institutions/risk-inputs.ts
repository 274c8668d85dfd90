import type Database from 'better-sqlite3';
import { cachedStatement } from '../../../db/queries/statement-cache';
import type { ServiceDeps } from '../context';
import { daysBetween, shanghaiDate } from '../hazards/dates';
import { UNKNOWN_RISK_INPUTS, type RiskInputs } from './risk';

interface HazardCounts {
  institutionId: string;
  hazards: number;
  openMajor: number;
  overdue: number;
}

interface InspectionFacts {
  institutionId: string;
  finished: number;
  lastStartedAt: string;
}

interface Repeats {
  institutionId: string;
  repeated: number;
}

// One placeholder for the whole id list (json_each) keeps each SQL text fixed, so the statements stay cached
// whether the caller asks for one institution (the profile) or five thousand (the list, the plan draw).
const HAZARD_COUNTS = `SELECT institution_id AS institutionId, count(*) AS hazards,
    sum(CASE WHEN state <> 'closed' AND severity = 'major' THEN 1 ELSE 0 END) AS openMajor,
    sum(CASE WHEN state <> 'closed' AND deadline_date < ? THEN 1 ELSE 0 END) AS overdue
  FROM hazards WHERE institution_id IN (SELECT value FROM json_each(?)) GROUP BY institution_id`;

const INSPECTION_FACTS = `SELECT institution_id AS institutionId, count(*) AS finished, max(started_at) AS lastStartedAt
  FROM inspections WHERE status = 'finished' AND institution_id IN (SELECT value FROM json_each(?))
  GROUP BY institution_id`;

// A finding is "the same item" by its rule code (F01…), which stays the same across template versions and
// between the 消防 and 联合 templates, whereas item keys are per template version. Every 不符合 answer of a
// finished inspection becomes a hazard carrying that code, so the hazards are the findings' durable record.
const REPEATS = `SELECT institutionId, count(*) AS repeated FROM (
    SELECT h.institution_id AS institutionId
    FROM hazards h JOIN inspections s ON s.id = h.source_inspection_id AND s.status = 'finished'
    WHERE h.institution_id IN (SELECT value FROM json_each(?))
    GROUP BY h.institution_id, coalesce(h.rule_item_code, h.item_key)
    HAVING count(DISTINCT h.source_inspection_id) >= 2
  ) GROUP BY institutionId`;

/**
 * The risk inputs of some institutions from plain SQLite, as of `today` (a Shanghai date): open major
 * hazards, overdue hazards (open, deadline before today: derived, never stored), days since the last finished
 * inspection, and repeated findings (checklist items, by rule code, found non-compliant in two or more finished
 * inspections of the institution).
 *
 * "Unknown" stays unknown: an institution with neither a finished inspection nor a hazard gets
 * UNKNOWN_RISK_INPUTS; never inspected means no day count; fewer than two finished inspections means
 * repeated findings cannot be judged yet.
 */
export function riskInputsAsOf(
  sqlite: Database.Database,
  ids: readonly string[],
  today: string,
): Map<string, RiskInputs> {
  const out = new Map<string, RiskInputs>();
  if (ids.length === 0) return out;
  const list = JSON.stringify([...new Set(ids)]);
  const hazards = new Map(
    (cachedStatement(sqlite, HAZARD_COUNTS).all(today, list) as HazardCounts[]).map((r) => [r.institutionId, r]),
  );
  const inspections = new Map(
    (cachedStatement(sqlite, INSPECTION_FACTS).all(list) as InspectionFacts[]).map((r) => [r.institutionId, r]),
  );
  const repeats = new Map(
    (cachedStatement(sqlite, REPEATS).all(list) as Repeats[]).map((r) => [r.institutionId, r.repeated]),
  );
  for (const id of ids) {
    const h = hazards.get(id);
    const s = inspections.get(id);
    if (!h && !s) {
      out.set(id, UNKNOWN_RISK_INPUTS);
      continue;
    }
    out.set(id, {
      openMajorHazards: h?.openMajor ?? 0,
      overdueHazards: h?.overdue ?? 0,
      daysSinceLastInspection: s ? Math.max(0, daysBetween(shanghaiDate(s.lastStartedAt), today)) : null,
      repeatedFindings: s && s.finished >= 2 ? (repeats.get(id) ?? 0) : null,
    });
  }
  return out;
}

/**
 * Collects the risk inputs of many institutions at once (the list computes levels for thousands of rows),
 * three grouped queries whatever the number of ids; today is the injected clock's Shanghai date.
 */
export function loadRiskInputs(deps: ServiceDeps, ids: readonly string[]): Map<string, RiskInputs> {
  return riskInputsAsOf(deps.sqlite, ids, shanghaiDate(deps.clock()));
}
