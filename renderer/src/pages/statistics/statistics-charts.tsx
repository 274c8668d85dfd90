import { Card } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentStatistics, MonthStatistics, TownStatistics } from '../../../../electron/api';
import { EChart, type ChartOption } from './echart';

const COLORS = { found: '#1677ff', closed: '#52c41a', open: '#faad14', overdue: '#cf1322', majorOpen: '#722ed1' };

type SeriesKey = 'found' | 'open' | 'overdue' | 'majorOpen';
const SERIES: readonly SeriesKey[] = ['found', 'open', 'overdue', 'majorOpen'];

/** Grouped bars of found / open / overdue / major open per category; horizontal keeps long names readable. */
function stockBars(
  names: string[],
  rows: Array<Record<SeriesKey, number>>,
  labels: Record<SeriesKey, string>,
  horizontal: boolean,
): ChartOption {
  // Long department names (English) wrap inside their slot instead of running into each other.
  const category = {
    type: 'category' as const,
    data: names,
    axisLabel: { interval: 0, fontSize: 11, width: horizontal ? 110 : 80, overflow: 'break' as const },
  };
  const value = { type: 'value' as const, minInterval: 1 };
  const series = SERIES.map((key) => ({
    type: 'bar' as const,
    name: labels[key],
    data: rows.map((r) => r[key]),
    itemStyle: { color: COLORS[key] },
    barMaxWidth: 16,
  }));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    ...(horizontal
      ? { yAxis: { ...category, inverse: true }, xAxis: value }
      : {
          xAxis: { ...category, axisLabel: { interval: 0, fontSize: 11, rotate: names.length > 6 ? 30 : 0 } },
          yAxis: value,
        }),
    series,
  };
}

/** Series names in the current language; memoised so the charts only get a new option when data or language change. */
function useSeriesLabels(): Record<SeriesKey, string> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      found: t('statistics.chart.found'),
      open: t('statistics.chart.open'),
      overdue: t('statistics.chart.overdue'),
      majorOpen: t('statistics.chart.majorOpen'),
    }),
    [t],
  );
}

/** Found, open, overdue and major-open hazards per town (only towns with any of them, to keep 36 bars readable). */
export function TownChart({ rows }: { rows: TownStatistics[] }) {
  const { t } = useTranslation();
  const labels = useSeriesLabels();
  const option = useMemo(() => {
    const shown = rows.filter((r) => r.open + r.overdue + r.majorOpen + r.found > 0);
    return stockBars(
      shown.map((r) => r.townName),
      shown,
      labels,
      true,
    );
  }, [rows, labels]);
  const count = rows.filter((r) => r.open + r.overdue + r.majorOpen + r.found > 0).length;
  return (
    <Card size="small" title={t('statistics.chart.byTown')}>
      <EChart option={option} height={Math.max(240, 56 + count * 34)} label={t('statistics.chart.byTown')} />
    </Card>
  );
}

/** Found, open, overdue and major-open hazards per responsible department. */
export function DepartmentChart({ rows }: { rows: DepartmentStatistics[] }) {
  const { t, i18n } = useTranslation();
  const labels = useSeriesLabels();
  const english = i18n.language === 'en-US';
  const option = useMemo(
    () =>
      stockBars(
        rows.map((r) => (english ? r.nameEn : r.shortZh)),
        rows,
        labels,
        true,
      ),
    [rows, labels, english],
  );
  return (
    <Card size="small" title={t('statistics.chart.byDepartment')} extra={<small>{t('statistics.chart.shared')}</small>}>
      <EChart
        option={option}
        height={Math.max(260, 56 + rows.length * 40)}
        label={t('statistics.chart.byDepartment')}
      />
    </Card>
  );
}

/** Hazards found and closed per month of the period; months after `asOf` have no data yet, not zero. */
export function TrendChart({ rows, asOf }: { rows: MonthStatistics[]; asOf: string }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.month), boundaryGap: false },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'line',
          name: t('statistics.chart.found'),
          data: rows.map((r) => (r.month > asOf.slice(0, 7) ? null : r.found)),
          itemStyle: { color: COLORS.found },
          smooth: false,
        },
        {
          type: 'line',
          name: t('statistics.chart.closed'),
          data: rows.map((r) => (r.month > asOf.slice(0, 7) ? null : r.closed)),
          itemStyle: { color: COLORS.closed },
          smooth: false,
        },
      ],
    }),
    [rows, t, asOf],
  );
  return (
    <Card size="small" title={t('statistics.chart.trend')}>
      <EChart option={option} height={260} label={t('statistics.chart.trend')} />
    </Card>
  );
}
