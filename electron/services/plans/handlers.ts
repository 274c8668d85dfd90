import type { HandlerGroup } from '../registry';
import { drawPlan, verifyStoredDraw } from './draws';
import { cancelPlan, createPlan, updatePlan } from './plans';
import { exportDrawLog } from './publication';
import { listPlans, planDetail } from './records';
import { addRecusal, createInspector, listInspectors, removeRecusal, updateInspector } from './roster';
import { getAssignment, listMyAssignments, scheduleEvenly, setAssignmentDate } from './schedule';

/** Handlers of the 检查计划 module: the inspector roster, plans, draws, schedule and the draw log. */
export function createPlansHandlers(): HandlerGroup {
  return {
    'inspectors:list': (input, ctx) => listInspectors(ctx, input.includeInactive ?? false),
    'inspectors:create': (input, ctx) => createInspector(ctx, input),
    'inspectors:update': (input, ctx) => updateInspector(ctx, input),
    'inspectors:add-recusal': (input, ctx) => addRecusal(ctx, input),
    'inspectors:remove-recusal': (input, ctx) => removeRecusal(ctx, input.id),
    'plans:list': (input, ctx) => listPlans(ctx.deps, input.includeCancelled ?? false),
    'plans:get': (input, ctx) => planDetail(ctx.deps, input.id),
    'plans:create': (input, ctx) => createPlan(ctx, input),
    'plans:update': (input, ctx) => updatePlan(ctx, input),
    'plans:cancel': (input, ctx) => cancelPlan(ctx, input.id, input.reason),
    'plans:draw': (input, ctx) => drawPlan(ctx, input, null),
    'plans:redraw': (input, ctx) => drawPlan(ctx, input, input.reason),
    'plans:verify-draw': (input, ctx) => verifyStoredDraw(ctx, input.drawId),
    'plans:schedule-evenly': (input, ctx) => scheduleEvenly(ctx, input.planId),
    'plans:set-assignment-date': (input, ctx) => setAssignmentDate(ctx, input.assignmentId, input.date),
    'plans:list-my-assignments': (_input, ctx) => listMyAssignments(ctx),
    'plans:get-assignment': (input, ctx) => getAssignment(ctx, input.id),
    'plans:export-draw-log': (input, ctx) => exportDrawLog(ctx, input.planId, input.format),
  };
}
