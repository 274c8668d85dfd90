/**
 * District-scale demo data for the statistics screen, the 会商材料 and the benchmarks: a few hundred
 * institutions across the district's towns, years of finished inspections with their 不符合 answers, and the
 * hazards those findings became, each with a full history (登记 → 开始整改 → 整改报告 → 复查通过, sometimes
 * 复查不通过 in between, or 当场整改) and realistic deadlines, delays and a backlog of overdue ones.
 *
 * This is bulk demo data, so it bypasses the registry and writes through prepared statements, one transaction
 * per calendar year, with one system audit record per year saying what was generated. The rows are still real:
 * every foreign key, unique index and check constraint holds, states agree with their event histories,
 * and the same seed always gives the same database.
 */
import type Database from 'better-sqlite3';
import {
  institutionFeatureSchema,
  templateSnapshotSchema,
  type InstitutionFeatures,
  type InstitutionFields,
  type SnapshotItem,
  type TemplateSnapshot,
} from '../../electron/api';
import { addDays, daysBetween, shanghaiDate } from '../../electron/services/hazards/dates';
import { createV7Generator } from '../../electron/services/ids';
import { buildApplicable } from '../../electron/services/inspections/applicable';
import { demoInstitutionFields, seededRandom, type DemoTown } from './institutions';

/** What to generate. `endDate` (YYYY-MM-DD, Shanghai) is the last day with activity: the data's "today". */
export interface DistrictOptions {
  seed: number;
  institutions: number;
  years: number;
  endDate: string;
  /** Also write the 不符合 answers the hazards come from (default true). */
  answers?: boolean;
}

/** What was written. */
export interface DistrictSummary {
  institutions: number;
  inspections: number;
  answers: number;
  hazards: number;
  events: number;
  /** Hazards still open at the end date. */
  openAtEnd: number;
}

const SHANGHAI = '+08:00';
const DAY_MS = 86_400_000;

/** The instant of a Shanghai wall-clock time on a day. */
function at(day: string, minutes: number): number {
  return Date.parse(`${day}T00:00:00${SHANGHAI}`) + minutes * 60_000;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

const LOCATIONS = [
  '一楼厨房',
  '一楼大厅',
  '二楼走廊',
  '三楼东侧楼梯间',
  '配电间',
  '消防控制室',
  '301 室',
  '205 室',
  '洗衣房',
  '医务室',
  '地下车库',
  '楼顶平台',
  '电动自行车停放点',
  '护理站',
  '餐厅',
];

const INSPECTOR_NAMES = [
  '周敏',
  '吴刚',
  '郑丽',
  '冯涛',
  '陈晓东',
  '褚红',
  '卫建华',
  '蒋平',
  '沈燕',
  '韩磊',
  '杨帆',
  '朱琳',
];
const ROSTER_DEPARTMENTS = ['civil-affairs', 'fire', 'market', 'construction', 'health', 'civil-affairs'];
const REPRESENTATIVES = ['王院长', '李主任', '张院长', '刘副院长', '陈主任', '赵院长', '孙经理', '周主任'];
const VERIFY_METHODS = ['现场复查', '资料审核', '照片核验'] as const;

interface Template {
  versionId: string;
  kind: string;
  snapshot: TemplateSnapshot;
}

interface Profile {
  id: string;
  features: InstitutionFeatures;
  featuresJson: string;
  /** Multiplies the finding rate: some homes are tidy, some are not. */
  sloppiness: number;
  /** Multiplies delays: some homes rectify slowly. */
  slowness: number;
  /** Rule codes this home keeps failing (repeated findings). */
  weakCodes: string[];
}

interface Account {
  id: string;
  name: string;
}

/**
 * Writes the district's demo data into a migrated database that already has its towns, departments, the
 * seeded checklist templates and at least one active inspector or administrator account (who records the
 * inspections and hazards). Returns what was written.
 */
export function generateDistrictData(sqlite: Database.Database, options: DistrictOptions): DistrictSummary {
  const rnd = seededRandom(options.seed ^ 0x5bd1e995);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const chance = (p: number) => rnd() < p;
  const poisson = (lambda: number): number => {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rnd();
    while (p > limit) {
      k += 1;
      p *= rnd();
    }
    return k;
  };
  // Ids carry the time of the record they name (UUIDv7), from a seeded random stream.
  let idTime = 0;
  const idRandom = seededRandom(options.seed ^ 0x27d4eb2f);
  const newId = createV7Generator(
    (buffer) => {
      for (let i = 0; i < buffer.length; i++) buffer[i] = Math.floor(idRandom() * 256);
    },
    () => idTime,
  );
  const idAt = (ms: number): string => {
    idTime = ms;
    return newId();
  };

  const towns = sqlite
    .prepare('SELECT id, name FROM towns WHERE is_active = 1 ORDER BY sort_order')
    .all() as DemoTown[];
  if (towns.length === 0) throw new Error('演示数据需要街镇列表：请先载入参考数据');
  const departmentKeys = new Set(
    (sqlite.prepare('SELECT key FROM departments').all() as Array<{ key: string }>).map((d) => d.key),
  );
  const accounts = sqlite
    .prepare(
      "SELECT id, display_name AS name FROM users WHERE is_active = 1 AND role IN ('admin', 'inspector') ORDER BY created_at, id",
    )
    .all() as Account[];
  if (accounts.length === 0) throw new Error('演示数据需要至少一个检查员或管理员账号');
  const templates = (
    sqlite
      .prepare(
        `SELECT v.id AS versionId, t.kind, v.snapshot_json AS snapshotJson
         FROM checklist_template_versions v JOIN checklist_templates t ON t.id = v.template_id
         WHERE v.status = 'published' AND t.is_reinspection = 0 AND v.snapshot_json IS NOT NULL
         ORDER BY t.kind, v.version DESC`,
      )
      .all() as Array<{ versionId: string; kind: string; snapshotJson: string }>
  )
    // The newest published version of each kind, as an inspector would pick it.
    .filter((row, i, all) => all.findIndex((r) => r.kind === row.kind) === i)
    .map((row): Template => ({
      versionId: row.versionId,
      kind: row.kind,
      snapshot: templateSnapshotSchema.parse(JSON.parse(row.snapshotJson)),
    }));
  if (templates.length === 0) throw new Error('演示数据需要已发布的检查表模板');
  const templateOf = (kind: string): Template => templates.find((t) => t.kind === kind) ?? (templates[0] as Template);

  const endMs = at(options.endDate, 24 * 60) - 1;
  const startDate = addDays(`${Number(options.endDate.slice(0, 4)) - options.years}${options.endDate.slice(4)}`, 1);
  const startMs = at(startDate, 8 * 60);

  // --- Inspectors' roster (only when the district has none yet) and institutions: one transaction. ---
  const summary: DistrictSummary = { institutions: 0, inspections: 0, answers: 0, hazards: 0, events: 0, openAtEnd: 0 };
  let roster = sqlite.prepare('SELECT id FROM inspectors WHERE is_active = 1 ORDER BY id').all() as Array<{
    id: string;
  }>;
  const fields = demoInstitutionFields(towns, options.institutions, options.seed);
  const profiles: Profile[] = [];
  sqlite.transaction(() => {
    if (roster.length < 4) {
      const insertInspector = sqlite.prepare(
        `INSERT INTO inspectors (id, name, department_key, certificate_no, phone, is_active, user_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, NULL, 1, NULL, ?, ?)`,
      );
      INSPECTOR_NAMES.forEach((name, i) => {
        const dept = ROSTER_DEPARTMENTS[i % ROSTER_DEPARTMENTS.length] ?? 'civil-affairs';
        const id = idAt(startMs);
        insertInspector.run(
          id,
          name,
          dept,
          `沪执演示${options.seed}-${String(i + 1).padStart(3, '0')}`,
          iso(startMs),
          iso(startMs),
        );
      });
      roster = sqlite.prepare('SELECT id FROM inspectors WHERE is_active = 1 ORDER BY id').all() as Array<{
        id: string;
      }>;
    }
    const first = fields[0];
    if (!first) return;
    const keys = Object.keys(first) as Array<keyof InstitutionFields>;
    const insertInstitution = sqlite.prepare(
      `INSERT INTO institutions (id, ${keys.map(snakeCase).join(', ')}, archived_at, created_at, updated_at)
       VALUES (?, ${keys.map(() => '?').join(', ')}, NULL, ?, ?)`,
    );
    const existing = sqlite.prepare('SELECT id FROM institutions WHERE uscc = ?');
    for (const f of fields) {
      // Re-running with the same seed reuses the institutions instead of failing on their unique codes.
      const found = existing.get(f.uscc) as { id: string } | undefined;
      const id = found?.id ?? idAt(startMs);
      if (!found) {
        const values = keys.map((k) => {
          const v = f[k];
          return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
        });
        insertInstitution.run(id, ...values, iso(startMs), iso(startMs));
        summary.institutions += 1;
      }
      const features = Object.fromEntries(
        institutionFeatureSchema.options.map((k) => [k, f[k]]),
      ) as InstitutionFeatures;
      profiles.push({
        id,
        features,
        featuresJson: JSON.stringify(features),
        sloppiness: Math.exp((rnd() - 0.5) * 1.6),
        slowness: Math.exp((rnd() - 0.4) * 1.4),
        weakCodes: [],
      });
    }
  })();
  if (roster.length < 2) throw new Error('演示数据需要至少两名检查人员');

  // Applicable items per (template version, features): resolving a snapshot is the costly part.
  const applicableCache = new Map<string, SnapshotItem[]>();
  const itemsFor = (template: Template, profile: Profile): SnapshotItem[] => {
    const key = `${template.versionId}|${profile.featuresJson}`;
    let items = applicableCache.get(key);
    if (!items) {
      items = buildApplicable(template.snapshot, profile.features).resolved.sections.flatMap((s) => s.items);
      applicableCache.set(key, items);
    }
    return items;
  };
  for (const p of profiles) {
    const codes = itemsFor(templateOf('消防安全飞行检查'), p).map((i) => i.code);
    p.weakCodes = Array.from({ length: 3 }, () => pick(codes));
  }

  // --- Statements of the yearly transactions. ---
  const insertInspection = sqlite.prepare(
    `INSERT INTO inspections (id, institution_id, template_version_id, plan_assignment_id, status, features_json,
       started_at, finished_at, representative_name, representative_title, representative_phone, hazard_ids_json,
       created_by_id, created_by_name, created_at, updated_at)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, '院长', NULL, ?, ?, ?, ?, ?)`,
  );
  const insertTeam = sqlite.prepare(
    'INSERT INTO inspection_inspectors (inspection_id, inspector_id, sort_order) VALUES (?, ?, ?)',
  );
  const insertAnswer = sqlite.prepare(
    `INSERT INTO inspection_answers (id, inspection_id, item_key, result, location_text, description, fixed_on_spot,
       updated_at, updated_by_id)
     VALUES (?, ?, ?, '不符合', ?, ?, ?, ?, ?)`,
  );
  const insertHazard = sqlite.prepare(
    `INSERT INTO hazards (id, code, institution_id, source_inspection_id, item_key, rule_item_code, item_text,
       legal_basis, location, description, severity, severity_basis, severity_rationale, pending_judgment,
       departments_json, required_action, deadline_class, deadline_date, interim_measures, state, fixed_on_spot,
       recorded_by_id, recorded_by_name, recorded_at, closed_at, created_at, updated_at)
     VALUES (@id, @code, @institutionId, @inspectionId, @itemKey, @ruleItemCode, @itemText, @legalBasis, @location,
       @description, @severity, @severityBasis, @severityRationale, 0, @departmentsJson, @requiredAction,
       @deadlineClass, @deadlineDate, @interimMeasures, @state, @fixedOnSpot, @recorderId, @recorderName,
       @recordedAt, @closedAt, @recordedAt, @updatedAt)`,
  );
  const insertEvent = sqlite.prepare(
    `INSERT INTO hazard_events (id, hazard_id, seq, kind, from_state, to_state, actor_id, actor_name, at, reason,
       text, method, inspection_id, detail_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')`,
  );
  const insertAudit = sqlite.prepare(
    `INSERT INTO audit_log (id, at, actor_id, actor_name, entity, entity_id, action, before_json, after_json, reason)
     VALUES (?, ?, NULL, '系统', 'demo-data', ?, 'generate', NULL, ?, '区级演示数据')`,
  );
  const maxCode = sqlite.prepare('SELECT max(code) AS code FROM hazards WHERE code LIKE ?');

  type State = 'to-rectify' | 'rectifying' | 'to-verify' | 'closed';
  const endDay = options.endDate;

  for (let year = Number(startDate.slice(0, 4)); year <= Number(endDay.slice(0, 4)); year++) {
    const yearFirst = `${year}-01-01` > startDate ? `${year}-01-01` : startDate;
    const yearLast = `${year}-12-31` < endDay ? `${year}-12-31` : endDay;
    const span = daysBetween(yearFirst, yearLast) + 1;
    const prefix = `YH-${year}-`;
    const lastCode = (maxCode.get(`${prefix}%`) as { code: string | null }).code;
    let seq = lastCode ? Number(lastCode.slice(prefix.length)) : 0;
    const before = { ...summary };
    // Fewer findings as the years go by: the campaign works.
    const trend = 1.35 - 0.6 * ((year - Number(startDate.slice(0, 4))) / Math.max(1, options.years));

    sqlite.transaction(() => {
      for (const profile of profiles) {
        const visits = Math.floor(((2 + rnd() * 2.2) * span) / 365 + rnd());
        const days = Array.from({ length: visits }, () => addDays(yearFirst, int(0, span - 1))).sort();
        for (const day of days) {
          const started = at(day, int(9 * 60, 15 * 60));
          if (started > endMs) continue;
          const finishedMs = started + int(90, 240) * 60_000;
          const inProgress = finishedMs > endMs || (daysBetween(day, endDay) <= 1 && chance(0.5));
          const kindRoll = rnd();
          const template = templateOf(
            kindRoll < 0.7 ? '消防安全飞行检查' : kindRoll < 0.9 ? '服务质量监测' : '多部门联合检查',
          );
          const creator = pick(accounts);
          const inspectionId = idAt(started);
          const items = itemsFor(template, profile);
          const hazardIds: string[] = [];
          const findings: SnapshotItem[] = [];
          if (!inProgress) {
            const n = Math.min(items.length, poisson(1.5 * profile.sloppiness * trend), 9);
            const codes = new Set<string>();
            for (let guard = 0; findings.length < n && guard < 40; guard++) {
              const weak = chance(0.4) ? items.find((i) => i.code === pick(profile.weakCodes)) : undefined;
              const item = weak ?? pick(items);
              if (codes.has(item.code)) continue;
              codes.add(item.code);
              findings.push(item);
            }
          }
          const recordedMs = inProgress ? started : finishedMs;
          const recordedDay = shanghaiDate(iso(recordedMs));
          const elapsedToEnd = daysBetween(recordedDay, endDay);
          hazardIds.push(...findings.map(() => idAt(recordedMs)));
          // The inspection row first: its hazards point at it.
          insertInspection.run(
            inspectionId,
            profile.id,
            template.versionId,
            inProgress ? 'in_progress' : 'finished',
            profile.featuresJson,
            iso(started),
            inProgress ? null : iso(finishedMs),
            pick(REPRESENTATIVES),
            JSON.stringify(hazardIds),
            creator.id,
            creator.name,
            iso(started),
            iso(inProgress ? started : finishedMs),
          );
          const a = int(0, roster.length - 1);
          const b = (a + int(1, roster.length - 1)) % roster.length;
          insertTeam.run(inspectionId, roster[a]?.id, 0);
          insertTeam.run(inspectionId, roster[b]?.id, 1);
          summary.inspections += 1;
          findings.forEach((item, index) => {
            const hazardId = hazardIds[index] as string;
            seq += 1;
            const location = pick(LOCATIONS);
            const flag = item.majorHazard.flag;
            const major =
              (flag === 'yes' && chance(0.85)) ||
              (flag === 'possible' && chance(0.12)) ||
              (flag === 'unknown' && chance(0.03));
            const deadlineClass = major ? 'short' : item.deadlineClass;
            const deadlineSpan = major
              ? int(30, 90)
              : deadlineClass === 'immediate'
                ? 0
                : deadlineClass === 'short'
                  ? int(7, 15)
                  : int(15, 45);
            const deadlineDate = addDays(recordedDay, deadlineSpan);
            const departments = item.departments.filter((d) => departmentKeys.has(d));
            const fixedOnSpot = !major && (deadlineClass === 'immediate' ? chance(0.5) : chance(0.06));
            const recorder = creator;
            const verifier = accounts.find((a) => a.id !== recorder.id) ?? recorder;
            // Days to close: most within the deadline, some late (slow homes later), a few never.
            let closeDays: number | null;
            if (fixedOnSpot) closeDays = 0;
            else {
              const u = rnd();
              if (u < 0.74) closeDays = int(1, Math.max(1, deadlineSpan));
              else if (u < 0.996) closeDays = deadlineSpan + Math.max(1, Math.round(int(1, 60) * profile.slowness));
              else closeDays = null;
            }
            const closedOnTime = closeDays !== null && closeDays <= elapsedToEnd;
            const events: Array<{
              kind: string;
              from: State | null;
              to: State;
              ms: number;
              method?: string;
              text?: string;
              reason?: string;
              actor: Account;
            }> = [];
            let state: State;
            let closedMs: number | null = null;
            if (fixedOnSpot) {
              state = 'closed';
              closedMs = recordedMs;
              events.push({
                kind: 'create',
                from: null,
                to: 'closed',
                ms: recordedMs,
                method: '当场整改',
                text: '检查时当场整改完毕',
                actor: recorder,
              });
            } else {
              events.push({ kind: 'create', from: null, to: 'to-rectify', ms: recordedMs, actor: recorder });
              const lastDay = closedOnTime && closeDays !== null ? addDays(recordedDay, closeDays) : endDay;
              const room = daysBetween(recordedDay, lastDay);
              const startDay = addDays(recordedDay, Math.min(room, int(1, 3)));
              const hasStarted = closedOnTime || (elapsedToEnd >= 2 && chance(0.8));
              state = 'to-rectify';
              if (hasStarted) {
                events.push({
                  kind: 'start',
                  from: 'to-rectify',
                  to: 'rectifying',
                  ms: Math.max(recordedMs + 3_600_000, at(startDay, int(540, 1000))),
                  actor: recorder,
                });
                state = 'rectifying';
              }
              if (closedOnTime && closeDays !== null) {
                const closeDay = addDays(recordedDay, closeDays);
                const last = events[events.length - 1] as { ms: number };
                const closeMs = Math.min(endMs, Math.max(last.ms + 4 * 3_600_000, at(closeDay, int(600, 1000))));
                const reportMs = last.ms + Math.floor((closeMs - last.ms) * 0.5);
                if (chance(0.1)) {
                  const failMs = last.ms + Math.floor((closeMs - last.ms) * 0.3);
                  const reportFirst = last.ms + Math.floor((closeMs - last.ms) * 0.15);
                  events.push({
                    kind: 'report',
                    from: 'rectifying',
                    to: 'to-verify',
                    ms: reportFirst,
                    text: '已按要求完成整改，附整改照片',
                    actor: recorder,
                  });
                  events.push({
                    kind: 'verify-fail',
                    from: 'to-verify',
                    to: 'rectifying',
                    ms: failMs,
                    reason: '复查发现整改不到位',
                    method: pick(VERIFY_METHODS),
                    actor: verifier,
                  });
                }
                events.push({
                  kind: 'report',
                  from: 'rectifying',
                  to: 'to-verify',
                  ms: reportMs,
                  text: '整改完毕，请复查',
                  actor: recorder,
                });
                events.push({
                  kind: 'verify-pass',
                  from: 'to-verify',
                  to: 'closed',
                  ms: closeMs,
                  method: pick(VERIFY_METHODS),
                  text: '复查合格',
                  actor: verifier,
                });
                state = 'closed';
                closedMs = closeMs;
              } else if (state === 'rectifying' && chance(0.25)) {
                const last = events[events.length - 1] as { ms: number };
                const reportMs = Math.min(endMs - 3_600_000, last.ms + int(1, 10) * DAY_MS);
                if (reportMs > last.ms) {
                  events.push({
                    kind: 'report',
                    from: 'rectifying',
                    to: 'to-verify',
                    ms: reportMs,
                    text: '整改完毕，请复查',
                    actor: recorder,
                  });
                  state = 'to-verify';
                }
              }
            }
            if (state !== 'closed') summary.openAtEnd += 1;
            const lastMs = (events[events.length - 1] as { ms: number }).ms;
            const description = `${location}：${item.textZh}`;
            insertHazard.run({
              id: hazardId,
              code: `${prefix}${String(seq).padStart(4, '0')}`,
              institutionId: profile.id,
              inspectionId,
              itemKey: item.key,
              ruleItemCode: item.code,
              itemText: item.textZh,
              legalBasis: item.legalBasis,
              location,
              description,
              severity: major ? 'major' : 'general',
              severityBasis: major ? (flag === 'yes' ? 'criterion' : 'inspector') : 'none',
              severityRationale: major
                ? flag === 'yes'
                  ? `符合重大火灾隐患判定情形${item.majorHazard.clause ?? ''}`
                  : '检查人员根据现场情况判定为重大事故隐患'
                : '不属于重大事故隐患判定情形',
              departmentsJson: JSON.stringify(departments.length ? [...new Set(departments)] : ['civil-affairs']),
              requiredAction: `消除“${item.textZh}”问题，整改后报送整改报告`,
              deadlineClass,
              deadlineDate,
              interimMeasures: major ? '整改期间落实专人值守、加强防火巡查，必要时停止使用相关区域' : null,
              state,
              fixedOnSpot: fixedOnSpot ? 1 : 0,
              recorderId: recorder.id,
              recorderName: recorder.name,
              recordedAt: iso(recordedMs),
              closedAt: closedMs === null ? null : iso(closedMs),
              updatedAt: iso(lastMs),
            });
            events.forEach((e, i) => {
              insertEvent.run(
                idAt(e.ms),
                hazardId,
                i + 1,
                e.kind,
                e.from,
                e.to,
                e.actor.id,
                e.actor.name,
                iso(e.ms),
                e.reason ?? null,
                e.text ?? null,
                e.method ?? null,
                e.kind === 'create' ? inspectionId : null,
              );
            });
            summary.hazards += 1;
            summary.events += events.length;
            if (options.answers !== false) {
              const fixed = fixedOnSpot ? 1 : 0;
              insertAnswer.run(
                idAt(recordedMs),
                inspectionId,
                item.key,
                location,
                description,
                fixed,
                iso(recordedMs),
                creator.id,
              );
              summary.answers += 1;
            }
          });
        }
      }
      insertAudit.run(
        idAt(at(yearLast, 23 * 60)),
        iso(Math.min(endMs, at(yearLast, 23 * 60))),
        `district-${options.seed}-${year}`,
        JSON.stringify({
          year,
          inspections: summary.inspections - before.inspections,
          hazards: summary.hazards - before.hazards,
          events: summary.events - before.events,
        }),
      );
    })();
  }
  return summary;
}
