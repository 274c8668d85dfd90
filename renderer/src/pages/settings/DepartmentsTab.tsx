import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../../electron/api';
import { useDepartments } from '../../hooks';

/** The supervising departments that hazards are routed to. */
export function DepartmentsTab() {
  const { t } = useTranslation();
  const departments = useDepartments();
  return (
    <Table<Department>
      rowKey="key"
      size="small"
      pagination={false}
      loading={departments.isPending}
      dataSource={departments.data ?? []}
      columns={[
        { title: t('settings.deptShort'), dataIndex: 'shortZh', width: 120 },
        { title: t('settings.deptNameZh'), dataIndex: 'nameZh' },
        { title: t('settings.deptNameEn'), dataIndex: 'nameEn' },
      ]}
    />
  );
}
