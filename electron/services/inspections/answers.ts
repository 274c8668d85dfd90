import type Database from 'better-sqlite3';
import { cachedStatement } from '../../../db/queries/statement-cache';
import { answerFieldNames, type AnswerFieldName, type AnswerPatch, type InspectionAnswer } from '../../api';
import { inTransaction, recordChange } from '../audit';
import type { CallContext } from '../context';
import { AppError, notFound } from '../errors';
import { applicableChecklist, itemLabel, type PlacedItem } from './applicable';

/** An answer row as the hot path reads and writes it (snake_case columns aliased to camelCase). */
export interface AnswerRow extends InspectionAnswer {
  id: string;
}

/** SQLite hands booleans back as 0/1. */
type StoredAnswerRow = Omit<AnswerRow, 'fixedOnSpot'> & { fixedOnSpot: number };

const SELECT_ANSWER = `SELECT id, item_key AS itemKey, result, measurement_value AS measurementValue,
  measurement_unit AS measurementUnit, count_value AS countValue, text_value AS textValue, note,
  location_building AS locationBuilding, location_floor AS locationFloor, location_room AS locationRoom,
  location_text AS locationText, description, fixed_on_spot AS fixedOnSpot, updated_at AS updatedAt
  FROM inspection_answers WHERE inspection_id = ? AND item_key = ?`;

const SELECT_ANSWERS = SELECT_ANSWER.replace(' AND item_key = ?', ' ORDER BY updated_at, id');

// One statement for insert and update: the unique (inspection, item) index decides, so two quick saves of the
// same item can never create two rows.
const UPSERT_ANSWER = `INSERT INTO inspection_answers (id, inspection_id, item_key, result, measurement_value,
  measurement_unit, count_value, text_value, note, location_building, location_floor, location_room, location_text,
  description, fixed_on_spot, updated_at, updated_by_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (inspection_id, item_key) DO UPDATE SET result = excluded.result,
  measurement_value = excluded.measurement_value, measurement_unit = excluded.measurement_unit,
  count_value = excluded.count_value, text_value = excluded.text_value, note = excluded.note,
  location_building = excluded.location_building, location_floor = excluded.location_floor,
  location_room = excluded.location_room, location_text = excluded.location_text,
  description = excluded.description, fixed_on_spot = excluded.fixed_on_spot, updated_at = excluded.updated_at,
  updated_by_id = excluded.updated_by_id`;

function fromStored(row: StoredAnswerRow): AnswerRow {
  return { ...row, fixedOnSpot: row.fixedOnSpot === 1 };
}

/** The stored answer of one item, or undefined. */
export function readAnswer(sqlite: Database.Database, inspectionId: string, itemKey: string): AnswerRow | undefined {
  const row = cachedStatement(sqlite, SELECT_ANSWER).get(inspectionId, itemKey) as StoredAnswerRow | undefined;
  return row ? fromStored(row) : undefined;
}

/** Every stored answer of an inspection. */
export function readAnswers(sqlite: Database.Database, inspectionId: string): AnswerRow[] {
  return (cachedStatement(sqlite, SELECT_ANSWERS).all(inspectionId) as StoredAnswerRow[]).map(fromStored);
}

/** Status of an inspection, or NOT_FOUND. */
export function inspectionStatus(sqlite: Database.Database, inspectionId: string): 'in_progress' | 'finished' {
  const row = cachedStatement(sqlite, 'SELECT status FROM inspections WHERE id = ?').get(inspectionId) as
    { status: 'in_progress' | 'finished' } | undefined;
  if (!row) throw notFound('检查记录');
  return row.status;
}

/** Throws CONFLICT unless the inspection is still in progress (finished inspections change only by amendment). */
export function requireInProgress(sqlite: Database.Database, inspectionId: string): void {
  if (inspectionStatus(sqlite, inspectionId) !== 'in_progress') {
    throw new AppError('CONFLICT', '本次检查已完成并锁定，不能再修改；如需更正，请使用“更正”并填写原因');
  }
}

/** The item of the inspection's checklist, or VALIDATION when the key is not one of its applicable items. */
export function requireItem(sqlite: Database.Database, inspectionId: string, itemKey: string): PlacedItem {
  const placed = applicableChecklist(sqlite, inspectionId).items.get(itemKey);
  if (!placed) throw new AppError('VALIDATION', '该检查项不属于本次检查的检查表');
  return placed;
}

function emptyAnswer(itemKey: string): AnswerRow {
  return {
    id: '',
    itemKey,
    result: null,
    measurementValue: null,
    measurementUnit: null,
    countValue: null,
    textValue: null,
    note: null,
    locationBuilding: null,
    locationFloor: null,
    locationRoom: null,
    locationText: null,
    description: null,
    fixedOnSpot: false,
    updatedAt: '',
  };
}

/** Rejects extras the item does not record, so a stray value never lands in a report. */
function checkExtras(placed: PlacedItem, patch: AnswerPatch): void {
  const extra = placed.item.answer.extra;
  const label = itemLabel(placed);
  if (patch.measurementValue != null && extra !== 'measurement')
    throw new AppError('VALIDATION', `${label}不记录测量值`);
  if (patch.countValue != null && extra !== 'count') throw new AppError('VALIDATION', `${label}不记录数量`);
  if (patch.textValue != null && extra !== 'text') throw new AppError('VALIDATION', `${label}不记录填写内容`);
}

/** The fields of `patch` whose value differs from `before`. */
export function changedFields(before: AnswerRow, patch: AnswerPatch): AnswerFieldName[] {
  return answerFieldNames.filter((f) => patch[f] !== undefined && patch[f] !== before[f]);
}

function pick(row: AnswerRow, fields: readonly AnswerFieldName[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, row[f]]));
}

/**
 * Applies a patch to an answer inside the caller's transaction: one UPSERT through a cached statement and the
 * audit record of exactly the fields that changed. The inspection row is deliberately not touched: every page a
 * save dirties is paid again at the next WAL checkpoint, and "last worked on" is the newest answer's time anyway. Returns the stored row
 * and the changed fields (empty when the patch changed nothing: then nothing is written).
 */
export function writeAnswer(
  ctx: CallContext,
  inspectionId: string,
  placed: PlacedItem,
  patch: AnswerPatch,
  audit: { action?: string; reason?: string | null } = {},
): { row: AnswerRow; changed: AnswerFieldName[]; before: AnswerRow } {
  const sqlite = ctx.deps.sqlite;
  const before = readAnswer(sqlite, inspectionId, placed.item.key) ?? emptyAnswer(placed.item.key);
  const changed = changedFields(before, patch);
  if (changed.length === 0 && before.id) return { row: before, changed, before };
  const now = ctx.now();
  const actor = ctx.actor();
  const unit = placed.item.answer.extra === 'measurement' ? (placed.item.answer.unit ?? null) : null;
  const row: AnswerRow = { ...before, ...pick({ ...before, ...patch } as AnswerRow, changed), updatedAt: now };
  row.id = before.id || ctx.deps.newId();
  row.measurementUnit = row.measurementValue === null ? null : unit;
  cachedStatement(sqlite, UPSERT_ANSWER).run(
    row.id,
    inspectionId,
    row.itemKey,
    row.result,
    row.measurementValue,
    row.measurementUnit,
    row.countValue,
    row.textValue,
    row.note,
    row.locationBuilding,
    row.locationFloor,
    row.locationRoom,
    row.locationText,
    row.description,
    row.fixedOnSpot ? 1 : 0,
    row.updatedAt,
    actor.id,
  );
  recordChange(
    ctx,
    {
      entity: 'inspection-answer',
      entityId: row.id,
      action: audit.action ?? (before.id ? 'update' : 'create'),
      before: before.id ? { inspectionId, itemKey: row.itemKey, ...pick(before, changed) } : undefined,
      after: { inspectionId, itemKey: row.itemKey, ...pick(row, changed) },
      reason: audit.reason ?? null,
    },
    actor,
  );
  return { row, changed, before };
}

/** Public shape of an answer row. */
export function toAnswer(row: AnswerRow): InspectionAnswer {
  const { id: _id, ...answer } = row;
  return answer;
}

/**
 * `inspections:save-answer`: persists one answer change the moment it is made, in one small transaction
 * (answer row + audit record). The item must belong to the inspection and the inspection must be in progress.
 */
export function saveAnswer(
  ctx: CallContext,
  input: AnswerPatch & { inspectionId: string; itemKey: string },
): InspectionAnswer {
  const { inspectionId, itemKey, ...patch } = input;
  if (!answerFieldNames.some((f) => patch[f] !== undefined)) throw new AppError('VALIDATION', '没有要保存的内容');
  const placed = requireItem(ctx.deps.sqlite, inspectionId, itemKey);
  checkExtras(placed, patch);
  return inTransaction(ctx.deps, () => {
    requireInProgress(ctx.deps.sqlite, inspectionId);
    return toAnswer(writeAnswer(ctx, inspectionId, placed, patch).row);
  });
}

/** Checks a patch against the item before an amendment. */
export function checkAnswerPatch(placed: PlacedItem, patch: AnswerPatch): void {
  checkExtras(placed, patch);
}
