import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  institutionStatusValues,
  institutionTypeValues,
  riskLevelValues,
  type InstitutionFilter,
  type InstitutionListItem,
} from '../../../../electron/api';
import { call } from '../../api';
import { useTowns } from '../../hooks';
import { downloadBase64 } from './files';
import { ImportWizard } from './ImportWizard';
import { InstitutionForm } from './InstitutionForm';
import { INSTITUTIONS_KEY, riskColor, statusColor, useCanEdit } from './institution-hooks';

type SortField = NonNullable<InstitutionFilter['sortField']>;

const SORTABLE: Record<string, SortField> = {
  name: 'name',
  townName: 'town',
  type: 'type',
  bedCount: 'bedCount',
  status: 'status',
  updatedAt: 'updatedAt',
  uscc: 'uscc',
};

function listParam<T extends string>(params: URLSearchParams, key: string, allowed?: readonly T[]): T[] {
  const values = (params.get(key) ?? '').split(',').filter(Boolean) as T[];
  return allowed ? values.filter((v) => allowed.includes(v)) : values;
}

/**
 * The registry list: search by any part of name, address or code, filters by town, type, status and risk,
 * server-side sorting and paging (smooth with thousands of institutions). The state lives in the URL, so
 * coming back from a profile restores the same page.
 */
export function InstitutionList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const canEdit = useCanEdit();
  const towns = useTowns();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [typed, setTyped] = useState(params.get('q') ?? '');

  const filter: InstitutionFilter = useMemo(() => {
    const sortField = params.get('sort') as SortField | null;
    return {
      query: params.get('q') ?? undefined,
      townIds: listParam(params, 'town'),
      types: listParam(params, 'type', institutionTypeValues),
      statuses: listParam(params, 'status', institutionStatusValues),
      riskLevels: listParam(params, 'risk', riskLevelValues),
      includeArchived: params.get('archived') === '1',
      ...(sortField ? { sortField, sortOrder: params.get('order') === 'desc' ? 'desc' : 'asc' } : {}),
    };
  }, [params]);
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('size') ?? '20') || 20;
  const isFiltered = Boolean(
    filter.query ||
    filter.townIds?.length ||
    filter.types?.length ||
    filter.statuses?.length ||
    filter.riskLevels?.length,
  );

  const update = (changes: Record<string, string | null>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!keepPage) next.delete('page');
    setParams(next, { replace: true });
  };

  // Typing searches after a short pause, so each keystroke does not start a query.
  useEffect(() => {
    const current = params.get('q') ?? '';
    if (typed.trim() === current) return;
    const timer = setTimeout(() => update({ q: typed.trim() || null }), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the typed text schedules a search
  }, [typed]);

  const list = useQuery({
    queryKey: [INSTITUTIONS_KEY, 'list', filter, page, pageSize],
    queryFn: () => call('institutions:list', { ...filter, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const exportFile = useMutation({
    mutationFn: () => call('institutions:export', filter),
    onSuccess: (file) => {
      downloadBase64(file.base64, file.fileName);
      void message.success(t('institutions.exported', { count: file.count }));
    },
    onError: (e) => void message.error(e.message),
  });
  const template = useMutation({
    mutationFn: () => call('institutions:template', {}),
    onSuccess: (file) => downloadBase64(file.base64, file.fileName),
    onError: (e) => void message.error(e.message),
  });

  const sortOrderOf = (key: string) =>
    filter.sortField === SORTABLE[key] ? (filter.sortOrder === 'desc' ? 'descend' : 'ascend') : null;

  return (
    <Card
      title={t('institutions.title')}
      extra={
        <Space wrap>
          <Button icon={<FileExcelOutlined />} onClick={() => template.mutate()} loading={template.isPending}>
            {t('institutions.template')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => exportFile.mutate()} loading={exportFile.isPending}>
            {isFiltered ? t('institutions.exportFiltered') : t('institutions.export')}
          </Button>
          {canEdit && (
            <>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                {t('institutions.import')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('institutions.add')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('institutions.searchPlaceholder')}
          aria-label={t('institutions.searchPlaceholder')}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || null })}
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width: 180 }}
          placeholder={t('institutions.filterTown')}
          aria-label={t('institutions.filterTown')}
          value={filter.townIds}
          optionFilterProp="label"
          options={(towns.data ?? []).map((town) => ({ value: town.id, label: town.name }))}
          onChange={(v: string[]) => update({ town: v.join(',') })}
        />
        <Select
          mode="multiple"
          allowClear
          style={{ width: 140 }}
          placeholder={t('institutions.filterType')}
          aria-label={t('institutions.filterType')}
          value={filter.types}
          options={institutionTypeValues.map((v) => ({ value: v, label: t(`institutions.types.${v}`) }))}
          onChange={(v: string[]) => update({ type: v.join(',') })}
        />
        <Select
          mode="multiple"
          allowClear
          style={{ width: 140 }}
          placeholder={t('institutions.filterStatus')}
          aria-label={t('institutions.filterStatus')}
          value={filter.statuses}
          options={institutionStatusValues.map((v) => ({ value: v, label: t(`institutions.statuses.${v}`) }))}
          onChange={(v: string[]) => update({ status: v.join(',') })}
        />
        <Select
          mode="multiple"
          allowClear
          style={{ width: 130 }}
          placeholder={t('institutions.filterRisk')}
          aria-label={t('institutions.filterRisk')}
          value={filter.riskLevels}
          options={riskLevelValues.map((v) => ({ value: v, label: t(`institutions.risk.levels.${v}`) }))}
          onChange={(v: string[]) => update({ risk: v.join(',') })}
        />
        <Checkbox
          checked={filter.includeArchived}
          onChange={(e) => update({ archived: e.target.checked ? '1' : null })}
        >
          {t('institutions.includeArchived')}
        </Checkbox>
      </Space>
      {list.isError && <Typography.Text type="danger">{list.error.message}</Typography.Text>}
      <Table<InstitutionListItem>
        rowKey="id"
        size="small"
        aria-label={t('institutions.title')}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ y: 'calc(100vh - 330px)' }}
        locale={{
          emptyText: <Empty description={isFiltered ? t('institutions.noMatch') : t('institutions.empty')} />,
        }}
        onRow={(row) => ({ onClick: () => navigate(`/institutions/${row.id}`), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { count: total }),
        }}
        onChange={(pagination, _filters, sorter) => {
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<InstitutionListItem> | undefined;
          const field = s?.order ? SORTABLE[String(s.columnKey ?? s.field)] : undefined;
          update(
            {
              page: String(pagination.current ?? 1),
              size: String(pagination.pageSize ?? 20),
              sort: field ?? null,
              order: field && s?.order === 'descend' ? 'desc' : null,
            },
            true,
          );
        }}
        columns={[
          {
            key: 'name',
            title: t('institutions.col.name'),
            dataIndex: 'name',
            sorter: true,
            sortOrder: sortOrderOf('name'),
            render: (name: string, row) => (
              <Space size={4}>
                <Typography.Link>{name}</Typography.Link>
                {row.archivedAt && <Tag>{t('institutions.archivedTag')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'uscc',
            title: t('institutions.col.uscc'),
            dataIndex: 'uscc',
            width: 190,
            sorter: true,
            sortOrder: sortOrderOf('uscc'),
            render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span>,
          },
          {
            key: 'townName',
            title: t('institutions.col.town'),
            dataIndex: 'townName',
            width: 130,
            sorter: true,
            sortOrder: sortOrderOf('townName'),
          },
          {
            key: 'type',
            title: t('institutions.col.type'),
            dataIndex: 'type',
            width: 100,
            sorter: true,
            sortOrder: sortOrderOf('type'),
            render: (v: string) => t(`institutions.types.${v}`),
          },
          {
            key: 'bedCount',
            title: t('institutions.col.beds'),
            dataIndex: 'bedCount',
            width: 80,
            align: 'right',
            sorter: true,
            sortOrder: sortOrderOf('bedCount'),
          },
          {
            key: 'status',
            title: t('institutions.col.status'),
            dataIndex: 'status',
            width: 100,
            sorter: true,
            sortOrder: sortOrderOf('status'),
            render: (v: string) => <Tag color={statusColor[v]}>{t(`institutions.statuses.${v}`)}</Tag>,
          },
          {
            key: 'risk',
            title: t('institutions.col.risk'),
            dataIndex: 'riskLevel',
            width: 90,
            render: (v: string) => <Tag color={riskColor[v]}>{t(`institutions.risk.levels.${v}`)}</Tag>,
          },
          {
            key: 'updatedAt',
            title: t('institutions.col.updatedAt'),
            dataIndex: 'updatedAt',
            width: 150,
            sorter: true,
            sortOrder: sortOrderOf('updatedAt'),
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
      <InstitutionForm open={creating} institution={null} onClose={() => setCreating(false)} />
      <ImportWizard open={importing} onClose={() => setImporting(false)} onTemplate={() => template.mutate()} />
    </Card>
  );
}
