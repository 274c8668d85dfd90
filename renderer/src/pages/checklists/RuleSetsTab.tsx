import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ruleDepartmentSchema,
  ruleMarkSchema,
  type Criterion,
  type RuleMark,
  type RuleSet,
} from '../../../../electron/api';
import { call } from '../../api';
import { ImportButton } from './ImportButton';
import { downloadText, MarkTag } from './labels';
import { CHECKLISTS_KEY } from './use-checklists';

interface CriterionValues {
  clause?: string;
  textZh: string;
  mark: RuleMark;
  sourceNote: string;
  leadDepartments: Criterion['leadDepartments'];
}

/** 判定标准: the versions of the major-hazard standard, their criteria and what is still missing. */
export function RuleSetsTab({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const sets = useQuery({
    queryKey: [...CHECKLISTS_KEY, 'rule-sets'],
    queryFn: () => call('checklists:list-rule-sets', {}),
  });
  const [draftFrom, setDraftFrom] = useState<RuleSet | null>(null);
  const [addingTo, setAddingTo] = useState<RuleSet | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const done = () => void queryClient.invalidateQueries({ queryKey: CHECKLISTS_KEY });
  const newDraft = useMutation({
    mutationFn: (v: { fromId: string; version: string }) => call('checklists:new-rule-set-draft', v),
    onSuccess: () => {
      setDraftFrom(null);
      done();
    },
  });
  const addCriterion = useMutation({
    mutationFn: (v: CriterionValues & { ruleSetId: string }) => call('checklists:add-criterion', v),
    onSuccess: () => {
      setAddingTo(null);
      done();
    },
  });
  const publish = useMutation({
    mutationFn: (id: string) => call('checklists:publish-rule-set', { id }),
    onSuccess: () => {
      done();
      void message.success(t('common.saved'));
    },
    onError: (e) => void message.error(e.message),
  });
  const importSet = useMutation({
    mutationFn: (json: string) => call('checklists:import-rule-set', { json }),
    onSuccess: () => {
      setImportError(null);
      done();
      void message.success(t('common.saved'));
    },
    onError: (e) => setImportError(e.message),
  });
  const exportSet = async (id: string) => {
    try {
      const file = await call('checklists:export-rule-set', { id });
      downloadText(file.fileName, file.json);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const list = [...(sets.data ?? [])].reverse();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {isAdmin && (
        <Space>
          <ImportButton
            label={t('checklists.ruleSets.import')}
            onText={(json) => importSet.mutate(json)}
            loading={importSet.isPending}
          />
        </Space>
      )}
      {importError && <Alert type="error" showIcon closable title={importError} onClose={() => setImportError(null)} />}
      {list.map((set) => (
        <Card
          key={set.id}
          size="small"
          title={
            <Space wrap>
              <span>{set.title}</span>
              <Tag>{set.version}</Tag>
              {set.isCurrent && <Tag color="green">{t('checklists.ruleSets.current')}</Tag>}
              <Tag color={set.status === 'draft' ? 'gold' : 'blue'}>{t(`checklists.ruleSets.${set.status}`)}</Tag>
              <MarkTag mark={set.mark} />
            </Space>
          }
          extra={
            <Space>
              <Button size="small" onClick={() => void exportSet(set.id)}>
                {t('checklists.ruleSets.export')}
              </Button>
              {isAdmin && set.status === 'published' && (
                <Button size="small" onClick={() => setDraftFrom(set)}>
                  {t('checklists.ruleSets.newDraft')}
                </Button>
              )}
              {isAdmin && set.status === 'draft' && (
                <>
                  <Button size="small" onClick={() => setAddingTo(set)}>
                    {t('checklists.ruleSets.addCriterion')}
                  </Button>
                  <Popconfirm
                    title={t('checklists.ruleSets.publishConfirm')}
                    onConfirm={() => publish.mutate(set.id)}
                    okText={t('checklists.actions.confirm')}
                    cancelText={t('checklists.actions.cancel')}
                  >
                    <Button size="small" type="primary">
                      {t('checklists.ruleSets.publish')}
                    </Button>
                  </Popconfirm>
                </>
              )}
            </Space>
          }
        >
          <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('checklists.ruleSets.issuer')}>{set.issuer}</Descriptions.Item>
            <Descriptions.Item label={t('checklists.ruleSets.publishedDate')}>
              {set.publishedDate ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('checklists.ruleSets.version')}>
              {set.version}
              {set.basedOnVersion ? `（${t('checklists.ruleSets.basedOn', { version: set.basedOnVersion })}）` : ''}
            </Descriptions.Item>
          </Descriptions>
          {set.publishedAt && set.publishedByName && (
            <Typography.Paragraph type="secondary">
              {t('checklists.ruleSets.publishedBy', {
                name: set.publishedByName,
                at: dayjs(set.publishedAt).format('YYYY年M月D日 HH:mm'),
              })}
            </Typography.Paragraph>
          )}
          {set.missing && set.missing.missingCount > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('checklists.ruleSets.missingTitle', { missing: set.missing.missingCount })}
              description={t('checklists.ruleSets.missingBody', {
                total: set.totalCriteria ?? set.missing.retrievedCount + set.missing.missingCount,
                retrieved: set.missing.retrievedCount,
                missing: set.missing.missingCount,
                clauses: set.missing.clausesZh.join('、'),
              })}
            />
          )}
          {set.successor && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('checklists.ruleSets.successor', {
                title: set.successor.titleZh,
                kind: set.successor.kind,
                date: set.successor.newsDate,
              })}
            />
          )}
          <Table<Criterion>
            rowKey="id"
            size="small"
            pagination={false}
            aria-label={`${set.version} ${t('checklists.ruleSets.criteria')}`}
            dataSource={set.criteria}
            columns={[
              { title: t('checklists.library.code'), dataIndex: 'code', width: 70 },
              {
                title: t('checklists.ruleSets.clause'),
                dataIndex: 'clause',
                width: 110,
                render: (c: string | null) => c ?? '—',
              },
              { title: t('checklists.ruleSets.text'), dataIndex: 'textZh' },
              {
                title: t('checklists.ruleSets.leadDepartments'),
                dataIndex: 'leadDepartments',
                width: 140,
                render: (ds: Criterion['leadDepartments']) =>
                  ds.map((d) => t(`checklists.departments.${d}`)).join('、') || '—',
              },
              {
                title: t('checklists.library.mark'),
                dataIndex: 'mark',
                width: 170,
                render: (m: RuleMark) => <MarkTag mark={m} />,
              },
              {
                title: t('checklists.ruleSets.origin'),
                key: 'origin',
                width: 160,
                render: (_v, c) => (
                  <Space orientation="vertical" size={0}>
                    <span>{t(`checklists.ruleSets.origins.${c.origin}`)}</span>
                    {c.sourceNote && <Typography.Text type="secondary">{c.sourceNote}</Typography.Text>}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      ))}
      <Modal
        open={draftFrom !== null}
        title={t('checklists.ruleSets.newDraft')}
        onCancel={() => setDraftFrom(null)}
        footer={null}
        destroyOnHidden
      >
        {newDraft.error && <Alert type="error" showIcon title={newDraft.error.message} style={{ marginBottom: 12 }} />}
        <Form<{ version: string }>
          layout="vertical"
          initialValues={{ version: draftFrom ? `${draftFrom.version}-r1` : '' }}
          onFinish={(v) => draftFrom && newDraft.mutate({ fromId: draftFrom.id, version: v.version })}
        >
          <Form.Item name="version" label={t('checklists.ruleSets.newDraftVersion')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={newDraft.isPending}>
            {t('checklists.actions.confirm')}
          </Button>
        </Form>
      </Modal>
      <Modal
        open={addingTo !== null}
        title={`${t('checklists.ruleSets.addCriterion')}：${addingTo?.version ?? ''}`}
        onCancel={() => setAddingTo(null)}
        footer={null}
        destroyOnHidden
        width={620}
      >
        {addCriterion.error && (
          <Alert type="error" showIcon title={addCriterion.error.message} style={{ marginBottom: 12 }} />
        )}
        <Form<CriterionValues>
          layout="vertical"
          initialValues={{ mark: 'U', leadDepartments: [] }}
          onFinish={(v) => addingTo && addCriterion.mutate({ ...v, ruleSetId: addingTo.id })}
        >
          <Form.Item name="clause" label={t('checklists.ruleSets.clause')}>
            <Input placeholder={t('checklists.library.clausePlaceholder')} />
          </Form.Item>
          <Form.Item name="textZh" label={t('checklists.ruleSets.text')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
          <Form.Item name="mark" label={t('checklists.library.mark')} rules={[{ required: true }]}>
            <Select options={ruleMarkSchema.options.map((m) => ({ value: m, label: t(`checklists.marks.${m}`) }))} />
          </Form.Item>
          <Form.Item
            name="sourceNote"
            label={t('checklists.ruleSets.sourceNote')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="leadDepartments" label={t('checklists.ruleSets.leadDepartments')}>
            <Select
              mode="multiple"
              options={ruleDepartmentSchema.options.map((d) => ({ value: d, label: t(`checklists.departments.${d}`) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={addCriterion.isPending}>
            {t('checklists.actions.save')}
          </Button>
        </Form>
      </Modal>
    </Space>
  );
}
