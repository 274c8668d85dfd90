import fs from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { z } from 'zod';
import { departments, towns } from '../../../db/schema';
import { inTransaction, recordSystemChange } from '../audit';
import type { ServiceDeps } from '../context';

const departmentsFileSchema = z.array(
  z.object({ key: z.string().min(1), nameZh: z.string().min(1), shortZh: z.string().min(1), nameEn: z.string().min(1) }),
);

/** Shape of a district's town list file (resources/seed/towns-*.json); another district ships its own file. */
export const townsFileSchema = z.object({
  district: z.string().min(1),
  towns: z
    .array(
      z.object({
        code: z.string().min(1),
        name: z.string().min(1),
        kind: z.enum(['街道', '镇']),
        order: z.number().int(),
      }),
    )
    .min(1),
});

/** A parsed town list file. */
export type TownsFile = z.infer<typeof townsFileSchema>;

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`参考数据文件 ${path.basename(file)} 格式错误：${first?.path.join('.')} ${first?.message}`);
  }
  return parsed.data;
}

/** Default town list shipped with the app (Pudong); overridable with CAREINSPECT_TOWNS_FILE. */
export function defaultTownsFile(resourcesDir: string): string {
  return process.env.CAREINSPECT_TOWNS_FILE ?? path.join(resourcesDir, 'seed', 'towns-pudong.json');
}

/**
 * Loads the reference data a fresh database needs (departments, the district's towns). Runs on every start
 * but only fills empty tables, so an administrator's later edits are never overwritten.
 */
export function seedReferenceData(deps: ServiceDeps, townsFile = defaultTownsFile(deps.resourcesDir)): void {
  const deptRows = readJson(path.join(deps.resourcesDir, 'seed', 'departments.json'), departmentsFileSchema);
  const townList = readJson(townsFile, townsFileSchema);
  inTransaction(deps, () => {
    const haveDepartments = deps.db.select({ n: count() }).from(departments).get()?.n ?? 0;
    if (haveDepartments === 0) {
      deptRows.forEach((d, i) => {
        const row = { ...d, sortOrder: i + 1 };
        deps.db.insert(departments).values(row).run();
        recordSystemChange(deps, { entity: 'department', entityId: d.key, action: 'seed', after: row });
      });
    }
    const haveTowns = deps.db.select({ n: count() }).from(towns).get()?.n ?? 0;
    if (haveTowns === 0) {
      for (const t of townList.towns) {
        const row = {
          id: deps.newId(),
          code: t.code,
          name: t.name,
          kind: t.kind,
          district: townList.district,
          sortOrder: t.order,
          isActive: true,
        };
        deps.db.insert(towns).values(row).run();
        recordSystemChange(deps, { entity: 'town', entityId: row.id, action: 'seed', after: row });
      }
    }
  });
}
