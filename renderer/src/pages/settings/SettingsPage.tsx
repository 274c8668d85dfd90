import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../../../electron/api';
import { AuditTab } from './AuditTab';
import { DepartmentsTab } from './DepartmentsTab';
import { GeneralTab } from './GeneralTab';
import { TownsTab } from './TownsTab';
import { UsersTab } from './UsersTab';

/** 设置: data location and schema, language, reference data (towns, departments), accounts and the audit log. */
export function SettingsPage({ user }: { user: PublicUser }) {
  const { t } = useTranslation();
  const isAdmin = user.role === 'admin';
  const items = [
    { key: 'general', label: t('settings.tabGeneral'), children: <GeneralTab /> },
    { key: 'towns', label: t('settings.tabTowns'), children: <TownsTab canEdit={isAdmin} /> },
    { key: 'departments', label: t('settings.tabDepartments'), children: <DepartmentsTab /> },
    ...(isAdmin
      ? [
          { key: 'users', label: t('settings.tabUsers'), children: <UsersTab /> },
          { key: 'audit', label: t('settings.tabAudit'), children: <AuditTab /> },
        ]
      : []),
  ];
  return (
    <Card title={t('settings.title')}>
      <Tabs items={items} destroyOnHidden />
    </Card>
  );
}
