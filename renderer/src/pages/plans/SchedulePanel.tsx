import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Assignment, PlanDetail } from '../../../../electron/api';
import { call } from '../../api';
import { useDepartments } from '../../hooks';
import { assignmentStatusColors } from './plan-format';

/** 日程与进度: the drawn institutions with their teams and dates (editable by administrators) and the progress line. */
export function SchedulePanel({
  detail,
  isAdmin,
  onChanged,
}: {
  detail: PlanDetail;
  isAdmin: boolean;
  onChanged: (d: PlanDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const departments = useDepartments();
  const deptName = new Map((departments.data ?? []).map((d) => [d.key, d.shortZh]));
  const { plan } = detail;
  const spread = useMutation({
    mutationFn: () => call('plans:schedule-evenly', { planId: plan.id }),
    onSuccess: onChanged,
  });
  const setDate = useMutation({
    mutationFn: (v: { assignmentId: string; date: string | null }) => call('plans:set-assignment-date', v),
    onSuccess: onChanged,
    onError: (e) => void message.error(e.message),
  });
  const fmt = t('plans.dateFormat');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('plans.schedule.progress', plan.progress)}</Typography.Text>
        {isAdmin && (
          <Tooltip title={t('plans.schedule.spreadHint')}>
            <Button loading={spread.isPending} onClick={() => spread.mutate()}>
              {t('plans.schedule.spread')}
            </Button>
          </Tooltip>
        )}
      </Space>
      {spread.error && <Alert type="error" showIcon title={spread.error.message} />}
      <Table<Assignment>
        rowKey="id"
        size="small"
        aria-label={t('plans.schedule.listLabel')}
        dataSource={detail.assignments}
        pagination={false}
        columns={[
          { title: t('plans.schedule.seq'), dataIndex: 'sortOrder', width: 60 },
          { title: t('plans.schedule.institution'), dataIndex: 'institutionName' },
          { title: t('plans.schedule.town'), dataIndex: 'townName' },
          {
            title: t('plans.schedule.team'),
            key: 'team',
            render: (_v, row) => (
              <Space direction="vertical" size={0}>
                <span>
                  {row.team.map((m) => `${m.name}（${deptName.get(m.departmentKey) ?? m.departmentKey}）`).join('、')}
                </span>
                {row.shortfalls.map((s) => (
                  <Typography.Text key={s} type="warning">
                    {t('plans.schedule.shortfall')}：{s}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          {
            title: t('plans.schedule.date'),
            dataIndex: 'scheduledDate',
            render: (v: string | null, row) =>
              isAdmin && row.status === '未开始' ? (
                <DatePicker
                  aria-label={t('plans.schedule.setDate', { name: row.institutionName })}
                  value={v ? dayjs(v) : null}
                  format={fmt}
                  placeholder={t('plans.schedule.unscheduled')}
                  minDate={dayjs(plan.periodStart)}
                  maxDate={dayjs(plan.periodEnd)}
                  onChange={(d) => setDate.mutate({ assignmentId: row.id, date: d ? d.format('YYYY-MM-DD') : null })}
                />
              ) : v ? (
                dayjs(v).format(fmt)
              ) : (
                t('plans.schedule.unscheduled')
              ),
          },
          {
            title: t('plans.schedule.status'),
            dataIndex: 'status',
            render: (s: Assignment['status']) => (
              <Tag color={assignmentStatusColors[s]}>{t(`plans.assignmentStatusNames.${s}`)}</Tag>
            ),
          },
        ]}
      />
    </Space>
  );
}
