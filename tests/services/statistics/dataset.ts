/**
 * A small hand-built dataset whose figures can be stated by reading it: four institutions in two towns and
 * nine hazards placed around the edges that matter (Shanghai midnight, due today, a backlog from last year,
 * an archived institution, an on-site fix). Rows are written straight into the migrated database so each
 * timestamp is exactly what the test says; the expected numbers live in the tests, derived from this table.
 */
import type Database from 'better-sqlite3';

/** Shanghai wall-clock time → stored ISO instant. */
export function sh(local: string): string {
  return new Date(`${local}+08:00`).toISOString();
}

/** Ids of the dataset's records. */
export interface Dataset {
  town1: string;
  town2: string;
  otherTowns: number;
  institutions: { A: string; B: string; C: string; D: string; E: string };
}

interface HazardSpec {
  id: string;
  institution: string;
  inspection: string | null;
  code: string;
  ruleCode: string;
  recorded: string;
  closed: string | null;
  deadline: string;
  severity: 'major' | 'general';
  departments: string[];
  state: 'to-rectify' | 'rectifying' | 'to-verify' | 'closed';
}

/** Writes the dataset; `userId` is the signed-in administrator (hazards and inspections need an author). */
export function buildDataset(sqlite: Database.Database, userId: string): Dataset {
  const towns = sqlite.prepare('SELECT id FROM towns WHERE is_active = 1 ORDER BY sort_order').all() as Array<{
    id: string;
  }>;
  const town1 = towns[0]?.id ?? '';
  const town2 = towns[1]?.id ?? '';
  const version = (
    sqlite.prepare("SELECT id FROM checklist_template_versions WHERE status = 'published' LIMIT 1").get() as {
      id: string;
    }
  ).id;
  const created = sh('2025-01-01T09:00:00');
  const addInstitution = sqlite.prepare(
    `INSERT INTO institutions (id, name, uscc, address, town_id, type, archived_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '民办', ?, ?, ?)`,
  );
  const inst = { A: 'inst-a', B: 'inst-b', C: 'inst-c', D: 'inst-d', E: 'inst-e' };
  addInstitution.run(inst.A, '甲养老院', '52310115MJ0000001A', '甲路1号', town1, null, created, created);
  addInstitution.run(inst.B, '乙敬老院', '52310115MJ0000002B', '乙路2号', town1, null, created, created);
  addInstitution.run(inst.C, '丙护理院', '52310115MJ0000003C', '丙路3号', town2, null, created, created);
  addInstitution.run(
    inst.D,
    '丁照护之家',
    '52310115MJ0000004D',
    '丁路4号',
    town2,
    sh('2026-02-20T10:00:00'),
    created,
    created,
  );
  addInstitution.run(inst.E, '戊颐养院', '52310115MJ0000005E', '戊路5号', town2, null, created, created);

  const addInspection = sqlite.prepare(
    `INSERT INTO inspections (id, institution_id, template_version_id, status, features_json, started_at, finished_at,
       representative_name, created_by_id, created_by_name, created_at, updated_at)
     VALUES (?, ?, ?, ?, '{}', ?, ?, '院长', ?, '王管理', ?, ?)`,
  );
  const inspection = (id: string, institution: string, started: string, finished: boolean) =>
    addInspection.run(
      id,
      institution,
      version,
      finished ? 'finished' : 'in_progress',
      started,
      finished ? started : null,
      userId,
      started,
      started,
    );
  inspection('I3', inst.A, sh('2025-12-20T09:00:00'), true);
  inspection('I1', inst.A, sh('2026-01-05T09:00:00'), true);
  inspection('I2', inst.B, sh('2026-02-10T09:00:00'), true);
  inspection('I4', inst.C, sh('2026-03-02T08:00:00'), false);
  inspection('I5', inst.D, sh('2026-01-20T09:00:00'), true);

  const hazards: HazardSpec[] = [
    // A: backlog from last year, still open, overdue since 10 Jan.
    {
      id: 'H1',
      institution: inst.A,
      inspection: 'I3',
      code: 'YH-2025-0001',
      ruleCode: 'F01',
      recorded: '2025-12-20T10:00:00',
      closed: null,
      deadline: '2026-01-10',
      severity: 'general',
      departments: ['fire'],
      state: 'rectifying',
    },
    // A: major, closed at 07:00 on 1 Feb in Shanghai (still 31 Jan in UTC): 27 days to close.
    {
      id: 'H2',
      institution: inst.A,
      inspection: 'I1',
      code: 'YH-2026-0001',
      ruleCode: 'F01',
      recorded: '2026-01-05T10:00:00',
      closed: '2026-02-01T07:00:00',
      deadline: '2026-01-20',
      severity: 'major',
      departments: ['fire', 'construction'],
      state: 'closed',
    },
    // A: major, recorded 00:30 on 1 Feb in Shanghai (31 Jan in UTC); due 1 March, so overdue by one day today.
    {
      id: 'H3',
      institution: inst.A,
      inspection: 'I1',
      code: 'YH-2026-0002',
      ruleCode: 'F05',
      recorded: '2026-02-01T00:30:00',
      closed: null,
      deadline: '2026-03-01',
      severity: 'major',
      departments: ['fire'],
      state: 'to-rectify',
    },
    // B: due today, so not overdue.
    {
      id: 'H4',
      institution: inst.B,
      inspection: 'I2',
      code: 'YH-2026-0003',
      ruleCode: 'S01',
      recorded: '2026-02-10T10:00:00',
      closed: null,
      deadline: '2026-03-02',
      severity: 'general',
      departments: ['market'],
      state: 'to-verify',
    },
    // B: closed late, 14 days after recording.
    {
      id: 'H5',
      institution: inst.B,
      inspection: 'I2',
      code: 'YH-2026-0004',
      ruleCode: 'S02',
      recorded: '2026-02-15T10:00:00',
      closed: '2026-03-01T23:59:00',
      deadline: '2026-02-20',
      severity: 'general',
      departments: ['market', 'civil-affairs'],
      state: 'closed',
    },
    // C: found last year, closed this year after 70 days.
    {
      id: 'H6',
      institution: inst.C,
      inspection: null,
      code: 'YH-2025-0002',
      ruleCode: 'S03',
      recorded: '2025-11-01T10:00:00',
      closed: '2026-01-10T10:00:00',
      deadline: '2025-12-01',
      severity: 'general',
      departments: ['civil-affairs'],
      state: 'closed',
    },
    // C: found and closed last year: counts for nothing this year.
    {
      id: 'H7',
      institution: inst.C,
      inspection: null,
      code: 'YH-2025-0003',
      ruleCode: 'S04',
      recorded: '2025-06-01T10:00:00',
      closed: '2025-07-01T10:00:00',
      deadline: '2025-06-15',
      severity: 'general',
      departments: ['health'],
      state: 'closed',
    },
    // D (archived since): major, overdue since 1 Feb.
    {
      id: 'H8',
      institution: inst.D,
      inspection: 'I5',
      code: 'YH-2026-0005',
      ruleCode: 'F05',
      recorded: '2026-01-20T10:00:00',
      closed: null,
      deadline: '2026-02-01',
      severity: 'major',
      departments: ['fire'],
      state: 'rectifying',
    },
    // C: fixed on the spot this morning: found and closed today, 0 days.
    {
      id: 'H9',
      institution: inst.C,
      inspection: null,
      code: 'YH-2026-0006',
      ruleCode: 'F07',
      recorded: '2026-03-02T08:30:00',
      closed: '2026-03-02T08:30:00',
      deadline: '2026-03-02',
      severity: 'general',
      departments: ['fire'],
      state: 'closed',
    },
  ];
  const addHazard = sqlite.prepare(
    `INSERT INTO hazards (id, code, institution_id, source_inspection_id, rule_item_code, location, description, severity,
       severity_basis, severity_rationale, departments_json, required_action, deadline_class, deadline_date, state,
       recorded_by_id, recorded_by_name, recorded_at, closed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '一楼', ?, ?, 'none', '—', ?, '整改', 'normal', ?, ?, ?, '王管理', ?, ?, ?, ?)`,
  );
  for (const h of hazards) {
    const recorded = sh(h.recorded);
    addHazard.run(
      h.id,
      h.code,
      h.institution,
      h.inspection,
      h.ruleCode,
      `隐患 ${h.id}`,
      h.severity,
      JSON.stringify(h.departments),
      h.deadline,
      h.state,
      userId,
      recorded,
      h.closed ? sh(h.closed) : null,
      recorded,
      recorded,
    );
  }
  return { town1, town2, otherTowns: towns.length - 2, institutions: inst };
}
