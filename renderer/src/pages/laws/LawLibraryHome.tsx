import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { LawSummary } from '../../../../electron/api';
import { call } from '../../api';
import { ChecklistLookup } from './ChecklistLookup';
import { Highlighted, snippet } from './Highlighted';
import { ImportDialog } from './ImportDialog';
import { useIsAdmin, useLaws, useVersionText } from './laws-hooks';
import { QuoteModeSetting } from './QuoteModeSetting';

function LawTable() {
  const { t } = useTranslation();
  const versionText = useVersionText();
  const laws = useLaws();
  if (laws.isError) return <Typography.Text type="danger">{laws.error.message}</Typography.Text>;
  return (
    <Table<LawSummary>
      rowKey="id"
      size="small"
      loading={laws.isPending}
      pagination={false}
      dataSource={laws.data ?? []}
      aria-label={t('laws.list.heading')}
      columns={[
        {
          title: t('laws.list.lawTitle'),
          dataIndex: 'title',
          render: (title: string, law) => <Link to={`/laws/${encodeURIComponent(law.id)}`}>{title}</Link>,
        },
        {
          title: t('laws.list.versionDate'),
          width: 130,
          render: (_v, law) => versionText(law.versions.find((v) => v.isCurrent)?.versionDate),
        },
        {
          title: t('laws.list.articleCount'),
          width: 90,
          align: 'right',
          render: (_v, law) => law.versions.find((v) => v.isCurrent)?.articleCount ?? 0,
        },
        {
          title: t('laws.list.source'),
          width: 170,
          render: (_v, law) => {
            const current = law.versions.find((v) => v.isCurrent);
            return current?.source === 'imported' ? (
              <Tag color="purple">{t('laws.list.imported')}</Tag>
            ) : (
              <Tag>{t('laws.list.bundled')}</Tag>
            );
          },
        },
        { title: t('laws.list.versions'), width: 80, align: 'right', render: (_v, law) => law.versions.length },
      ]}
    />
  );
}

function SearchResults({ query }: { query: string }) {
  const { t } = useTranslation();
  const result = useQuery({
    queryKey: ['laws', 'search', query],
    queryFn: () => call('laws:search', { query, limit: 200 }),
  });
  if (result.isError) return <Typography.Text type="danger">{result.error.message}</Typography.Text>;
  const data = result.data;
  return (
    <List
      loading={result.isPending}
      aria-label={t('laws.search.button')}
      header={
        data ? (
          <Typography.Text type="secondary">
            {data.total > data.hits.length
              ? t('laws.search.resultsShown', { total: data.total, shown: data.hits.length })
              : t('laws.search.results', { total: data.total })}
          </Typography.Text>
        ) : null
      }
      locale={{ emptyText: <Empty description={t('laws.search.none', { q: query })} /> }}
      dataSource={data?.hits ?? []}
      renderItem={(hit) => {
        const s = snippet(hit.text, hit.matches);
        return (
          <List.Item data-testid="search-hit">
            <div style={{ width: '100%' }}>
              <Link
                to={`/laws/${encodeURIComponent(hit.lawId)}/${encodeURIComponent(hit.articleKey)}?q=${encodeURIComponent(query)}`}
              >
                《{hit.lawTitle}》{hit.articleLabel}
              </Link>
              {hit.chapterLabel ? (
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {hit.chapterLabel}
                </Typography.Text>
              ) : null}
              <div style={{ marginTop: 4 }}>
                {s.cutStart ? '…' : ''}
                <Highlighted text={s.text} matches={s.matches} />
                {s.cutEnd ? '…' : ''}
              </div>
            </div>
          </List.Item>
        );
      }}
    />
  );
}

/** The library's start screen: search box, the list of laws (or search hits), the item lookup and settings. */
export function LawLibraryHome() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const [importOpen, setImportOpen] = useState(false);
  const isAdmin = useIsAdmin();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('laws.title')}
        extra={
          isAdmin ? (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              {t('laws.importDialog.open')}
            </Button>
          ) : null
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Input.Search
            allowClear
            enterButton={t('laws.search.button')}
            placeholder={t('laws.search.placeholder')}
            aria-label={t('laws.search.placeholder')}
            value={draft}
            maxLength={100}
            onChange={(e) => {
              setDraft(e.target.value);
              if (e.target.value === '') setParams({});
            }}
            onSearch={(v) => setParams(v.trim() === '' ? {} : { q: v.trim() })}
            style={{ maxWidth: 560 }}
          />
          {query !== '' ? <SearchResults query={query} /> : <LawTable />}
        </Space>
      </Card>
      <ChecklistLookup />
      <QuoteModeSetting isAdmin={isAdmin} />
      {isAdmin ? <ImportDialog open={importOpen} onClose={() => setImportOpen(false)} /> : null}
    </Space>
  );
}
