import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedDocument } from '../../../../electron/api';
import { call } from '../../api';
import { documentsKey } from './query-keys';

/** 文书台账: every numbered document with its code and status; save, void with a reason, bulk export. */
export function RegisterTab({ canVoid }: { canVoid: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [voiding, setVoiding] = useState<IssuedDocument | null>(null);
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const [planId, setPlanId] = useState<string | null>(null);
  const [voidForm] = Form.useForm<{ reason: string }>();
  const list = useQuery({ queryKey: [...documentsKey, 'list'], queryFn: () => call('documents:list', {}) });
  const plans = useQuery({ queryKey: [...documentsKey, 'plans'], queryFn: () => call('plans:list', {}) });
  const save = useMutation({
    mutationFn: (id: string) => call('documents:save', { id }),
    onSuccess: (r) => r.saved && void message.success(t('documents.saved', { path: r.saved.path })),
    onError: (e) => void message.error(e.message),
  });
  const voidDoc = useMutation({
    mutationFn: (v: { id: string; reason: string }) => call('documents:void', v),
    onSuccess: () => {
      setVoiding(null);
      voidForm.resetFields();
      void client.invalidateQueries({ queryKey: documentsKey });
    },
  });
  const exportAll = useMutation({
    mutationFn: (r: [Dayjs, Dayjs]) =>
      call('documents:export', {
        kind: 'rectification-notice',
        from: r[0].format('YYYY-MM-DD'),
        to: r[1].format('YYYY-MM-DD'),
      }),
    onSuccess: (r) => void message.success(t('documents.exported', { count: r.saved.length })),
    onError: (e) => void message.error(e.message),
  });
  const exportPlan = useMutation({
    mutationFn: (id: string) => call('documents:export', { kind: 'rectification-notice', planId: id }),
    onSuccess: (r) => void message.success(t('documents.exported', { count: r.saved.length })),
    onError: (e) => void message.error(e.message),
  });

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text strong>{t('documents.exportTitle')}</Typography.Text>
        <DatePicker.RangePicker onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} />
        <Button disabled={!range} loading={exportAll.isPending} onClick={() => range && exportAll.mutate(range)}>
          {t('documents.exportNotices')}
        </Button>
        <Select<string>
          style={{ minWidth: 220 }}
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t('documents.exportPlan')}
          placeholder={t('documents.exportPlan')}
          loading={plans.isPending}
          value={planId ?? undefined}
          onChange={(v) => setPlanId(v ?? null)}
          options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
        <Button disabled={!planId} loading={exportPlan.isPending} onClick={() => planId && exportPlan.mutate(planId)}>
          {t('documents.exportPlanNotices')}
        </Button>
      </Space>
      <Table<IssuedDocument>
        rowKey="id"
        size="small"
        aria-label={t('documents.registerLabel')}
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: list.isError ? list.error.message : t('documents.emptyRegister') }}
        columns={[
          { title: t('documents.number'), dataIndex: 'number' },
          {
            title: t('documents.kind'),
            dataIndex: 'kind',
            render: (k: IssuedDocument['kind']) => t(`documents.kinds.${k}`),
          },
          { title: t('documents.subject'), render: (_: unknown, r) => r.institutionName ?? r.title },
          { title: t('documents.issueDate'), dataIndex: 'issueDate', width: 110 },
          {
            title: t('documents.code'),
            dataIndex: 'verificationCode',
            render: (c: string) => (
              <Typography.Text code copyable>
                {c}
              </Typography.Text>
            ),
          },
          {
            title: t('documents.status'),
            dataIndex: 'status',
            render: (s: IssuedDocument['status'], r) =>
              s === 'voided' ? (
                <Tag title={r.voidedReason ?? ''}>{t('documents.statusVoided')}</Tag>
              ) : (
                <Tag color="green">{t('documents.statusIssued')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            render: (_: unknown, r) => (
              <Space>
                <Button size="small" onClick={() => save.mutate(r.id)}>
                  {t('documents.savePdf')}
                </Button>
                {canVoid && r.status === 'issued' && (
                  <Button size="small" danger onClick={() => setVoiding(r)}>
                    {t('documents.void')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={voiding !== null}
        title={voiding ? t('documents.voidTitle', { number: voiding.number }) : ''}
        onCancel={() => setVoiding(null)}
        onOk={() => voidForm.submit()}
        confirmLoading={voidDoc.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('documents.voidHint')}</Typography.Paragraph>
        <Form
          form={voidForm}
          layout="vertical"
          onFinish={(v) => voiding && voidDoc.mutate({ id: voiding.id, reason: v.reason })}
        >
          <Form.Item
            name="reason"
            label={t('documents.voidReason')}
            rules={[{ required: true, min: 2, message: t('documents.voidReason') }]}
            {...(voidDoc.error ? { validateStatus: 'error' as const, help: voidDoc.error.message } : {})}
          >
            <Input.TextArea rows={3} maxLength={300} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
