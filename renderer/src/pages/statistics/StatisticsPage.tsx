import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Empty, Row, Select, Space, Spin, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatisticsFilter } from '../../../../electron/api';
import { call } from '../../api';
import { useDepartments, useTowns } from '../../hooks';
import { DepartmentChart, TownChart, TrendChart } from './statistics-charts';
import { HazardLists, TopInstitutions } from './statistics-lists';

const DATE = 'YYYY-MM-DD';

function periodOf(from: Dayjs, to: Dayjs): Pick<StatisticsFilter, 'from' | 'to'> {
  return { from: from.format(DATE), to: to.format(DATE) };
}

/** One KPI card; `testId` lets the end-to-end story read the figure. */
function Kpi({
  testId,
  title,
  value,
  suffix,
  note,
  danger,
}: {
  testId: string;
  title: string;
  value: number | string;
  suffix?: string;
  note?: ReactNode;
  danger?: boolean;
}) {
  return (
    <Card size="small" data-testid={testId} style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={value}
        {...(suffix ? { suffix } : {})}
        {...(danger ? { styles: { content: { color: '#cf1322' } } } : {})}
      />
      {note && <Typography.Text type="secondary">{note}</Typography.Text>}
    </Card>
  );
}

/** 统计: the joint-supervision meeting's figures for a period, a town and a department. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const [filter, setFilter] = useState<StatisticsFilter>(() =>
    periodOf(dayjs().startOf('year'), dayjs().endOf('year')),
  );
  const towns = useTowns();
  const departments = useDepartments();
  const dashboard = useQuery({
    queryKey: ['statistics', 'dashboard', filter],
    queryFn: () => call('statistics:dashboard', filter),
    placeholderData: keepPreviousData,
  });
  const departmentNames = new Map((departments.data ?? []).map((d) => [d.key, english ? d.nameEn : d.shortZh]));
  const departmentName = (key: string) => departmentNames.get(key) ?? key;
  const data = dashboard.data;
  const totals = data?.totals;
  const today = dayjs();

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap align="center" style={{ width: '100%', justifyContent: 'space-between' }}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('statistics.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('statistics.subtitle')}</Typography.Text>
          </div>
          <Space wrap>
            <DatePicker.RangePicker
              aria-label={t('statistics.filter.period')}
              allowClear={false}
              value={[dayjs(filter.from), dayjs(filter.to)]}
              presets={[
                { label: t('statistics.filter.thisYear'), value: [today.startOf('year'), today.endOf('year')] },
                {
                  label: t('statistics.filter.thisQuarter'),
                  value: [
                    today.month(Math.floor(today.month() / 3) * 3).startOf('month'),
                    today.month(Math.floor(today.month() / 3) * 3 + 2).endOf('month'),
                  ],
                },
                {
                  label: t('statistics.filter.lastYear'),
                  value: [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')],
                },
              ]}
              onChange={(range) => {
                const [from, to] = range ?? [];
                if (from && to) setFilter((f) => ({ ...f, ...periodOf(from, to) }));
              }}
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              aria-label={t('statistics.filter.town')}
              placeholder={t('statistics.filter.town')}
              style={{ width: 160 }}
              value={filter.townId}
              onChange={(townId?: string) => setFilter(({ townId: _old, ...f }) => (townId ? { ...f, townId } : f))}
              options={(towns.data ?? []).map((tw) => ({ value: tw.id, label: tw.name }))}
            />
            <Select
              allowClear
              aria-label={t('statistics.filter.department')}
              placeholder={t('statistics.filter.department')}
              style={{ width: 170 }}
              value={filter.departmentKey}
              onChange={(departmentKey?: string) =>
                setFilter(({ departmentKey: _old, ...f }) => (departmentKey ? { ...f, departmentKey } : f))
              }
              options={(departments.data ?? []).map((d) => ({ value: d.key, label: english ? d.nameEn : d.shortZh }))}
            />
          </Space>
        </Space>
      </Card>

      {dashboard.isError && (
        <Alert type="error" showIcon message={t('statistics.loadFailed')} description={dashboard.error.message} />
      )}

      {!data || !totals ? (
        dashboard.isError ? null : (
          <Card>
            <Spin />
          </Card>
        )
      ) : (
        <Spin spinning={dashboard.isFetching}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {t('statistics.asOf', { date: data.asOf })}
              {filter.departmentKey ? ` · ${t('statistics.inspectionsWhole')}` : ''}
            </Typography.Text>
            <Row gutter={[12, 12]}>
              <Col xs={12} md={6} xl={3}>
                <Kpi testId="kpi-institutions" title={t('statistics.kpi.institutions')} value={totals.institutions} />
              </Col>
              <Col xs={12} md={6} xl={3}>
                <Kpi
                  testId="kpi-inspections"
                  title={t('statistics.kpi.inspections')}
                  value={totals.inspections}
                  note={t('statistics.kpi.inspectedInstitutions', { count: totals.inspectedInstitutions })}
                />
              </Col>
              <Col xs={12} md={6} xl={3}>
                <Kpi
                  testId="kpi-found"
                  title={t('statistics.kpi.found')}
                  value={totals.found}
                  note={t('statistics.kpi.majorFound', { count: totals.majorFound })}
                />
              </Col>
              <Col xs={12} md={6} xl={3}>
                <Kpi testId="kpi-open" title={t('statistics.kpi.open')} value={totals.open} />
              </Col>
              <Col xs={12} md={6} xl={3}>
                <Kpi
                  testId="kpi-overdue"
                  title={t('statistics.kpi.overdue')}
                  value={totals.overdue}
                  danger={totals.overdue > 0}
                />
              </Col>
              <Col xs={12} md={6} xl={3}>
                <Kpi
                  testId="kpi-major-open"
                  title={t('statistics.kpi.majorOpen')}
                  value={totals.majorOpen}
                  danger={totals.majorOpen > 0}
                />
              </Col>
              <Col xs={12} md={6} xl={3}>
                <Kpi
                  testId="kpi-rate"
                  title={t('statistics.kpi.rate')}
                  value={totals.rectificationRate === null ? '—' : (totals.rectificationRate * 100).toFixed(1)}
                  {...(totals.rectificationRate === null ? {} : { suffix: '%' })}
                  note={t('statistics.kpi.rateDetail', { closed: totals.closed, found: totals.found })}
                />
              </Col>
              <Col xs={12} md={6} xl={3}>
                <Kpi
                  testId="kpi-days"
                  title={t('statistics.kpi.medianDays')}
                  value={totals.medianDaysToClose ?? '—'}
                  {...(totals.medianDaysToClose === null ? {} : { suffix: t('statistics.kpi.days') })}
                  note={
                    totals.meanDaysToClose === null
                      ? undefined
                      : t('statistics.kpi.meanDays', { days: totals.meanDaysToClose, count: totals.closedInPeriod })
                  }
                />
              </Col>
            </Row>
            {totals.found === 0 && totals.open === 0 ? (
              <Card>
                <Empty description={t('statistics.empty')} />
              </Card>
            ) : (
              <>
                <Row gutter={[12, 12]}>
                  <Col xs={24} xl={12}>
                    <TrendChart rows={data.byMonth} asOf={data.asOf} />
                  </Col>
                  <Col xs={24} xl={12}>
                    <DepartmentChart rows={data.byDepartment} />
                  </Col>
                </Row>
                <Row gutter={[12, 12]}>
                  <Col xs={24} xl={12}>
                    <TownChart rows={data.byTown} />
                  </Col>
                  <Col xs={24} xl={12}>
                    <TopInstitutions rows={data.topInstitutions} />
                  </Col>
                </Row>
                <HazardLists data={data} departmentName={departmentName} />
              </>
            )}
          </Space>
        </Spin>
      )}
    </Space>
  );
}
