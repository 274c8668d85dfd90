import { ArrowLeftOutlined, LockOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Progress, Result, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type {
  AnswerResult,
  InspectionDetail,
  InspectionPhoto,
  InspectionPhotoRole,
  SnapshotItem,
} from '../../../../electron/api';
import { call } from '../../api';
import { ArticlePreview } from '../laws/LegalBasis';
import { AmendModal } from './AmendModal';
import { FinishPanel } from './FinishPanel';
import { ItemRow, type LocationSuggestions, type RowTextField } from './ItemRow';
import { OpenHazardsPanel } from './OpenHazardsPanel';
import { fileToBase64 } from './PhotoThumb';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useAnswerSaver } from './use-answer-saver';
import { formatTime, useCurrentRole } from './shared';

type Filter = 'all' | 'unanswered' | 'failed' | 'photos';

interface FlatItem {
  item: SnapshotItem;
  sectionIndex: number;
  number: number;
}

/** Loads one inspection and shows the runner (or a clear error). */
export function InspectionRunnerPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: ['inspections', 'detail', id],
    queryFn: () => call('inspections:get', { inspectionId: id }),
  });
  if (detail.isPending) return <Spin description={t('common.loading')} />;
  if (detail.isError) {
    return (
      <Result
        status="warning"
        title={detail.error.message}
        extra={
          <Link to="/inspections">
            <Button>{t('inspections.runner.back')}</Button>
          </Link>
        }
      />
    );
  }
  return <InspectionRunner key={id} detail={detail.data} />;
}

function isEditable(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && el.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

/**
 * The checklist runner: sections with progress, filters, one row per item, every change saved at once, and the
 * whole thing usable from the keyboard (see {@link ShortcutsHelp}).
 */
function InspectionRunner({ detail }: { detail: InspectionDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const role = useCurrentRole();
  const id = detail.summary.id;
  const inProgress = detail.summary.status === 'in_progress';
  const editable = inProgress && role !== 'viewer' && role !== null;
  const amendable = !inProgress && role !== 'viewer' && role !== null;
  const saver = useAnswerSaver(id, detail.answers, editable);
  const { answers } = saver;
  const [photos, setPhotos] = useState<InspectionPhoto[]>(detail.photos);
  const [uploading, setUploading] = useState<Record<string, number>>({});
  const [filter, setFilter] = useState<Filter>('all');
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const [focusToken, setFocusToken] = useState(0);
  const [lawKey, setLawKey] = useState<string | null>(null);
  const [amendKey, setAmendKey] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [finishOpen, setFinishOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const pickTarget = useRef<{ key: string; role: InspectionPhotoRole } | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const flat = useMemo<FlatItem[]>(
    () =>
      detail.sections.flatMap((s, sectionIndex) => s.items.map((item, i) => ({ item, sectionIndex, number: i + 1 }))),
    [detail.sections],
  );
  const photosByItem = useMemo(() => {
    const map = new Map<string, InspectionPhoto[]>();
    for (const p of photos) if (p.itemKey) map.set(p.itemKey, [...(map.get(p.itemKey) ?? []), p]);
    return map;
  }, [photos]);
  const [currentKey, setCurrentKey] = useState<string | null>(
    () => flat.find((f) => !answers[f.item.key]?.result)?.item.key ?? flat[0]?.item.key ?? null,
  );

  const matches = useCallback(
    (f: FlatItem): boolean => {
      const a = answers[f.item.key];
      if (filter === 'unanswered') return !a?.result;
      if (filter === 'failed') return a?.result === '不符合';
      if (filter === 'photos') return (photosByItem.get(f.item.key)?.length ?? 0) > 0;
      return true;
    },
    [answers, filter, photosByItem],
  );
  // The current item stays visible after it is answered, so "unanswered" does not pull the floor away.
  const visible = useMemo(
    () => flat.filter((f) => matches(f) || f.item.key === currentKey),
    [flat, matches, currentKey],
  );

  const move = useCallback(
    (delta: number) => {
      const index = visible.findIndex((f) => f.item.key === currentKey);
      const next = visible[Math.min(visible.length - 1, Math.max(0, index + delta))];
      if (next) setCurrentKey(next.item.key);
    },
    [visible, currentKey],
  );
  /** Moves to the next visible item that matches the filter (used after answering). */
  const advance = useCallback(() => {
    const index = visible.findIndex((f) => f.item.key === currentKey);
    const next = visible.slice(index + 1).find((f) => matches(f) && f.item.key !== currentKey);
    if (next) setCurrentKey(next.item.key);
  }, [visible, currentKey, matches]);
  const jumpSection = useCallback(
    (delta: number) => {
      const current = flat.find((f) => f.item.key === currentKey);
      const from = current?.sectionIndex ?? 0;
      const candidates =
        delta > 0 ? visible.filter((f) => f.sectionIndex > from) : visible.filter((f) => f.sectionIndex < from);
      const targetSection = delta > 0 ? candidates[0]?.sectionIndex : candidates[candidates.length - 1]?.sectionIndex;
      const target = visible.find((f) => f.sectionIndex === targetSection);
      if (target) setCurrentKey(target.item.key);
    },
    [flat, visible, currentKey],
  );

  const answer = useCallback(
    (key: string, result: AnswerResult) => {
      if (!editable) return;
      setCurrentKey(key);
      saver.save(key, { result });
      if (result === '不符合') {
        setExpanded((e) => ({ ...e, [key]: true }));
        setFocusToken((n) => n + 1);
      }
    },
    [editable, saver],
  );

  const upload = useCallback(
    async (key: string, files: File[], role: InspectionPhotoRole) => {
      if (!editable || files.length === 0) return;
      setUploading((u) => ({ ...u, [key]: (u[key] ?? 0) + 1 }));
      try {
        for (const file of files) {
          try {
            const photo = await call('inspections:add-photo', {
              inspectionId: id,
              itemKey: key,
              role,
              fileName: file.name,
              base64: await fileToBase64(file),
            });
            setPhotos((all) => (all.some((p) => p.id === photo.id) ? all : [...all, photo]));
          } catch (error) {
            void message.error(`${file.name}：${error instanceof Error ? error.message : String(error)}`);
          }
        }
      } finally {
        setUploading((u) => ({ ...u, [key]: (u[key] ?? 1) - 1 }));
      }
    },
    [editable, id, message],
  );
  const pickPhoto = useCallback((key: string, role: InspectionPhotoRole) => {
    pickTarget.current = { key, role };
    setCurrentKey(key);
    fileInput.current?.click();
  }, []);
  const removePhoto = useMutation({
    mutationFn: (inspectionPhotoId: string) => call('inspections:remove-photo', { inspectionPhotoId }),
    onSuccess: (_r, inspectionPhotoId) => setPhotos((all) => all.filter((p) => p.id !== inspectionPhotoId)),
    onError: (e) => void message.error(e.message),
  });

  const overlayOpen = finishOpen || lawKey !== null || amendKey !== null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && isEditable(e.target)) {
        (e.target as HTMLElement).blur();
        saver.flush();
        listRef.current?.focus();
        return;
      }
      if (isEditable(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '?') {
        e.preventDefault();
        setHelpOpen((o) => !o);
        return;
      }
      if (overlayOpen || helpOpen || !currentKey) return;
      const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
      const act = (fn: () => void): void => {
        e.preventDefault();
        fn();
      };
      switch (k) {
        case '1':
        case 'y':
          return act(() => {
            answer(currentKey, '符合');
            advance();
          });
        case '2':
        case 'n':
          return act(() => answer(currentKey, '不符合'));
        case '3':
        case 'x':
          return act(() => {
            answer(currentKey, '不适用');
            advance();
          });
        case 'j':
        case 'ArrowDown':
          return act(() => move(1));
        case 'k':
        case 'ArrowUp':
          return act(() => move(-1));
        case ']':
        case 'PageDown':
          return act(() => jumpSection(1));
        case '[':
        case 'PageUp':
          return act(() => jumpSection(-1));
        case 'Enter':
        case 'e':
          return act(() => {
            if (!editable) return;
            setExpanded((x) => ({ ...x, [currentKey]: true }));
            setFocusToken((n) => n + 1);
          });
        case 'p':
          return act(() => {
            if (editable) pickPhoto(currentKey, 'evidence');
          });
        case 'l':
          return act(() => setLawKey(currentKey));
        default:
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [answer, advance, move, jumpSection, pickPhoto, currentKey, overlayOpen, helpOpen, editable, saver]);

  const serverSuggestions = useQuery({
    queryKey: ['inspections', 'locations', id],
    queryFn: () => call('inspections:location-suggestions', { inspectionId: id }),
  });
  const suggestions = useMemo<LocationSuggestions>(() => {
    const local = Object.values(answers).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
    const merge = (mine: Array<string | null>, theirs: string[] | undefined): string[] =>
      [...new Set([...mine.filter((v): v is string => Boolean(v)), ...(theirs ?? [])])].slice(0, 20);
    return {
      buildings: merge(
        local.map((a) => a.locationBuilding),
        serverSuggestions.data?.buildings,
      ),
      floors: merge(
        local.map((a) => a.locationFloor),
        serverSuggestions.data?.floors,
      ),
      rooms: merge(
        local.map((a) => a.locationRoom),
        serverSuggestions.data?.rooms,
      ),
    };
  }, [answers, serverSuggestions.data]);

  const sectionProgress = detail.sections.map((s) => ({
    key: s.key,
    title: s.title,
    total: s.items.length,
    answered: s.items.filter((i) => answers[i.key]?.result).length,
    failed: s.items.filter((i) => answers[i.key]?.result === '不符合').length,
  }));
  const answeredCount = flat.filter((f) => answers[f.item.key]?.result).length;
  const current = flat.find((f) => f.item.key === currentKey);
  const lawItem = flat.find((f) => f.item.key === lawKey)?.item;
  const amendItem = flat.find((f) => f.item.key === amendKey)?.item;

  const replaceDetail = (next: InspectionDetail) => {
    queryClient.setQueryData(['inspections', 'detail', id], next);
    void queryClient.invalidateQueries({ queryKey: ['inspections', 'list'] });
  };
  const onText = useCallback(
    (key: string, field: RowTextField, value: string) => saver.saveText(key, field, value),
    [saver],
  );
  const onPatch = useCallback(
    (key: string, patch: { measurementValue?: number | null; countValue?: number | null; fixedOnSpot?: boolean }) =>
      saver.save(key, patch),
    [saver],
  );
  const onResult = useCallback((key: string, r: AnswerResult) => answer(key, r), [answer]);
  const onPhotos = useCallback(
    (key: string, files: File[], role: InspectionPhotoRole) => void upload(key, files, role),
    [upload],
  );
  const onRemovePhoto = useCallback((photoId: string) => removePhoto.mutate(photoId), [removePhoto]);

  const saveSummary =
    saver.summary.failed > 0 ? (
      <Tag color="red" data-testid="save-summary">
        {t('inspections.save.failed', { count: saver.summary.failed })}
      </Tag>
    ) : saver.summary.saving > 0 ? (
      <Tag color="blue" data-testid="save-summary">
        {t('inspections.save.pending', { count: saver.summary.saving })}
      </Tag>
    ) : (
      <Tag color="green" data-testid="save-summary">
        {t('inspections.save.allSaved')}
      </Tag>
    );

  return (
    <div className="insp-runner">
      <Card size="small" className="insp-header">
        <Space wrap size={[16, 4]} style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap size={[12, 4]}>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/inspections')}
              aria-label={t('inspections.runner.back')}
            />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {detail.institution.name}
            </Typography.Title>
            <Tag>
              {detail.summary.templateName} v{detail.summary.templateVersion}
            </Tag>
            {inProgress ? (
              <Tag color="processing">{t('inspections.runner.inProgress')}</Tag>
            ) : (
              <Tag color="default" icon={<LockOutlined />} data-testid="locked-tag">
                {t('inspections.runner.locked')}
              </Tag>
            )}
            <Typography.Text type="secondary">
              {inProgress
                ? t('inspections.runner.startedAt', { time: formatTime(detail.summary.startedAt) })
                : t('inspections.runner.finishedAt', { time: formatTime(detail.summary.finishedAt) })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {detail.inspectors.map((i) => i.name).join('、')} ·{' '}
              {t('inspections.runner.representative', { name: detail.representative.name })}
            </Typography.Text>
          </Space>
          <Space>
            {editable ? saveSummary : null}
            <Button icon={<QuestionCircleOutlined />} onClick={() => setHelpOpen(true)}>
              {t('inspections.runner.shortcuts')}
            </Button>
            {editable ? (
              <Button
                type="primary"
                onClick={() => {
                  void saver.whenIdle().then(() => {
                    void queryClient.invalidateQueries({ queryKey: ['inspections', 'completion', id] });
                    setFinishOpen(true);
                  });
                }}
              >
                {t('inspections.runner.finish')}
              </Button>
            ) : null}
          </Space>
        </Space>
      </Card>

      {!inProgress && detail.hazardIds.length > 0 ? (
        <Alert
          type="info"
          showIcon
          className="insp-banner"
          title={t('inspections.runner.hazardsCreated', { count: detail.hazardIds.length })}
          action={<Link to="/hazards">{t('inspections.runner.openHazards')}</Link>}
        />
      ) : null}
      {role === 'viewer' && inProgress ? (
        <Alert type="info" className="insp-banner" title={t('inspections.runner.readOnly')} />
      ) : null}
      {inProgress ? (
        <OpenHazardsPanel institutionId={detail.institution.id} inspectionId={id} editable={editable} />
      ) : null}

      <div className="insp-body">
        <nav className="insp-sections" aria-label={t('inspections.runner.overall')}>
          <div className="insp-overall">
            <Typography.Text strong>{t('inspections.runner.overall')}</Typography.Text>
            <Progress
              percent={flat.length ? Math.round((answeredCount / flat.length) * 100) : 0}
              size="small"
              format={() => t('inspections.runner.answeredOf', { answered: answeredCount, total: flat.length })}
            />
          </div>
          {sectionProgress.map((s, i) => (
            <button
              type="button"
              key={s.key}
              tabIndex={-1}
              className={`insp-section-link ${current?.sectionIndex === i ? 'insp-section-current' : ''}`}
              onClick={() => {
                const first = flat.find((f) => f.sectionIndex === i);
                if (first) setCurrentKey(first.item.key);
              }}
            >
              <span className="insp-section-title">{s.title}</span>
              <span className="insp-section-count" data-testid="section-progress">
                {s.answered}/{s.total}
                {s.failed ? (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    {s.failed}
                  </Tag>
                ) : null}
              </span>
              <Progress
                percent={s.total ? Math.round((s.answered / s.total) * 100) : 0}
                size="small"
                showInfo={false}
              />
            </button>
          ))}
          {detail.excludedSections.length > 0 ? (
            <Typography.Paragraph type="secondary" className="insp-excluded">
              {t('inspections.runner.excluded', { titles: detail.excludedSections.map((s) => s.title).join('、') })}
            </Typography.Paragraph>
          ) : null}
        </nav>

        <div className="insp-main">
          <Segmented<Filter>
            value={filter}
            onChange={setFilter}
            options={(['all', 'unanswered', 'failed', 'photos'] as const).map((f) => ({
              value: f,
              label: t(`inspections.runner.filters.${f}`),
            }))}
          />
          <div className="insp-list" ref={listRef} tabIndex={-1} aria-label={t('inspections.title')}>
            {visible.length === 0 ? <Empty description={t('inspections.runner.noItems')} /> : null}
            {visible.map((f, i) => {
              const prev = visible[i - 1];
              const section = detail.sections[f.sectionIndex];
              return (
                <div key={f.item.key}>
                  {!prev || prev.sectionIndex !== f.sectionIndex ? (
                    <Typography.Title level={5} className="insp-section-heading">
                      {section?.title}
                    </Typography.Title>
                  ) : null}
                  <ItemRow
                    item={f.item}
                    number={f.number}
                    answer={answers[f.item.key]}
                    saveState={saver.states[f.item.key]}
                    photos={photosByItem.get(f.item.key) ?? []}
                    current={f.item.key === currentKey}
                    expanded={expanded[f.item.key] ?? false}
                    editable={editable}
                    amendable={amendable}
                    uploading={(uploading[f.item.key] ?? 0) > 0}
                    suggestions={suggestions}
                    focusToken={f.item.key === currentKey ? focusToken : 0}
                    onSelect={setCurrentKey}
                    onResult={onResult}
                    onText={onText}
                    onFlush={saver.flush}
                    onPatch={onPatch}
                    onPhotos={onPhotos}
                    onPickPhoto={pickPhoto}
                    onRemovePhoto={onRemovePhoto}
                    onRetry={saver.retry}
                    onLaw={setLawKey}
                    onAmend={setAmendKey}
                  />
                </div>
              );
            })}
          </div>
          {detail.amendments.length > 0 ? (
            <Card size="small" title={t('inspections.runner.amendments')} className="insp-amendments">
              {detail.amendments.map((a) => {
                const show = (v: unknown) =>
                  v === null || v === '' || v === undefined ? t('inspections.runner.empty') : String(v);
                return (
                  <div key={a.id} data-testid="amendment">
                    {t('inspections.runner.amendmentLine', {
                      at: formatTime(a.at),
                      by: a.byName,
                      field: t(`inspections.fields.${a.field}`),
                      before: show(a.before),
                      after: show(a.after),
                      reason: a.reason,
                    })}
                  </div>
                );
              })}
            </Card>
          ) : null}
        </div>
      </div>

      {editable ? (
        <div className="insp-shortcut-bar" aria-hidden="true">
          {t('inspections.help.bar')}
        </div>
      ) : null}

      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        multiple
        hidden
        data-testid="photo-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          const target = pickTarget.current ?? (currentKey ? { key: currentKey, role: 'evidence' as const } : null);
          e.target.value = '';
          if (target) void upload(target.key, files, target.role);
          listRef.current?.focus();
        }}
      />
      <ArticlePreview
        legalBasis={lawItem?.legalBasis ?? ''}
        open={lawKey !== null}
        onClose={() => setLawKey(null)}
        title={lawItem ? `${lawItem.code} ${lawItem.textZh}` : undefined}
      />
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      {editable ? (
        <FinishPanel
          detail={{ ...detail, photos }}
          open={finishOpen}
          onClose={() => setFinishOpen(false)}
          onChanged={(next) => {
            if (next) replaceDetail(next);
            else void queryClient.invalidateQueries({ queryKey: ['inspections', 'detail', id] });
          }}
        />
      ) : null}
      {amendItem ? (
        <AmendModal
          inspectionId={id}
          item={amendItem}
          answer={answers[amendItem.key]}
          onClose={() => setAmendKey(null)}
          onSaved={(next) => {
            saver.reset(next.answers);
            replaceDetail(next);
            setAmendKey(null);
          }}
        />
      ) : null}
    </div>
  );
}
