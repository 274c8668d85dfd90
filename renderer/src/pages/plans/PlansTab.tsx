import { useQuery } from '@tanstack/react-query';
import { Button, Progress, Space, Switch, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../../electron/api';
import { call } from '../../api';
import { PlanDetailView } from './PlanDetailView';
import { PlanFormModal } from './PlanFormModal';
import { planStatusColors } from './plan-format';
import { plansQueryKey } from './query-keys';

/** 检查计划: the list of plans; opening one shows its draw, schedule and progress in place. */
export function PlansTab({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const [includeCancelled, setIncludeCancelled] = useState(false);
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: [...plansQueryKey, 'list', includeCancelled],
    queryFn: () => call('plans:list', { includeCancelled }),
  });
  const fmt = t('plans.dateFormat');

  if (openId !== null) return <PlanDetailView planId={openId} isAdmin={isAdmin} onBack={() => setOpenId(null)} />;
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {isAdmin && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('plans.list.newPlan')}
          </Button>
        )}
        <Space>
          <Switch
            size="small"
            checked={includeCancelled}
            onChange={setIncludeCancelled}
            aria-label={t('plans.list.showCancelled')}
          />
          <span>{t('plans.list.showCancelled')}</span>
        </Space>
      </Space>
      <Table<PlanSummary>
        rowKey="id"
        size="small"
        aria-label={t('plans.list.listLabel')}
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: list.isError ? list.error.message : t('plans.list.empty') }}
        footer={() => t('common.total', { count: list.data?.length ?? 0 })}
        columns={[
          {
            title: t('plans.list.name'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(row.id)}>
                {name}
              </Button>
            ),
          },
          {
            title: t('plans.list.type'),
            dataIndex: 'type',
            render: (type: PlanSummary['type'], row) => (
              <Space size={4}>
                {t(`plans.typeNames.${type}`)}
                {row.isFlying && type !== '飞行检查' && <Tag color="volcano">{t('plans.list.flying')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('plans.list.period'),
            key: 'period',
            render: (_v, row) => `${dayjs(row.periodStart).format(fmt)} – ${dayjs(row.periodEnd).format(fmt)}`,
          },
          {
            title: t('plans.list.status'),
            dataIndex: 'status',
            render: (s: PlanSummary['status']) => <Tag color={planStatusColors[s]}>{t(`plans.statusNames.${s}`)}</Tag>,
          },
          {
            title: t('plans.list.progress'),
            key: 'progress',
            width: 180,
            render: (_v, row) =>
              row.progress.total === 0 ? (
                '—'
              ) : (
                <Progress
                  size="small"
                  percent={Math.round((row.progress.done / row.progress.total) * 100)}
                  success={{ percent: Math.round((row.progress.done / row.progress.total) * 100) }}
                  format={() => `${row.progress.done}/${row.progress.total}`}
                />
              ),
          },
        ]}
      />
      {creating && (
        <PlanFormModal
          plan={null}
          onClose={(createdId) => {
            setCreating(false);
            if (createdId) setOpenId(createdId);
          }}
        />
      )}
    </>
  );
}
