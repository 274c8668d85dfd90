import { useQuery } from '@tanstack/react-query';
import { Button, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Inspector } from '../../../../electron/api';
import { call } from '../../api';
import { useDepartments } from '../../hooks';
import { InspectorFormModal } from './InspectorFormModal';
import { inspectorsQueryKey } from './query-keys';
import { RecusalPanel } from './RecusalPanel';

/**
 * 检查人员: the roster the 双随机 draw takes its teams from. Everyone may read it (phone numbers arrive masked
 * for non-administrators); administrators add, edit and manage recusals in the expanded row.
 */
export function InspectorsTab({ isAdmin, userId }: { isAdmin: boolean; userId: string }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<Inspector | 'new' | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const roster = useQuery({
    // The signed-in user is part of the key: an administrator's cached list (full phone numbers) must never be
    // shown to the next person who signs in on this machine.
    queryKey: [...inspectorsQueryKey, userId, includeInactive],
    queryFn: () => call('inspectors:list', { includeInactive }),
  });
  const deptName = new Map((departments.data ?? []).map((d) => [d.key, d.shortZh]));
  const toggle = (id: string) =>
    setExpanded((keys) => (keys.includes(id) ? keys.filter((k) => k !== id) : [...keys, id]));

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {isAdmin && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('plans.inspectors.newInspector')}
          </Button>
        )}
        <Space>
          <Switch
            size="small"
            checked={includeInactive}
            onChange={setIncludeInactive}
            aria-label={t('plans.inspectors.showInactive')}
          />
          <span>{t('plans.inspectors.showInactive')}</span>
        </Space>
      </Space>
      <Table<Inspector>
        rowKey="id"
        size="small"
        aria-label={t('plans.inspectors.listLabel')}
        loading={roster.isPending}
        dataSource={roster.data ?? []}
        pagination={false}
        locale={{ emptyText: roster.isError ? roster.error.message : t('plans.inspectors.empty') }}
        footer={() => t('common.total', { count: roster.data?.length ?? 0 })}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (_open, row) => toggle(row.id),
          expandedRowRender: (row) => <RecusalPanel inspector={row} isAdmin={isAdmin} />,
        }}
        columns={[
          { title: t('plans.inspectors.name'), dataIndex: 'name' },
          {
            title: t('plans.inspectors.department'),
            dataIndex: 'departmentKey',
            render: (k: string) => deptName.get(k) ?? k,
          },
          {
            title: t('plans.inspectors.certificateNo'),
            dataIndex: 'certificateNo',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('plans.inspectors.phone'),
            dataIndex: 'phone',
            render: (v: string | null, row) =>
              v === null ? (
                '—'
              ) : row.phoneMasked ? (
                <Tooltip title={t('plans.inspectors.phoneMaskedHint')}>{v}</Tooltip>
              ) : (
                v
              ),
          },
          {
            title: t('plans.inspectors.status'),
            dataIndex: 'isActive',
            render: (active: boolean) =>
              active ? (
                <Tag color="green">{t('plans.inspectors.active')}</Tag>
              ) : (
                <Tag>{t('plans.inspectors.inactive')}</Tag>
              ),
          },
          {
            title: t('plans.inspectors.recusals'),
            key: 'recusals',
            render: (_v, row) =>
              row.recusals.length === 0 ? (
                t('plans.inspectors.noRecusals')
              ) : (
                <Tag color="orange">{t('plans.inspectors.recusalCount', { count: row.recusals.length })}</Tag>
              ),
          },
          ...(isAdmin
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_v: unknown, row: Inspector) => (
                    <Space size="small">
                      <Button
                        size="small"
                        onClick={() => setEditing(row)}
                        aria-label={`${t('plans.inspectors.edit')} ${row.name}`}
                      >
                        {t('plans.inspectors.edit')}
                      </Button>
                      <Button
                        size="small"
                        onClick={() => toggle(row.id)}
                        aria-label={`${t('plans.inspectors.manageRecusals')} ${row.name}`}
                      >
                        {t('plans.inspectors.manageRecusals')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== null && (
        <InspectorFormModal inspector={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
