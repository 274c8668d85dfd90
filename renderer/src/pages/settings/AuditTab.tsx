import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';

/** The newest audit records: who changed what, when, and why. */
export function AuditTab() {
  const { t } = useTranslation();
  const audit = useQuery({ queryKey: ['audit'], queryFn: () => call('audit:list', { limit: 200 }) });
  return (
    <Table
      rowKey="id"
      size="small"
      loading={audit.isPending}
      dataSource={audit.data ?? []}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('settings.auditAt'), dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
        { title: t('settings.auditActor'), dataIndex: 'actorName', width: 110 },
        { title: t('settings.auditEntity'), dataIndex: 'entity', width: 110 },
        { title: t('settings.auditAction'), dataIndex: 'action', width: 160 },
        {
          title: t('settings.auditReason'),
          dataIndex: 'reason',
          render: (r: string | null) => r ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
      ]}
    />
  );
}
