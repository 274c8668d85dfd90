import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PlanDraw } from '../../../../electron/api';
import { call } from '../../api';

/**
 * Every draw of the plan, kept on record (a redraw marks the earlier one superseded). 验证 re-runs a draw from
 * its stored record in the service and shows "与记录一致" or each difference.
 */
export function DrawRecordsTable({ draws }: { draws: PlanDraw[] }) {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: (drawId: string) => call('plans:verify-draw', { drawId }) });
  const result = verify.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<PlanDraw>
        rowKey="id"
        size="small"
        aria-label={t('plans.draw.drawsLabel')}
        dataSource={draws}
        pagination={false}
        columns={[
          { title: t('plans.draw.seq'), dataIndex: 'seq', width: 60 },
          {
            title: t('plans.draw.drawnAt'),
            dataIndex: 'drawnAt',
            render: (v: string, row) => `${dayjs(v).format('YYYY-MM-DD HH:mm')} ${row.drawnByName}`,
          },
          {
            title: t('plans.draw.state'),
            key: 'state',
            render: (_v, row) =>
              row.supersededById ? (
                <Tag>{t('plans.draw.superseded')}</Tag>
              ) : (
                <Tag color="green">{t('plans.draw.current')}</Tag>
              ),
          },
          {
            title: t('plans.draw.seed'),
            dataIndex: 'seed',
            render: (v: string) => (
              <Typography.Text code copyable>
                {v}
              </Typography.Text>
            ),
          },
          {
            title: t('plans.draw.hash'),
            dataIndex: 'candidateHash',
            render: (v: string) => (
              <Typography.Text code copyable={{ text: v }}>
                {v.slice(0, 12)}…
              </Typography.Text>
            ),
          },
          { title: t('plans.draw.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
          {
            title: t('common.actions'),
            key: 'verify',
            render: (_v, row) => (
              <Button
                size="small"
                aria-label={t('plans.draw.verifyOf', { seq: row.seq })}
                loading={verify.isPending && verify.variables === row.id}
                onClick={() => verify.mutate(row.id)}
              >
                {t('plans.draw.verify')}
              </Button>
            ),
          },
        ]}
      />
      {verify.error && <Alert type="error" showIcon title={verify.error.message} />}
      {result && (
        <Alert
          role="status"
          type={result.identical ? 'success' : 'error'}
          showIcon
          title={`#${result.seq} ${result.identical ? t('plans.draw.identical') : t('plans.draw.different')}`}
          description={
            <Space direction="vertical" size={2}>
              {result.differences.map((d) => (
                <span key={d}>{d}</span>
              ))}
              <Typography.Text type="secondary">
                {result.todayMatches ? t('plans.draw.todaySame') : t('plans.draw.todayChanged')}
              </Typography.Text>
            </Space>
          }
        />
      )}
    </Space>
  );
}
