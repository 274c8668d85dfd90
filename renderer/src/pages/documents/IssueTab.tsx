import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput, DocumentRequest, IssuedDocument } from '../../../../electron/api';
import { call } from '../../api';
import { useDepartments } from '../../hooks';
import { documentsKey } from './query-keys';

type InspectionRow = ChannelOutput<'documents:list-inspections'>[number];

/** 签发文书: finished inspections with their notice and record, and the per-department joint report. */
export function IssueTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const departments = useDepartments();
  const [last, setLast] = useState<IssuedDocument | null>(null);
  const [jointForm] = Form.useForm<{ departmentKey: string; period: [Dayjs, Dayjs] }>();
  const inspections = useQuery({
    queryKey: [...documentsKey, 'inspections'],
    queryFn: () => call('documents:list-inspections', {}),
  });
  const issue = useMutation({
    mutationFn: (request: DocumentRequest) => call('documents:issue', { request }),
    onSuccess: (doc) => {
      setLast(doc);
      void client.invalidateQueries({ queryKey: documentsKey });
    },
    onError: (e) => void message.error(e.message),
  });
  const preview = useMutation({
    mutationFn: (request: DocumentRequest) => call('documents:preview', { request }),
    onSuccess: (p) =>
      void message.success(t('documents.previewSaved', { path: p.saved?.path ?? p.fileName, pages: p.pageCount })),
    onError: (e) => void message.error(e.message),
  });
  const save = useMutation({
    mutationFn: (id: string) => call('documents:save', { id }),
    onSuccess: (r) => r.saved && void message.success(t('documents.saved', { path: r.saved.path })),
    onError: (e) => void message.error(e.message),
  });
  const busy = issue.isPending || preview.isPending;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {last && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setLast(null) }}
          title={t('documents.issuedTitle')}
          description={
            <Space wrap>
              <span data-testid="issued-number">
                {t('documents.issued', { number: last.number, code: last.verificationCode })}
              </span>
              <Button size="small" onClick={() => save.mutate(last.id)} loading={save.isPending}>
                {t('documents.savePdf')}
              </Button>
            </Space>
          }
        />
      )}
      <Typography.Title level={5}>{t('documents.inspections')}</Typography.Title>
      <Table<InspectionRow>
        rowKey="id"
        size="small"
        aria-label={t('documents.inspectionsLabel')}
        loading={inspections.isPending}
        dataSource={inspections.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: inspections.isError ? inspections.error.message : t('documents.noInspections') }}
        columns={[
          { title: t('documents.institution'), dataIndex: 'institutionName' },
          {
            title: t('documents.finishedAt'),
            dataIndex: 'finishedAt',
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
          { title: t('documents.hazardCount'), dataIndex: 'hazardCount', width: 80 },
          {
            title: t('documents.issuedDocs'),
            render: (_: unknown, r) =>
              r.documents.length
                ? r.documents.map((d) => (
                    <Tag key={d.number} color={d.status === 'voided' ? 'default' : 'blue'}>
                      {d.number}
                      {d.status === 'voided' ? `（${t('documents.voided')}）` : ''}
                    </Tag>
                  ))
                : t('documents.none'),
          },
          {
            title: t('common.actions'),
            render: (_: unknown, r) => (
              <Space wrap>
                <Popconfirm
                  title={t('documents.confirmIssue')}
                  onConfirm={() => issue.mutate({ kind: 'rectification-notice', inspectionId: r.id })}
                >
                  <Button size="small" type="primary" disabled={busy}>
                    {t('documents.issueNotice')}
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title={t('documents.confirmIssue')}
                  onConfirm={() => issue.mutate({ kind: 'inspection-record', inspectionId: r.id })}
                >
                  <Button size="small" disabled={busy}>
                    {t('documents.issueRecord')}
                  </Button>
                </Popconfirm>
                <Button
                  size="small"
                  disabled={busy}
                  onClick={() => preview.mutate({ kind: 'rectification-notice', inspectionId: r.id })}
                >
                  {t('documents.preview')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Typography.Title level={5}>{t('documents.jointTitle')}</Typography.Title>
      <Form
        form={jointForm}
        layout="inline"
        onFinish={(v) =>
          issue.mutate({
            kind: 'joint-report',
            departmentKey: v.departmentKey,
            from: v.period[0].format('YYYY-MM-DD'),
            to: v.period[1].format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item
          name="departmentKey"
          label={t('documents.department')}
          rules={[{ required: true, message: t('documents.pickDepartment') }]}
        >
          <Select
            style={{ width: 180 }}
            options={(departments.data ?? []).map((d) => ({ value: d.key, label: d.shortZh }))}
          />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('documents.period')}
          rules={[{ required: true, message: t('documents.pickPeriod') }]}
        >
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={issue.isPending}>
            {t('documents.issueJoint')}
          </Button>
        </Form.Item>
      </Form>
    </Space>
  );
}
