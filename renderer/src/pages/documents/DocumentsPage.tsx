import { useQuery } from '@tanstack/react-query';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { IssueTab } from './IssueTab';
import { RegisterTab } from './RegisterTab';
import { SettingsTab } from './SettingsTab';
import { VerifyTab } from './VerifyTab';

/** 文书报告: issue documents for finished inspections and departments, the register, verification, settings. */
export function DocumentsPage() {
  const { t } = useTranslation();
  // Same query as the sign-in gate, so this reads the cached session.
  const status = useQuery({ queryKey: ['auth', 'status'], queryFn: () => call('auth:status', {}) });
  const role = status.data?.user?.role ?? 'viewer';
  const items = [
    ...(role !== 'viewer' ? [{ key: 'issue', label: t('documents.tabIssue'), children: <IssueTab /> }] : []),
    { key: 'register', label: t('documents.tabRegister'), children: <RegisterTab canVoid={role !== 'viewer'} /> },
    { key: 'verify', label: t('documents.tabVerify'), children: <VerifyTab /> },
    { key: 'settings', label: t('documents.tabSettings'), children: <SettingsTab isAdmin={role === 'admin'} /> },
  ];
  return (
    <Card title={t('documents.title')}>
      <Tabs items={items} destroyOnHidden />
    </Card>
  );
}
