import { cachedStatement } from '../../../db/queries/statement-cache';
import { AppError } from '../errors';
import { shanghaiDate } from '../hazards/dates';
import type { HandlerGroup } from '../registry';
import { statisticsDashboard } from './queries';

/** Handlers of the 统计 module: read-only figures for the joint-supervision meeting. */
export function createStatisticsHandlers(): HandlerGroup {
  return {
    'statistics:dashboard': (input, ctx) => {
      const sqlite = ctx.deps.sqlite;
      // An unknown filter would silently answer "all zeros", which reads like good news; say what is wrong.
      if (input.townId && !cachedStatement(sqlite, 'SELECT 1 FROM towns WHERE id = ?').get(input.townId)) {
        throw new AppError('VALIDATION', '所选街镇不存在，请重新选择');
      }
      if (
        input.departmentKey &&
        !cachedStatement(sqlite, 'SELECT 1 FROM departments WHERE key = ?').get(input.departmentKey)
      ) {
        throw new AppError('VALIDATION', '所选部门不存在，请重新选择');
      }
      return statisticsDashboard(sqlite, { ...input, today: shanghaiDate(ctx.deps.clock()) });
    },
  };
}
