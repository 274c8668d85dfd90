import { eq } from 'drizzle-orm';
import { institutions, towns } from '../../../db/schema';
import type { Institution, InstitutionFields } from '../../api';
import type { ServiceDeps } from '../context';
import { AppError, notFound } from '../errors';
import { validateUscc } from './uscc';

/** A stored institution row. */
export type InstitutionRow = typeof institutions.$inferSelect;

/** The editable fields in storage order, shared by the form, the import and the change lists. */
export const FIELD_KEYS = [
  'name',
  'uscc',
  'licenceNo',
  'licenceDate',
  'address',
  'townId',
  'type',
  'bedCount',
  'residentsSelfCare',
  'residentsSemiDisabled',
  'residentsDisabled',
  'residentsDementia',
  'legalRepresentative',
  'contactPerson',
  'contactPhone',
  'fireSafetyResponsible',
  'fireSafetyManager',
  'buildingYear',
  'buildingStoreys',
  'buildingStructure',
  'buildingShared',
  'hasCanteen',
  'hasClinic',
  'hasLifts',
  'hasPipedGas',
  'hasLpg',
  'hasOxygen',
  'hasEbikeParking',
  'arcFaultDetection',
  'arcFaultDetectionDate',
  'electricalFireMonitoring',
  'electricalFireMonitoringDate',
  'status',
  'notes',
] as const satisfies readonly (keyof InstitutionFields)[];

/** snake_case column name of a camelCase key, as drizzle's `casing: 'snake_case'` maps it. */
export function columnName(key: string): string {
  return key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
}

/** A row as the renderer sees it (with its town's name). */
export function toInstitution(row: InstitutionRow, townName: string): Institution {
  return { ...row, townName };
}

/** Loads one institution with its town's name, or throws NOT_FOUND. */
export function getInstitution(deps: ServiceDeps, id: string): Institution {
  const found = deps.db
    .select({ row: institutions, townName: towns.name })
    .from(institutions)
    .innerJoin(towns, eq(towns.id, institutions.townId))
    .where(eq(institutions.id, id))
    .get();
  if (!found) throw notFound('机构');
  return toInstitution(found.row, found.townName);
}

/** Many institutions in the given order, with one query (the export reads thousands). */
export function getInstitutions(deps: ServiceDeps, ids: readonly string[]): Institution[] {
  const wanted = new Set(ids);
  const byId = new Map<string, Institution>();
  const rows = deps.db
    .select({ row: institutions, townName: towns.name })
    .from(institutions)
    .innerJoin(towns, eq(towns.id, institutions.townId))
    .all();
  for (const r of rows) if (wanted.has(r.row.id)) byId.set(r.row.id, toInstitution(r.row, r.townName));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** True when two sets of fields are equal field by field. */
export function sameFields(a: InstitutionFields, b: InstitutionFields): boolean {
  return FIELD_KEYS.every((k) => a[k] === b[k]);
}

/** Only the editable fields of a stored institution (the part audit before/after images compare). */
export function fieldsOf(row: InstitutionRow | Institution): InstitutionFields {
  const out: Record<string, unknown> = {};
  for (const k of FIELD_KEYS) out[k] = row[k];
  return out as InstitutionFields;
}

/**
 * Checks what the field schema cannot: the 统一社会信用代码's check characters, that the town exists, and that
 * neither the code nor the name belongs to another institution. Returns the fields with the code normalised
 * and the town's name; throws VALIDATION listing every problem by field.
 */
export function checkFields(
  deps: ServiceDeps,
  fields: InstitutionFields,
  excludeId: string | null,
): { fields: InstitutionFields; townName: string } {
  const issues: Array<{ path: string; message: string }> = [];
  const uscc = validateUscc(fields.uscc);
  if (!uscc.ok) issues.push({ path: 'uscc', message: uscc.message });
  const town = deps.db.select({ name: towns.name }).from(towns).where(eq(towns.id, fields.townId)).get();
  if (!town) issues.push({ path: 'townId', message: '所选街镇不存在，请从列表中选择' });
  if (uscc.ok) {
    const other = deps.sqlite
      .prepare('SELECT id, name FROM institutions WHERE uscc = ? AND id <> ?')
      .get(uscc.code, excludeId ?? '') as { id: string; name: string } | undefined;
    if (other) issues.push({ path: 'uscc', message: `统一社会信用代码已被“${other.name}”使用` });
  }
  const sameName = deps.sqlite
    .prepare('SELECT uscc FROM institutions WHERE name = ? AND id <> ?')
    .get(fields.name, excludeId ?? '') as { uscc: string } | undefined;
  if (sameName) {
    issues.push({ path: 'name', message: `已有同名机构（统一社会信用代码 ${sameName.uscc}），机构名称不能重复` });
  }
  if (issues.length) throw new AppError('VALIDATION', issues.map((i) => i.message).join('；'), issues);
  return { fields: { ...fields, uscc: uscc.code }, townName: town?.name ?? '' };
}
