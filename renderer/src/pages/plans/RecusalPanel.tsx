import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Popconfirm, Radio, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspector, Recusal } from '../../../../electron/api';
import { call } from '../../api';
import { useTowns } from '../../hooks';
import { inspectorsQueryKey } from './query-keys';

interface RecusalValues {
  scope: Recusal['scope'];
  institutionId?: string;
  townId?: string;
  reason: string;
}

/** Institutions matching a typed name, for the recusal picker (server-side search, first 50). */
function useInstitutionSearch(query: string, enabled: boolean) {
  return useQuery({
    queryKey: ['institutions', 'recusal-search', query],
    queryFn: () => call('institutions:list', { query: query || undefined, page: 1, pageSize: 50, sortField: 'name' }),
    enabled,
  });
}

/** The recusals of one inspector; administrators add one (institution or town, with a reason) or remove one. */
export function RecusalPanel({ inspector, isAdmin }: { inspector: Inspector; isAdmin: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RecusalValues>();
  const scope = Form.useWatch('scope', form) ?? 'institution';
  const [search, setSearch] = useState('');
  const towns = useTowns();
  const institutions = useInstitutionSearch(search, isAdmin && scope === 'institution');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: inspectorsQueryKey });
  const add = useMutation({
    mutationFn: (v: RecusalValues) =>
      v.scope === 'institution'
        ? call('inspectors:add-recusal', {
            inspectorId: inspector.id,
            scope: 'institution',
            institutionId: v.institutionId ?? '',
            reason: v.reason,
          })
        : call('inspectors:add-recusal', {
            inspectorId: inspector.id,
            scope: 'town',
            townId: v.townId ?? '',
            reason: v.reason,
          }),
    onSuccess: () => {
      form.resetFields(['institutionId', 'townId', 'reason']);
      refresh();
      void message.success(t('common.saved'));
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => call('inspectors:remove-recusal', { id }),
    onSuccess: () => {
      refresh();
      void message.success(t('common.saved'));
    },
    onError: (e) => void message.error(e.message),
  });

  return (
    <div style={{ padding: '4px 0' }}>
      <Typography.Text strong>{t('plans.recusals.title', { name: inspector.name })}</Typography.Text>
      <Table<Recusal>
        rowKey="id"
        size="small"
        style={{ marginTop: 8 }}
        aria-label={`${t('plans.recusals.listLabel')} ${inspector.name}`}
        dataSource={inspector.recusals}
        pagination={false}
        locale={{ emptyText: t('plans.inspectors.noRecusals') }}
        columns={[
          {
            title: t('plans.recusals.scope'),
            dataIndex: 'scope',
            width: 90,
            render: (s: Recusal['scope']) => (
              <Tag color={s === 'institution' ? 'blue' : 'purple'}>
                {s === 'institution' ? t('plans.recusals.scopeInstitution') : t('plans.recusals.scopeTown')}
              </Tag>
            ),
          },
          {
            title: t('plans.recusals.target'),
            key: 'target',
            render: (_v, r) => r.institutionName ?? r.townName ?? '—',
          },
          { title: t('plans.recusals.reason'), dataIndex: 'reason' },
          {
            title: t('plans.recusals.registered'),
            key: 'by',
            render: (_v, r) => (
              <Typography.Text type="secondary">
                {t('plans.recusals.createdBy', {
                  name: r.createdByName,
                  date: dayjs(r.createdAt).format(t('plans.dateFormat')),
                })}
              </Typography.Text>
            ),
          },
          ...(isAdmin
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_v: unknown, r: Recusal) => (
                    <Popconfirm title={t('plans.recusals.removeConfirm')} onConfirm={() => remove.mutate(r.id)}>
                      <Button size="small" danger>
                        {t('plans.recusals.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {isAdmin && (
        <Form<RecusalValues>
          form={form}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          initialValues={{ scope: 'institution' }}
          onFinish={(v) => add.mutate(v)}
        >
          <Form.Item name="scope" label={t('plans.recusals.scope')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'institution', label: t('plans.recusals.scopeInstitution') },
                { value: 'town', label: t('plans.recusals.scopeTown') },
              ]}
            />
          </Form.Item>
          {scope === 'institution' ? (
            <Form.Item
              name="institutionId"
              label={t('plans.recusals.institution')}
              rules={[{ required: true, message: t('plans.recusals.targetRequired') }]}
            >
              <Select
                showSearch={{ filterOption: false, onSearch: setSearch }}
                style={{ width: 240 }}
                placeholder={t('plans.recusals.institutionPlaceholder')}
                loading={institutions.isFetching}
                options={(institutions.data?.items ?? []).map((i) => ({
                  value: i.id,
                  label: `${i.name}（${i.townName}）`,
                }))}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="townId"
              label={t('plans.recusals.town')}
              rules={[{ required: true, message: t('plans.recusals.targetRequired') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 200 }}
                options={(towns.data ?? []).map((town) => ({ value: town.id, label: town.name }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={t('plans.recusals.reason')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('plans.recusals.reasonRequired') }]}
          >
            <Input style={{ width: 280 }} maxLength={200} placeholder={t('plans.recusals.reasonPlaceholder')} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('plans.recusals.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {institutions.isError && scope === 'institution' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('plans.recusals.institutionsUnavailable', { message: institutions.error.message })}
        />
      )}
      {add.error && <Alert type="error" showIcon style={{ marginTop: 8 }} title={add.error.message} />}
    </div>
  );
}
