import {
  BookOutlined,
  CameraOutlined,
  CheckCircleFilled,
  EditOutlined,
  ExclamationCircleFilled,
  LoadingOutlined,
} from '@ant-design/icons';
import { AutoComplete, Button, Checkbox, Input, InputNumber, Space, Tag, Tooltip, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { memo, useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AnswerResult,
  InspectionAnswer,
  InspectionPhoto,
  InspectionPhotoRole,
  SnapshotItem,
} from '../../../../electron/api';
import { PhotoThumb } from './PhotoThumb';
import type { SaveState } from './use-answer-saver';

/** Text fields of an answer the row edits with debounced saves. */
export type RowTextField =
  'note' | 'description' | 'locationBuilding' | 'locationFloor' | 'locationRoom' | 'locationText' | 'textValue';

/** Recent location values offered while typing. */
export interface LocationSuggestions {
  buildings: string[];
  floors: string[];
  rooms: string[];
}

/** What the row may do; the runner owns the state and the saving. */
export interface ItemRowProps {
  item: SnapshotItem;
  number: number;
  answer: InspectionAnswer | undefined;
  saveState: SaveState | undefined;
  photos: InspectionPhoto[];
  current: boolean;
  expanded: boolean;
  editable: boolean;
  amendable: boolean;
  uploading: boolean;
  suggestions: LocationSuggestions;
  /** Increments when the runner asks the row to put the caret in its first field. */
  focusToken: number;
  onSelect: (key: string) => void;
  onResult: (key: string, result: AnswerResult) => void;
  onText: (key: string, field: RowTextField, value: string) => void;
  onFlush: () => void;
  onPatch: (
    key: string,
    patch: { measurementValue?: number | null; countValue?: number | null; fixedOnSpot?: boolean },
  ) => void;
  onPhotos: (key: string, files: File[], role: InspectionPhotoRole) => void;
  onPickPhoto: (key: string, role: InspectionPhotoRole) => void;
  onRemovePhoto: (id: string) => void;
  onRetry: (key: string) => void;
  onLaw: (key: string) => void;
  onAmend: (key: string) => void;
}

const RESULTS: Array<{ value: AnswerResult; key: string; i18n: string; className: string }> = [
  { value: '符合', key: '1', i18n: 'pass', className: 'insp-result-pass' },
  { value: '不符合', key: '2', i18n: 'fail', className: 'insp-result-fail' },
  { value: '不适用', key: '3', i18n: 'na', className: 'insp-result-na' },
];

function SaveIndicator({ state, onRetry }: { state: SaveState | undefined; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!state) return null;
  if (state.state === 'saving') {
    return (
      <span className="insp-save insp-save-saving" data-save-state="saving">
        <LoadingOutlined /> {t('inspections.save.saving')}
      </span>
    );
  }
  if (state.state === 'saved') {
    return (
      <span className="insp-save insp-save-saved" data-save-state="saved">
        <CheckCircleFilled /> {t('inspections.save.saved')}
      </span>
    );
  }
  return (
    <span className="insp-save insp-save-error" data-save-state="error" role="alert">
      <ExclamationCircleFilled /> {t('inspections.save.error')}：{state.message}{' '}
      <Button size="small" onClick={onRetry}>
        {t('inspections.save.retry')}
      </Button>
    </span>
  );
}

function filesOf(e: DragEvent): File[] {
  return Array.from(e.dataTransfer.files).filter((f) => f.type.startsWith('image/') || f.type === '');
}

/** One checklist item: result keys, extras, note, 不符合 details, photos, and its own saved indicator. */
export const ItemRow = memo(function ItemRow(props: ItemRowProps) {
  const { t } = useTranslation();
  const { item, answer, editable, photos, current, focusToken } = props;
  const [dragging, setDragging] = useState(false);
  const noteRef = useRef<TextAreaRef>(null);
  const descriptionRef = useRef<TextAreaRef>(null);
  const rowRef = useRef<HTMLDivElement>(null);
  const failed = answer?.result === '不符合';
  const showDetails = failed || props.expanded || Boolean(answer?.note);

  useEffect(() => {
    if (current) rowRef.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  useEffect(() => {
    if (focusToken === 0 || !current) return;
    (failed ? descriptionRef.current : noteRef.current)?.focus();
    // Only a new request moves the caret, not a re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusToken]);

  const evidence = photos.filter((p) => p.role === 'evidence');
  const after = photos.filter((p) => p.role === 'after-fix');
  const extra = item.answer.extra;
  const text = (field: RowTextField) => ({
    value: answer?.[field] ?? '',
    disabled: !editable,
    onBlur: props.onFlush,
  });
  const onDrop = (role: InspectionPhotoRole) => (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setDragging(false);
    if (editable) props.onPhotos(item.key, filesOf(e), role);
  };

  return (
    <div
      ref={rowRef}
      className={`insp-item ${props.current ? 'insp-item-current' : ''} ${failed ? 'insp-item-failed' : ''} ${dragging ? 'insp-item-drag' : ''}`}
      data-item-key={item.key}
      data-testid="inspection-item"
      aria-current={props.current ? 'true' : undefined}
      onClick={() => props.onSelect(item.key)}
      onDragOver={(e) => {
        if (!editable) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop('evidence')}
    >
      <div className="insp-item-head">
        <span className="insp-item-number">{props.number}.</span>
        <Tag>{item.code}</Tag>
        <span className="insp-item-text">{item.textZh}</span>
        {item.majorHazard.flag === 'yes' ? <Tag color="red">{t('inspections.item.majorYes')}</Tag> : null}
        {item.majorHazard.flag === 'possible' ? <Tag color="orange">{t('inspections.item.major')}</Tag> : null}
        <span className="insp-item-spacer" />
        <SaveIndicator state={props.saveState} onRetry={() => props.onRetry(item.key)} />
      </div>
      <Typography.Text type="secondary" className="insp-item-hint">
        {t('inspections.item.hint', { hint: item.hint })}
      </Typography.Text>
      <div className="insp-item-actions">
        <Space size={6} wrap>
          {RESULTS.map((r) => (
            <Button
              key={r.value}
              className={`insp-result ${r.className} ${answer?.result === r.value ? 'insp-result-on' : ''}`}
              aria-pressed={answer?.result === r.value}
              disabled={!editable}
              tabIndex={-1}
              onClick={(e) => {
                e.stopPropagation();
                props.onResult(item.key, r.value);
              }}
            >
              <kbd>{r.key}</kbd> {t(`inspections.result.${r.i18n}`)}
            </Button>
          ))}
          {extra === 'measurement' ? (
            <InputNumber
              aria-label={item.answer.label ?? t('inspections.item.measurementDefault')}
              placeholder={item.answer.label ?? t('inspections.item.measurementDefault')}
              value={answer?.measurementValue ?? null}
              disabled={!editable}
              suffix={item.answer.unit ?? undefined}
              style={{ width: 200 }}
              onChange={(v) => props.onPatch(item.key, { measurementValue: typeof v === 'number' ? v : null })}
            />
          ) : null}
          {extra === 'count' ? (
            <InputNumber
              aria-label={t('inspections.item.count')}
              placeholder={t('inspections.item.count')}
              min={0}
              precision={0}
              value={answer?.countValue ?? null}
              disabled={!editable}
              onChange={(v) => props.onPatch(item.key, { countValue: typeof v === 'number' ? v : null })}
            />
          ) : null}
          {extra === 'text' ? (
            <Input
              aria-label={t('inspections.item.text')}
              placeholder={t('inspections.item.text')}
              style={{ width: 260 }}
              {...text('textValue')}
              onChange={(e) => props.onText(item.key, 'textValue', e.target.value)}
            />
          ) : null}
          <Button
            size="small"
            type="text"
            icon={<CameraOutlined />}
            disabled={!editable}
            tabIndex={-1}
            onClick={(e) => {
              e.stopPropagation();
              props.onPickPhoto(item.key, 'evidence');
            }}
          >
            {t('inspections.item.addPhoto')}
          </Button>
          <Button
            size="small"
            type="text"
            icon={<BookOutlined />}
            tabIndex={-1}
            onClick={(e) => {
              e.stopPropagation();
              props.onLaw(item.key);
            }}
          >
            {t('inspections.item.legalBasis')}
          </Button>
          {props.amendable ? (
            <Button size="small" icon={<EditOutlined />} onClick={() => props.onAmend(item.key)}>
              {t('inspections.item.amend')}
            </Button>
          ) : null}
          {item.photoRequiredOnFail && failed ? <Tag color="gold">{t('inspections.item.requiredPhoto')}</Tag> : null}
        </Space>
      </div>
      {evidence.length > 0 || props.uploading ? (
        <div className="insp-photos">
          {evidence.map((p) => (
            <PhotoThumb key={p.id} photo={p} onRemove={editable ? () => props.onRemovePhoto(p.id) : undefined} />
          ))}
          {props.uploading ? (
            <span className="insp-uploading">
              <LoadingOutlined /> {t('inspections.item.uploading')}
            </span>
          ) : null}
        </div>
      ) : null}
      {dragging ? <div className="insp-drop-hint">{t('inspections.item.dropHere')}</div> : null}
      {showDetails ? (
        <div className="insp-details" onClick={(e) => e.stopPropagation()}>
          {failed ? (
            <div className="insp-fail" aria-label={t('inspections.fail.title')}>
              <Space.Compact block>
                <AutoComplete
                  aria-label={t('inspections.fail.building')}
                  placeholder={t('inspections.fail.building')}
                  options={props.suggestions.buildings.map((v) => ({ value: v }))}
                  style={{ width: '22%' }}
                  {...text('locationBuilding')}
                  onChange={(v: string) => props.onText(item.key, 'locationBuilding', v)}
                />
                <AutoComplete
                  aria-label={t('inspections.fail.floor')}
                  placeholder={t('inspections.fail.floor')}
                  options={props.suggestions.floors.map((v) => ({ value: v }))}
                  style={{ width: '16%' }}
                  {...text('locationFloor')}
                  onChange={(v: string) => props.onText(item.key, 'locationFloor', v)}
                />
                <AutoComplete
                  aria-label={t('inspections.fail.room')}
                  placeholder={t('inspections.fail.room')}
                  options={props.suggestions.rooms.map((v) => ({ value: v }))}
                  style={{ width: '22%' }}
                  {...text('locationRoom')}
                  onChange={(v: string) => props.onText(item.key, 'locationRoom', v)}
                />
                <Input
                  aria-label={t('inspections.fail.locationText')}
                  placeholder={t('inspections.fail.locationTextPlaceholder')}
                  style={{ width: '40%' }}
                  {...text('locationText')}
                  onChange={(e) => props.onText(item.key, 'locationText', e.target.value)}
                />
              </Space.Compact>
              <Input.TextArea
                ref={descriptionRef}
                aria-label={t('inspections.fail.description')}
                placeholder={t('inspections.fail.descriptionPlaceholder')}
                autoSize={{ minRows: 2, maxRows: 6 }}
                maxLength={1000}
                {...text('description')}
                onChange={(e) => props.onText(item.key, 'description', e.target.value)}
              />
              <Space wrap>
                <Checkbox
                  checked={answer?.fixedOnSpot ?? false}
                  disabled={!editable}
                  onChange={(e) => props.onPatch(item.key, { fixedOnSpot: e.target.checked })}
                >
                  {t('inspections.fail.fixedOnSpot')}
                </Checkbox>
                {answer?.fixedOnSpot ? (
                  <>
                    <Tooltip title={t('inspections.fail.fixedOnSpotHelp')}>
                      <Button
                        size="small"
                        icon={<CameraOutlined />}
                        disabled={!editable}
                        onClick={() => props.onPickPhoto(item.key, 'after-fix')}
                        onDragOver={(e) => e.preventDefault()}
                        onDrop={onDrop('after-fix')}
                      >
                        {t('inspections.item.addAfterPhoto')}
                      </Button>
                    </Tooltip>
                    {after.map((p) => (
                      <PhotoThumb
                        key={p.id}
                        photo={p}
                        onRemove={editable ? () => props.onRemovePhoto(p.id) : undefined}
                      />
                    ))}
                  </>
                ) : null}
              </Space>
            </div>
          ) : null}
          <Input.TextArea
            ref={noteRef}
            aria-label={t('inspections.item.note')}
            placeholder={t('inspections.item.notePlaceholder')}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={1000}
            {...text('note')}
            onChange={(e) => props.onText(item.key, 'note', e.target.value)}
          />
        </div>
      ) : null}
    </div>
  );
});
