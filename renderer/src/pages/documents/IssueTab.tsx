import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput, DocumentRequest, IssuedDocument } from '../../../../electron/api';
import { call } from '../../api';
import { useDepartments, useTowns } from '../../hooks';
import { documentsKey } from './query-keys';

type InspectionRow = ChannelOutput<'documents:list-inspections'>[number];

/** Hazards to pick for a 复查意见书 or a letter: 编号 机构 部位 描述, searchable; `state` narrows the list. */
function HazardSelect(props: {
  value?: string[];
  onChange?: (v: string[]) => void;
  state: 'all' | 'open';
  departmentKey?: string | undefined;
  label: string;
}) {
  const hazards = useQuery({
    queryKey: ['hazards', 'pick', props.state, props.departmentKey ?? ''],
    queryFn: () =>
      call('hazards:list', {
        state: props.state,
        ...(props.departmentKey ? { departmentKey: props.departmentKey } : {}),
      }),
  });
  return (
    <Select
      mode="multiple"
      aria-label={props.label}
      style={{ minWidth: 420, maxWidth: 640 }}
      loading={hazards.isPending}
      value={props.value ?? []}
      onChange={props.onChange}
      optionFilterProp="label"
      options={(hazards.data?.items ?? []).map((h) => ({
        value: h.id,
        label: `${h.code} ${h.institutionName} ${h.location} ${h.description}`,
      }))}
    />
  );
}

/** 签发文书: finished inspections with their notice and record, the joint report, letters and the 会商材料. */
export function IssueTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const departments = useDepartments();
  const [last, setLast] = useState<IssuedDocument | null>(null);
  const [jointForm] = Form.useForm<{ departmentKey: string; period: [Dayjs, Dayjs] }>();
  const [reinspectionForm] = Form.useForm<{ hazardIds: string[] }>();
  const [letterForm] = Form.useForm<{
    kind: 'referral-letter' | 'notify-letter';
    departmentKey: string;
    hazardIds: string[];
  }>();
  const letterDepartment = Form.useWatch('departmentKey', letterForm);
  const towns = useTowns();
  const [meetingForm] = Form.useForm<{ period: [Dayjs, Dayjs]; townId?: string; departmentKey?: string }>();
  // The 会商材料 request from the form: the same period and filters the 统计 page takes.
  const meetingRequest = (v: { period: [Dayjs, Dayjs]; townId?: string; departmentKey?: string }): DocumentRequest => ({
    kind: 'consultation-material',
    from: v.period[0].format('YYYY-MM-DD'),
    to: v.period[1].format('YYYY-MM-DD'),
    ...(v.townId ? { townId: v.townId } : {}),
    ...(v.departmentKey ? { departmentKey: v.departmentKey } : {}),
  });
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
      <Typography.Title level={5}>{t('documents.reinspectionTitle')}</Typography.Title>
      <Form
        form={reinspectionForm}
        layout="inline"
        onFinish={(v) => issue.mutate({ kind: 'reinspection-opinion', hazardIds: v.hazardIds })}
      >
        <Form.Item
          name="hazardIds"
          label={t('documents.hazards')}
          rules={[{ required: true, message: t('documents.pickHazards') }]}
        >
          <HazardSelect state="all" label={t('documents.reinspectionHazards')} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Popconfirm title={t('documents.confirmIssue')} onConfirm={() => reinspectionForm.submit()}>
              <Button disabled={busy}>{t('documents.issueReinspection')}</Button>
            </Popconfirm>
            <Button
              disabled={busy}
              onClick={() =>
                void reinspectionForm
                  .validateFields()
                  .then((v) => preview.mutate({ kind: 'reinspection-opinion', hazardIds: v.hazardIds }))
              }
            >
              {t('documents.preview')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <Typography.Title level={5}>{t('documents.letterTitle')}</Typography.Title>
      <Form
        form={letterForm}
        layout="inline"
        initialValues={{ kind: 'referral-letter' }}
        onFinish={(v) => issue.mutate({ kind: v.kind, departmentKey: v.departmentKey, hazardIds: v.hazardIds })}
      >
        <Form.Item name="kind" label={t('documents.kind')}>
          <Select
            style={{ width: 120 }}
            aria-label={t('documents.letterKind')}
            options={(['referral-letter', 'notify-letter'] as const).map((k) => ({
              value: k,
              label: t(`documents.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="departmentKey"
          label={t('documents.department')}
          rules={[{ required: true, message: t('documents.pickDepartment') }]}
        >
          <Select
            style={{ width: 180 }}
            aria-label={t('documents.letterDepartment')}
            options={(departments.data ?? []).map((d) => ({ value: d.key, label: d.shortZh }))}
          />
        </Form.Item>
        <Form.Item
          name="hazardIds"
          label={t('documents.hazards')}
          rules={[{ required: true, message: t('documents.pickHazards') }]}
        >
          <HazardSelect state="open" departmentKey={letterDepartment} label={t('documents.letterHazards')} />
        </Form.Item>
        <Form.Item>
          <Popconfirm title={t('documents.confirmIssue')} onConfirm={() => letterForm.submit()}>
            <Button disabled={busy}>{t('documents.issueLetter')}</Button>
          </Popconfirm>
        </Form.Item>
      </Form>
      <Typography.Title level={5}>{t('documents.meetingTitle')}</Typography.Title>
      <Typography.Text type="secondary">{t('documents.meetingHint')}</Typography.Text>
      <Form form={meetingForm} layout="inline" onFinish={(v) => issue.mutate(meetingRequest(v))}>
        <Form.Item
          name="period"
          label={t('documents.period')}
          rules={[{ required: true, message: t('documents.pickPeriod') }]}
        >
          <DatePicker.RangePicker aria-label={t('documents.meetingTitle')} />
        </Form.Item>
        <Form.Item name="townId" label={t('documents.town')}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('documents.allTowns')}
            aria-label={t('documents.town')}
            options={(towns.data ?? []).map((town) => ({ value: town.id, label: town.name }))}
          />
        </Form.Item>
        <Form.Item name="departmentKey" label={t('documents.department')}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('documents.allDepartments')}
            aria-label={t('documents.department')}
            options={(departments.data ?? []).map((d) => ({ value: d.key, label: d.shortZh }))}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Popconfirm title={t('documents.confirmIssue')} onConfirm={() => meetingForm.submit()}>
              <Button disabled={busy}>{t('documents.issueMeeting')}</Button>
            </Popconfirm>
            <Button
              disabled={busy}
              onClick={() => void meetingForm.validateFields().then((v) => preview.mutate(meetingRequest(v)))}
            >
              {t('documents.preview')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Space>
  );
}
