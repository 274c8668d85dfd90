import { useQuery } from '@tanstack/react-query';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { InspectorsTab } from './InspectorsTab';
import { MyAssignmentsTab } from './MyAssignmentsTab';
import { PlansTab } from './PlansTab';

/** 检查计划: plans with the 双随机 draw and schedule, 我的检查安排, and the inspector roster with recusals. */
export function PlansPage() {
  const { t } = useTranslation();
  // Same query as the sign-in gate, so this reads the cached session rather than calling again.
  const status = useQuery({ queryKey: ['auth', 'status'], queryFn: () => call('auth:status', {}) });
  const user = status.data?.user ?? null;
  const isAdmin = user?.role === 'admin';
  const canInspect = user?.role === 'admin' || user?.role === 'inspector';
  const items = [
    { key: 'plans', label: t('plans.tabPlans'), children: <PlansTab isAdmin={isAdmin} /> },
    ...(canInspect
      ? [{ key: 'mine', label: t('plans.tabMine'), children: <MyAssignmentsTab userId={user?.id ?? ''} /> }]
      : []),
    {
      key: 'inspectors',
      label: t('plans.tabInspectors'),
      children: <InspectorsTab isAdmin={isAdmin} userId={user?.id ?? ''} />,
    },
  ];
  return (
    <Card title={t('plans.title')}>
      <Tabs items={items} destroyOnHidden />
    </Card>
  );
}
