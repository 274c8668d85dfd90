import type { HandlerGroup } from '../registry';
import { saveAnswer } from './answers';
import { addPhoto, photoData, refuseSignature, removePhoto, sign, signatureData } from './evidence';
import { amendAnswer, completionOf, finishInspection, locationSuggestions } from './finish';
import { inspectionDetail, listInspections, startInspection, updateTeam } from './records';

/** Handlers of the 现场检查 module: start, answer, photos, signatures, finish (lock + hazards) and amendments. */
export function createInspectionsHandlers(): HandlerGroup {
  return {
    'inspections:list': (input, ctx) => listInspections(ctx.deps, input),
    'inspections:get': (input, ctx) => inspectionDetail(ctx.deps, input.inspectionId),
    'inspections:start': (input, ctx) => startInspection(ctx, input),
    'inspections:update-team': (input, ctx) => updateTeam(ctx, input),
    'inspections:save-answer': (input, ctx) => saveAnswer(ctx, input),
    'inspections:add-photo': (input, ctx) => addPhoto(ctx, input),
    'inspections:remove-photo': (input, ctx) => removePhoto(ctx, input.inspectionPhotoId),
    'inspections:photo-data': (input, ctx) => photoData(ctx.deps, input.photoId, input.variant),
    'inspections:location-suggestions': (input, ctx) => locationSuggestions(ctx.deps, input.inspectionId),
    'inspections:sign': (input, ctx) => sign(ctx, input),
    'inspections:refuse-signature': (input, ctx) => refuseSignature(ctx, input),
    'inspections:signature-data': (input, ctx) => signatureData(ctx.deps, input.inspectionId, input.signerKey),
    'inspections:completion': (input, ctx) => completionOf(ctx.deps, input.inspectionId),
    'inspections:finish': (input, ctx) => finishInspection(ctx, input.inspectionId),
    'inspections:amend': (input, ctx) => amendAnswer(ctx, input),
  };
}
