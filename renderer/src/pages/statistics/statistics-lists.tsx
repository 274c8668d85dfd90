import { Card, Table, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { InstitutionRanking, StatisticsDashboard, StatisticsHazard } from '../../../../electron/api';

type DepartmentName = (key: string) => string;

/** Where a listed hazard leads: the hazards module's page of its institution (the module has no per-hazard route). */
function hazardsOf(institutionId: string): string {
  return `/hazards/institution/${encodeURIComponent(institutionId)}`;
}

function HazardTable({
  list,
  departmentName,
}: {
  list: StatisticsDashboard['overdue'];
  departmentName: DepartmentName;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const separator = i18n.language === 'en-US' ? ', ' : '、';
  return (
    <Table<StatisticsHazard>
      rowKey="id"
      size="small"
      dataSource={list.items}
      pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
      onRow={(row) => ({
        onClick: () => navigate(hazardsOf(row.institutionId)),
        style: { cursor: 'pointer' },
        title: t('statistics.list.open'),
      })}
      footer={
        list.total > list.items.length
          ? () => t('statistics.list.shown', { shown: list.items.length, total: list.total })
          : undefined
      }
      columns={[
        { title: t('statistics.list.code'), dataIndex: 'code', width: 120 },
        { title: t('statistics.list.institution'), dataIndex: 'institutionName', ellipsis: true },
        { title: t('statistics.list.town'), dataIndex: 'townName', width: 100 },
        { title: t('statistics.list.description'), dataIndex: 'description', ellipsis: true },
        {
          title: t('statistics.list.severity'),
          dataIndex: 'severity',
          width: 85,
          render: (s: StatisticsHazard['severity']) =>
            s === 'major' ? <Tag color="red">{t('statistics.severity.major')}</Tag> : t('statistics.severity.general'),
        },
        {
          title: t('statistics.list.departments'),
          dataIndex: 'departments',
          width: 150,
          render: (keys: string[]) => keys.map(departmentName).join(separator),
        },
        { title: t('statistics.list.deadline'), dataIndex: 'deadlineDate', width: 105 },
        {
          title: t('statistics.list.daysOverdue'),
          dataIndex: 'daysOverdue',
          width: 100,
          align: 'right',
          render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : '—'),
        },
        {
          title: t('statistics.list.state'),
          dataIndex: 'state',
          width: 95,
          render: (s: StatisticsHazard['state']) => t(`statistics.state.${s}`),
        },
      ]}
    />
  );
}

/** The major-open and overdue lists, as tabs; clicking a row opens the institution's hazards. */
export function HazardLists({ data, departmentName }: { data: StatisticsDashboard; departmentName: DepartmentName }) {
  const { t } = useTranslation();
  return (
    <Card size="small" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        items={[
          {
            key: 'overdue',
            label: t('statistics.list.overdue', { count: data.overdue.total }),
            children: <HazardTable list={data.overdue} departmentName={departmentName} />,
          },
          {
            key: 'major',
            label: t('statistics.list.major', { count: data.majorOpen.total }),
            children: <HazardTable list={data.majorOpen} departmentName={departmentName} />,
          },
        ]}
      />
    </Card>
  );
}

/** The institutions with the most open plus overdue hazards. */
export function TopInstitutions({ rows }: { rows: InstitutionRanking[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card size="small" title={t('statistics.top.title')} styles={{ body: { padding: 0 } }}>
      <Table<InstitutionRanking>
        rowKey="institutionId"
        size="small"
        dataSource={rows}
        pagination={false}
        onRow={(row) => ({ onClick: () => navigate(hazardsOf(row.institutionId)), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('statistics.top.institution'), dataIndex: 'institutionName', ellipsis: true },
          { title: t('statistics.top.town'), dataIndex: 'townName', width: 100 },
          { title: t('statistics.top.open'), dataIndex: 'open', width: 70, align: 'right' },
          {
            title: t('statistics.top.overdue'),
            dataIndex: 'overdue',
            width: 85,
            align: 'right',
            render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
          { title: t('statistics.top.majorOpen'), dataIndex: 'majorOpen', width: 70, align: 'right' },
        ]}
      />
    </Card>
  );
}
