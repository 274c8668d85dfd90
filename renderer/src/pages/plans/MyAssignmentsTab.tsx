import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Assignment } from '../../../../electron/api';
import { call } from '../../api';
import { assignmentStatusColors } from './plan-format';
import { plansQueryKey } from './query-keys';

/** 我的检查安排: the signed-in user's assignments (through their linked roster inspector), by date. */
export function MyAssignmentsTab({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The user is part of the key: the next person signing in on this machine must not see a cached schedule.
  const mine = useQuery({
    queryKey: [...plansQueryKey, 'mine', userId],
    queryFn: () => call('plans:list-my-assignments', {}),
  });
  const fmt = t('plans.dateFormat');
  if (mine.isError) return <Alert type="error" showIcon title={mine.error.message} />;
  if (mine.data && mine.data.inspector === null)
    return <Alert type="info" showIcon title={t('plans.mine.notLinked')} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {mine.data?.inspector && (
        <Typography.Title level={5}>{t('plans.mine.title', { name: mine.data.inspector.name })}</Typography.Title>
      )}
      <Table<Assignment>
        rowKey="id"
        size="small"
        aria-label={t('plans.mine.listLabel')}
        loading={mine.isPending}
        dataSource={mine.data?.assignments ?? []}
        pagination={false}
        locale={{ emptyText: t('plans.mine.empty') }}
        columns={[
          {
            title: t('plans.schedule.date'),
            dataIndex: 'scheduledDate',
            render: (v: string | null) => (v ? dayjs(v).format(fmt) : t('plans.schedule.unscheduled')),
          },
          { title: t('plans.schedule.institution'), dataIndex: 'institutionName' },
          { title: t('plans.schedule.town'), dataIndex: 'townName' },
          {
            title: t('plans.mine.plan'),
            key: 'plan',
            render: (_v, row) => (
              <Space size={4}>
                {row.planName}
                {row.isFlying && <Tag color="volcano">{t('plans.list.flying')}</Tag>}
              </Space>
            ),
          },
          { title: t('plans.schedule.team'), key: 'team', render: (_v, row) => row.team.map((m) => m.name).join('、') },
          {
            title: t('plans.schedule.status'),
            dataIndex: 'status',
            render: (s: Assignment['status']) => (
              <Tag color={assignmentStatusColors[s]}>{t(`plans.assignmentStatusNames.${s}`)}</Tag>
            ),
          },
          {
            title: t('plans.mine.action'),
            key: 'action',
            render: (_v, row) =>
              row.inspectionId ? (
                <Button size="small" onClick={() => navigate(`/inspections/${row.inspectionId}`)}>
                  {t('plans.mine.open')}
                </Button>
              ) : (
                <Button size="small" type="primary" onClick={() => navigate(`/inspections/new?plan=${row.id}`)}>
                  {t('plans.mine.start')}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
