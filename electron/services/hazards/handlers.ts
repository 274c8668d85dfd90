import { asc } from 'drizzle-orm';
import { departments } from '../../../db/schema';
import type { Hazard } from '../../api';
import type { HandlerGroup } from '../registry';
import {
  createHazard,
  hazardDetail,
  recordRecheck,
  referHazards,
  remindHazard,
  transitionHazard,
  updateHazard,
  updateReferral,
} from './operations';
import { hazardPhotoData, uploadHazardPhoto } from './photos';
import { listHazards, today } from './records';
import { hazardSettings, updateHazardSettings } from './settings';

interface CountRow {
  key: string;
  name: string;
  open: number;
  overdue: number;
  major: number;
}

/** Counts per key (a hazard with two departments counts for both), in the given key order. */
function countBy(
  items: Hazard[],
  keysOf: (h: Hazard) => string[],
  order: Array<{ key: string; name: string }>,
): CountRow[] {
  const rows = new Map(order.map((o) => [o.key, { ...o, open: 0, overdue: 0, major: 0 }]));
  for (const h of items) {
    if (h.state === 'closed') continue;
    for (const key of keysOf(h)) {
      const row = rows.get(key);
      if (!row) continue;
      row.open += 1;
      if (h.overdue) row.overdue += 1;
      if (h.severity === 'major') row.major += 1;
    }
  }
  return [...rows.values()].filter((r) => r.open > 0);
}

/** Handlers of the 隐患整改 module. */
export function createHazardsHandlers(): HandlerGroup {
  return {
    'hazards:list': (input, ctx) => {
      const items = listHazards(ctx.deps, input);
      const all = listHazards(ctx.deps, { state: 'all' });
      const depts = ctx.deps.db
        .select({ key: departments.key, name: departments.shortZh })
        .from(departments)
        .orderBy(asc(departments.sortOrder))
        .all();
      const townOrder = new Map<string, string>();
      const institutionsSeen = new Map<string, { id: string; name: string; townId: string }>();
      for (const h of all) {
        townOrder.set(h.townId, h.townName);
        institutionsSeen.set(h.institutionId, { id: h.institutionId, name: h.institutionName, townId: h.townId });
      }
      return {
        items,
        today: today(ctx.deps),
        countsByDepartment: countBy(items, (h) => h.departments, depts),
        countsByTown: countBy(
          items,
          (h) => [h.townId],
          [...townOrder].map(([key, name]) => ({ key, name })),
        ).sort((a, b) => b.open - a.open),
        institutions: [...institutionsSeen.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
      };
    },
    'hazards:get': (input, ctx) => hazardDetail(ctx, input.id),
    'hazards:list-open-for-institution': (input, ctx) =>
      listHazards(ctx.deps, { state: 'open', institutionId: input.institutionId }),
    'hazards:create': (input, ctx) => createHazard(ctx, input),
    'hazards:update': (input, ctx) => updateHazard(ctx, input),
    'hazards:transition': (input, ctx) => transitionHazard(ctx, input),
    'hazards:record-recheck': (input, ctx) => recordRecheck(ctx, input),
    'hazards:remind': (input, ctx) => remindHazard(ctx, input),
    'hazards:refer': (input, ctx) => referHazards(ctx, input),
    'hazards:update-referral': (input, ctx) => updateReferral(ctx, input),
    'hazards:upload-photo': (input, ctx) => uploadHazardPhoto(ctx, input),
    'hazards:photo-data': (input, ctx) => hazardPhotoData(ctx.deps, input.photoId, input.thumb),
    'hazards:get-settings': (_input, ctx) => hazardSettings(ctx.deps),
    'hazards:update-settings': (input, ctx) => updateHazardSettings(ctx, input),
  };
}
