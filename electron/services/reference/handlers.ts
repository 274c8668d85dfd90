import { asc, eq } from 'drizzle-orm';
import { departments, towns } from '../../../db/schema';
import { inTransaction, recordChange } from '../audit';
import { notFound } from '../errors';
import type { HandlerGroup } from '../registry';

/** Handlers for reference data: towns (街镇) and departments. */
export function createReferenceHandlers(): HandlerGroup {
  return {
    'towns:list': (input, ctx) => {
      const rows = ctx.deps.db.select().from(towns).orderBy(asc(towns.sortOrder)).all();
      return input.includeInactive ? rows : rows.filter((t) => t.isActive);
    },
    'towns:update': (input, ctx) =>
      inTransaction(ctx.deps, () => {
        const before = ctx.deps.db.select().from(towns).where(eq(towns.id, input.id)).get();
        if (!before) throw notFound('街镇');
        const patch = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
        };
        ctx.deps.db.update(towns).set(patch).where(eq(towns.id, input.id)).run();
        const after = { ...before, ...patch };
        recordChange(ctx, { entity: 'town', entityId: input.id, action: 'update', before, after });
        return after;
      }),
    'departments:list': (_input, ctx) => ctx.deps.db.select().from(departments).orderBy(asc(departments.sortOrder)).all(),
  };
}
