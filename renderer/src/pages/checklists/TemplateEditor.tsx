import {
  ArrowDownOutlined,
  ArrowLeftOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, SnapshotItem, SnapshotSection, TemplateVersionDetail } from '../../../../electron/api';
import { call } from '../../api';
import { LegalBasis } from '../laws/LegalBasis';
import {
  AddItemsModal,
  ItemSettingsModal,
  PreviewModal,
  SectionModal,
  type ItemSettingsValues,
  type SectionValues,
} from './EditorModals';
import { AppliesWhen, downloadText, MajorTag, MarkTag, PriorityTags } from './labels';
import { CHECKLISTS_KEY } from './use-checklists';

type EditCall =
  | { channel: 'checklists:add-section'; input: ChannelInput<'checklists:add-section'> }
  | { channel: 'checklists:update-section'; input: ChannelInput<'checklists:update-section'> }
  | { channel: 'checklists:remove-section'; input: ChannelInput<'checklists:remove-section'> }
  | { channel: 'checklists:move-section'; input: ChannelInput<'checklists:move-section'> }
  | { channel: 'checklists:add-items'; input: ChannelInput<'checklists:add-items'> }
  | { channel: 'checklists:update-item'; input: ChannelInput<'checklists:update-item'> }
  | { channel: 'checklists:remove-item'; input: ChannelInput<'checklists:remove-item'> }
  | { channel: 'checklists:move-item'; input: ChannelInput<'checklists:move-item'> };

function runEdit(edit: EditCall): Promise<TemplateVersionDetail> {
  // Spelled out per channel so each input keeps its own type.
  switch (edit.channel) {
    case 'checklists:add-section':
      return call(edit.channel, edit.input);
    case 'checklists:update-section':
      return call(edit.channel, edit.input);
    case 'checklists:remove-section':
      return call(edit.channel, edit.input);
    case 'checklists:move-section':
      return call(edit.channel, edit.input);
    case 'checklists:add-items':
      return call(edit.channel, edit.input);
    case 'checklists:update-item':
      return call(edit.channel, edit.input);
    case 'checklists:remove-item':
      return call(edit.channel, edit.input);
    case 'checklists:move-item':
      return call(edit.channel, edit.input);
  }
}

/**
 * One template version. A published version is shown read-only (it is frozen); a draft is edited here by an
 * administrator: sections with their conditions, items from the library, order, per-item settings, publish.
 */
export function TemplateEditor({
  versionId,
  isAdmin,
  onBack,
  onOpenVersion,
}: {
  versionId: string;
  isAdmin: boolean;
  onBack: () => void;
  onOpenVersion: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const key = [...CHECKLISTS_KEY, 'version', versionId];
  const detail = useQuery({ queryKey: key, queryFn: () => call('checklists:get-template-version', { versionId }) });
  const [sectionForm, setSectionForm] = useState<{ section: SnapshotSection | null } | null>(null);
  const [addingTo, setAddingTo] = useState<SnapshotSection | null>(null);
  const [settingsFor, setSettingsFor] = useState<SnapshotItem | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [pending, setPending] = useState<string | null>(null);

  const applied = (d: TemplateVersionDetail) => {
    queryClient.setQueryData(key, d);
    void queryClient.invalidateQueries({ queryKey: [...CHECKLISTS_KEY, 'templates'] });
  };
  const edit = useMutation({
    mutationFn: runEdit,
    onSuccess: (d) => {
      applied(d);
      setSectionForm(null);
      setAddingTo(null);
      setSettingsFor(null);
    },
    onError: (e) => {
      // Errors of a form stay inside its modal; the others show as a message.
      if (!sectionForm && !addingTo && !settingsFor) void message.error(e.message);
    },
    onSettled: () => setPending(null),
  });
  const publish = useMutation({
    mutationFn: () => call('checklists:publish-template', { versionId }),
    onSuccess: (d) => {
      applied(d);
      void message.success(t('checklists.templates.publishedOk', { version: d.summary.version }));
    },
    onError: (e) => void message.error(e.message),
  });
  const newDraft = useMutation({
    mutationFn: () => call('checklists:new-draft', { fromVersionId: versionId }),
    onSuccess: (d) => {
      void queryClient.invalidateQueries({ queryKey: CHECKLISTS_KEY });
      onOpenVersion(d.summary.id);
    },
    onError: (e) => void message.error(e.message),
  });
  const discard = useMutation({
    mutationFn: () => call('checklists:discard-draft', { versionId }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CHECKLISTS_KEY });
      onBack();
    },
    onError: (e) => void message.error(e.message),
  });

  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={detail.error.message} />;
  const { summary, snapshot } = detail.data;
  const editable = isAdmin && summary.status === 'draft';
  const present = new Set(snapshot.sections.flatMap((s) => s.items.map((i) => i.ruleItemId)));
  const doEdit = (id: string, e: EditCall) => {
    setPending(id);
    edit.mutate(e);
  };
  const exportJson = async () => {
    try {
      const file = await call('checklists:export-template', { versionId });
      downloadText(file.fileName, file.json);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const confirmPublish = () =>
    void modal.confirm({
      title: t('checklists.templates.publishConfirmTitle', { version: summary.version }),
      content: t('checklists.templates.publishConfirm'),
      okText: t('checklists.templates.publish'),
      cancelText: t('checklists.actions.cancel'),
      onOk: () => publish.mutateAsync().then(() => undefined),
    });

  const itemColumns = (section: SnapshotSection) => [
    { title: '#', key: 'n', width: 44, render: (_v: unknown, _r: SnapshotItem, i: number) => i + 1 },
    { title: t('checklists.library.code'), dataIndex: 'code', width: 64 },
    {
      title: t('checklists.library.text'),
      dataIndex: 'textZh',
      render: (text: string, row: SnapshotItem) => (
        <Space orientation="vertical" size={2}>
          <span>{text}</span>
          <PriorityTags tags={row.priorities2025} />
        </Space>
      ),
    },
    {
      title: t('checklists.library.mark'),
      dataIndex: 'weakestMark',
      width: 160,
      render: (m: SnapshotItem['weakestMark']) => <MarkTag mark={m} />,
    },
    {
      title: t('checklists.majorTitle'),
      key: 'major',
      width: 180,
      render: (_v: unknown, row: SnapshotItem) => (
        <MajorTag flag={row.majorHazard.flag} clause={row.majorHazard.clause} />
      ),
    },
    {
      title: t('checklists.templates.answer'),
      key: 'answer',
      width: 150,
      render: (_v: unknown, row: SnapshotItem) => (
        <Space orientation="vertical" size={2}>
          <span>
            {t(`checklists.answerExtras.${row.answer.extra}`)}
            {row.answer.unit ? `（${row.answer.label ?? ''} ${row.answer.unit}）` : ''}
          </span>
          <span>
            {row.photoRequiredOnFail && <Tag color="magenta">{t('checklists.templates.photo')}</Tag>}
            <Tag>{row.required ? t('checklists.templates.required') : t('checklists.templates.optional')}</Tag>
          </span>
        </Space>
      ),
    },
    ...(editable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_v: unknown, row: SnapshotItem, index: number) => (
              <Space size={2}>
                <Tooltip title={t('checklists.templates.moveUp', { name: row.code })}>
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    aria-label={t('checklists.templates.moveUp', { name: row.code })}
                    disabled={index === 0}
                    loading={pending === `up-${row.key}`}
                    onClick={() =>
                      doEdit(`up-${row.key}`, {
                        channel: 'checklists:move-item',
                        input: { itemId: row.key, direction: 'up' },
                      })
                    }
                  />
                </Tooltip>
                <Tooltip title={t('checklists.templates.moveDown', { name: row.code })}>
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    aria-label={t('checklists.templates.moveDown', { name: row.code })}
                    disabled={index === section.items.length - 1}
                    loading={pending === `down-${row.key}`}
                    onClick={() =>
                      doEdit(`down-${row.key}`, {
                        channel: 'checklists:move-item',
                        input: { itemId: row.key, direction: 'down' },
                      })
                    }
                  />
                </Tooltip>
                <Tooltip title={t('checklists.templates.itemSettings', { name: row.code })}>
                  <Button
                    size="small"
                    icon={<SettingOutlined />}
                    aria-label={t('checklists.templates.itemSettings', { name: row.code })}
                    onClick={() => {
                      edit.reset();
                      setSettingsFor(row);
                    }}
                  />
                </Tooltip>
                <Tooltip title={t('checklists.templates.removeItem', { name: row.code })}>
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('checklists.templates.removeItem', { name: row.code })}
                    loading={pending === `rm-${row.key}`}
                    onClick={() =>
                      doEdit(`rm-${row.key}`, { channel: 'checklists:remove-item', input: { itemId: row.key } })
                    }
                  />
                </Tooltip>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
            {t('checklists.templates.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="template-title">
            {snapshot.name} · {t('checklists.templates.versionLabel', { version: summary.version })}
          </Typography.Title>
          <Tag color={summary.status === 'draft' ? 'gold' : 'blue'} data-testid="version-status">
            {t(`checklists.templates.${summary.status}`)}
          </Tag>
          {summary.basedOnVersion !== null && (
            <Tag>{t('checklists.templates.basedOn', { version: summary.basedOnVersion })}</Tag>
          )}
          <Typography.Text type="secondary">
            {t('checklists.templates.sections', { count: summary.sectionCount })} ·{' '}
            {t('checklists.templates.items', { count: summary.itemCount })}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button onClick={() => setPreviewing(true)}>{t('checklists.templates.preview')}</Button>
          <Button onClick={() => void exportJson()}>{t('checklists.templates.export')}</Button>
          {isAdmin && summary.status === 'published' && (
            <Button onClick={() => newDraft.mutate()} loading={newDraft.isPending}>
              {t('checklists.templates.newDraft')}
            </Button>
          )}
          {editable && (
            <>
              <Popconfirm
                title={t('checklists.templates.discardConfirm')}
                onConfirm={() => discard.mutate()}
                okText={t('checklists.actions.confirm')}
                cancelText={t('checklists.actions.cancel')}
              >
                <Button danger>{t('checklists.templates.discardDraft')}</Button>
              </Popconfirm>
              <Button type="primary" onClick={confirmPublish} loading={publish.isPending}>
                {t('checklists.templates.publish')}
              </Button>
            </>
          )}
        </Space>
      </Space>
      {summary.status === 'published' && summary.publishedAt && (
        <Alert
          type="success"
          showIcon
          title={t('checklists.templates.publishedInfo', {
            name: summary.publishedByName ?? '',
            at: dayjs(summary.publishedAt).format('YYYY年M月D日 HH:mm'),
          })}
        />
      )}
      {snapshot.isReinspection && <Alert type="info" showIcon title={t('checklists.templates.reinspection')} />}
      {!isAdmin && <Typography.Text type="secondary">{t('checklists.readOnly')}</Typography.Text>}
      {snapshot.sections.map((section, sIndex) => (
        <Card
          key={section.key}
          size="small"
          title={
            <Space wrap>
              <span>{section.title}</span>
              <AppliesWhen features={section.appliesWhen} />
            </Space>
          }
          extra={
            editable && (
              <Space size={4} wrap>
                <Button
                  size="small"
                  type="primary"
                  ghost
                  onClick={() => {
                    edit.reset();
                    setAddingTo(section);
                  }}
                >
                  {t('checklists.templates.addItems')}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    edit.reset();
                    setSectionForm({ section });
                  }}
                >
                  {t('checklists.templates.editSection')}
                </Button>
                <Button
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label={t('checklists.templates.moveUp', { name: section.title })}
                  disabled={sIndex === 0}
                  onClick={() =>
                    doEdit(`sup-${section.key}`, {
                      channel: 'checklists:move-section',
                      input: { sectionId: section.key, direction: 'up' },
                    })
                  }
                />
                <Button
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label={t('checklists.templates.moveDown', { name: section.title })}
                  disabled={sIndex === snapshot.sections.length - 1}
                  onClick={() =>
                    doEdit(`sdown-${section.key}`, {
                      channel: 'checklists:move-section',
                      input: { sectionId: section.key, direction: 'down' },
                    })
                  }
                />
                <Popconfirm
                  title={t('checklists.templates.removeSectionConfirm')}
                  onConfirm={() =>
                    doEdit(`srm-${section.key}`, {
                      channel: 'checklists:remove-section',
                      input: { sectionId: section.key },
                    })
                  }
                  okText={t('checklists.actions.confirm')}
                  cancelText={t('checklists.actions.cancel')}
                >
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('checklists.templates.removeSection')} ${section.title}`}
                  />
                </Popconfirm>
              </Space>
            )
          }
        >
          {section.items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checklists.templates.emptySection')} />
          ) : (
            <Table<SnapshotItem>
              rowKey="key"
              size="small"
              pagination={false}
              aria-label={section.title}
              dataSource={section.items}
              columns={itemColumns(section)}
              expandable={{
                expandedRowRender: (row) => (
                  <Space orientation="vertical" size={4}>
                    <span>
                      <Typography.Text strong>{t('checklists.library.legalBasis')}：</Typography.Text>
                      <LegalBasis legalBasis={row.legalBasis} />
                    </span>
                    <span>
                      <Typography.Text strong>{t('checklists.templates.hint')}：</Typography.Text>
                      {row.hint}
                    </span>
                  </Space>
                ),
              }}
            />
          )}
        </Card>
      ))}
      {editable && (
        <Button
          onClick={() => {
            edit.reset();
            setSectionForm({ section: null });
          }}
        >
          {t('checklists.templates.addSection')}
        </Button>
      )}
      <SectionModal
        open={sectionForm !== null}
        initial={
          sectionForm?.section
            ? { title: sectionForm.section.title, appliesWhen: sectionForm.section.appliesWhen }
            : null
        }
        error={sectionForm ? (edit.error?.message ?? null) : null}
        saving={edit.isPending}
        onClose={() => setSectionForm(null)}
        onSubmit={(v: SectionValues) => {
          const target = sectionForm?.section;
          if (target) edit.mutate({ channel: 'checklists:update-section', input: { sectionId: target.key, ...v } });
          else edit.mutate({ channel: 'checklists:add-section', input: { versionId, ...v } });
        }}
      />
      <AddItemsModal
        sectionTitle={addingTo?.title ?? null}
        present={present}
        error={addingTo ? (edit.error?.message ?? null) : null}
        saving={edit.isPending}
        onClose={() => setAddingTo(null)}
        onSubmit={(ids) =>
          addingTo &&
          edit.mutate({ channel: 'checklists:add-items', input: { sectionId: addingTo.key, ruleItemIds: ids } })
        }
      />
      <ItemSettingsModal
        item={settingsFor}
        error={settingsFor ? (edit.error?.message ?? null) : null}
        saving={edit.isPending}
        onClose={() => setSettingsFor(null)}
        onSubmit={(v: ItemSettingsValues) =>
          settingsFor &&
          edit.mutate({
            channel: 'checklists:update-item',
            input: {
              itemId: settingsFor.key,
              answerExtra: v.answerExtra,
              measurementUnit: v.measurementUnit ?? null,
              measurementLabel: v.measurementLabel ?? null,
              photoRequiredOnFail: v.photoRequiredOnFail,
              required: v.required,
              hint: v.hint?.trim() ? v.hint.trim() : null,
            },
          })
        }
      />
      <PreviewModal snapshot={snapshot} open={previewing} onClose={() => setPreviewing(false)} />
    </Space>
  );
}
