import { Button, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Hazard } from '../../../../electron/api';
import { useDepartmentNames } from './department-names';
import { DeadlineCell, SeverityTag, StateTag } from './HazardTags';

/** The hazard list of the board and of the per-institution view, in the order the service gives. */
export function HazardTable({
  items,
  today,
  loading,
  onOpen,
  selectedIds,
  onSelect,
  showInstitution = true,
}: {
  items: Hazard[];
  today: string;
  loading: boolean;
  onOpen: (id: string) => void;
  selectedIds?: string[];
  onSelect?: (ids: string[]) => void;
  showInstitution?: boolean;
}) {
  const { t } = useTranslation();
  const departments = useDepartmentNames();
  return (
    <Table<Hazard>
      className="ci-hazard-table"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: t('hazards.empty') }}
      pagination={{ pageSize: 50, showTotal: (count) => t('common.total', { count }), hideOnSinglePage: true }}
      rowSelection={
        onSelect
          ? {
              selectedRowKeys: selectedIds ?? [],
              onChange: (keys) => onSelect(keys.map(String)),
              getCheckboxProps: (row) => ({ disabled: row.state === 'closed', 'aria-label': row.code }),
            }
          : undefined
      }
      onRow={(row) => ({ onDoubleClick: () => onOpen(row.id) })}
      rowClassName={(row) => (row.overdue ? 'ci-hazard-overdue' : '')}
      columns={[
        {
          title: t('hazards.col.code'),
          dataIndex: 'code',
          width: 120,
          render: (code: string, row) => (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(row.id)}>
              {code}
            </Button>
          ),
        },
        ...(showInstitution
          ? [
              {
                title: t('hazards.col.institution'),
                key: 'institution',
                width: 200,
                render: (_v: unknown, row: Hazard) => (
                  <Space direction="vertical" size={0}>
                    <Typography.Text>{row.institutionName}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {row.townName}
                    </Typography.Text>
                  </Space>
                ),
              },
            ]
          : []),
        {
          title: t('hazards.col.hazard'),
          key: 'hazard',
          render: (_v, row) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{row.location}</Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360 }}>
                {row.description}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t('hazards.col.severity'),
          key: 'severity',
          width: 150,
          render: (_v, row) => <SeverityTag hazard={row} />,
        },
        {
          title: t('hazards.col.state'),
          dataIndex: 'state',
          width: 120,
          render: (_v, row) => (
            <Space size={4} wrap>
              <StateTag state={row.state} />
              {row.fixedOnSpot && <Tag>{t('hazards.fixedOnSpot')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('hazards.col.deadline'),
          key: 'deadline',
          width: 190,
          render: (_v, row) => <DeadlineCell hazard={row} today={today} />,
        },
        {
          title: t('hazards.col.departments'),
          dataIndex: 'departments',
          width: 150,
          render: (keys: string[]) => keys.map((k) => departments.name(k)).join('、'),
        },
        {
          title: t('hazards.col.nextStep'),
          key: 'nextStep',
          width: 100,
          render: (_v, row) =>
            row.nextStep ? <Tag color="volcano">{t(`hazards.nextStep.${row.nextStep}`)}</Tag> : null,
        },
      ]}
    />
  );
}
