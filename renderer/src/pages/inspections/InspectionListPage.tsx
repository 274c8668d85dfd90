import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Progress, Space, Table, Tag } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { InspectionSummary } from '../../../../electron/api';
import { call } from '../../api';
import { formatTime, useCurrentRole, useCurrentUserId } from './shared';

const AUTO_OPENED = 'careinspect.inspections.autoOpened';

/**
 * The module's start page: 进行中 inspections at the top (an unfinished inspection of the signed-in user is
 * reopened automatically the first time the module is entered after a start), then the finished ones.
 */
export function InspectionListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const role = useCurrentRole();
  const userId = useCurrentUserId();
  const list = useQuery({
    queryKey: ['inspections', 'list'],
    queryFn: () => call('inspections:list', {}),
    staleTime: 0,
  });
  const inProgress = (list.data ?? []).filter((i) => i.status === 'in_progress');
  const finished = (list.data ?? []).filter((i) => i.status === 'finished');

  useEffect(() => {
    if (!list.data || !userId || sessionStorage.getItem(AUTO_OPENED)) return;
    sessionStorage.setItem(AUTO_OPENED, '1');
    const mine = list.data.find((i) => i.status === 'in_progress' && i.createdById === userId);
    if (mine) navigate(`/inspections/${mine.id}`);
  }, [list.data, userId, navigate]);

  const columns = (done: boolean) => [
    { title: t('inspections.columns.institution'), dataIndex: 'institutionName', key: 'institution' },
    {
      title: t('inspections.columns.template'),
      key: 'template',
      render: (_v: unknown, r: InspectionSummary) => `${r.templateName} v${r.templateVersion}`,
    },
    {
      title: t('inspections.columns.inspectors'),
      key: 'inspectors',
      render: (_v: unknown, r: InspectionSummary) => r.inspectorNames.join('、'),
    },
    {
      title: done ? t('inspections.columns.finishedAt') : t('inspections.columns.startedAt'),
      key: 'time',
      render: (_v: unknown, r: InspectionSummary) => formatTime(done ? r.finishedAt : r.startedAt),
    },
    {
      title: t('inspections.columns.progress'),
      key: 'progress',
      width: 180,
      render: (_v: unknown, r: InspectionSummary) => (
        <Progress
          percent={r.total ? Math.round((r.answered / r.total) * 100) : 0}
          size="small"
          format={() => `${r.answered}/${r.total}`}
        />
      ),
    },
    {
      title: t('inspections.columns.nonCompliant'),
      key: 'failed',
      render: (_v: unknown, r: InspectionSummary) => (r.nonCompliant ? <Tag color="red">{r.nonCompliant}</Tag> : 0),
    },
    {
      title: '',
      key: 'open',
      render: (_v: unknown, r: InspectionSummary) => (
        <Button type={done ? 'default' : 'primary'} size="small" onClick={() => navigate(`/inspections/${r.id}`)}>
          {done ? t('inspections.open') : t('inspections.continue')}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('inspections.inProgress')}
        extra={
          role && role !== 'viewer' ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/inspections/new')}>
              {t('inspections.newInspection')}
            </Button>
          ) : null
        }
      >
        {inProgress.length === 0 && !list.isPending ? (
          <Empty description={list.isError ? list.error.message : t('inspections.noneInProgress')} />
        ) : (
          <Table<InspectionSummary>
            rowKey="id"
            size="small"
            loading={list.isPending}
            dataSource={inProgress}
            columns={columns(false)}
            pagination={false}
          />
        )}
      </Card>
      <Card title={t('inspections.finished')}>
        {finished.length === 0 && !list.isPending ? (
          <Empty description={t('inspections.noneFinished')} />
        ) : (
          <Table<InspectionSummary>
            rowKey="id"
            size="small"
            loading={list.isPending}
            dataSource={finished}
            columns={columns(true)}
            pagination={{ pageSize: 20 }}
          />
        )}
      </Card>
    </Space>
  );
}
