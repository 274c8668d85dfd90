import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Collapse, Empty, Row, Select, Space, Spin, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import dayjs from 'dayjs';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { LawArticle } from '../../../../electron/api';
import { call } from '../../api';
import { findMatches, Highlighted } from './Highlighted';
import { useVersionText } from './laws-hooks';

function articleDomId(key: string): string {
  return `law-article-${key}`;
}

/** Chapters (and sections) with their articles as leaves; a law without chapters lists its articles. */
function buildTree(articles: readonly LawArticle[]): DataNode[] {
  const roots: DataNode[] = [];
  const chapterNodes = new Map<string, DataNode & { children: DataNode[] }>();
  const sectionNodes = new Map<string, DataNode & { children: DataNode[] }>();
  for (const a of articles) {
    const leaf: DataNode = { key: `a:${a.key}`, title: a.label, isLeaf: true };
    if (!a.chapter) {
      roots.push(leaf);
      continue;
    }
    const ck = `c:${a.chapter.label}`;
    let chapter = chapterNodes.get(ck);
    if (!chapter) {
      chapter = { key: ck, title: `${a.chapter.label} ${a.chapter.title}`, children: [] };
      chapterNodes.set(ck, chapter);
      roots.push(chapter);
    }
    if (!a.section) {
      chapter.children.push(leaf);
      continue;
    }
    const sk = `${ck}/s:${a.section.label}`;
    let section = sectionNodes.get(sk);
    if (!section) {
      section = { key: sk, title: `${a.section.label} ${a.section.title}`, children: [] };
      sectionNodes.set(sk, section);
      chapter.children.push(section);
    }
    section.children.push(leaf);
  }
  return roots;
}

function ArticleView({ article, selected, query }: { article: LawArticle; selected: boolean; query: string }) {
  return (
    <div
      id={articleDomId(article.key)}
      data-article-key={article.key}
      data-selected={selected ? 'true' : undefined}
      aria-current={selected ? 'true' : undefined}
      className={selected ? 'laws-article laws-article-selected' : 'laws-article'}
      style={{
        padding: '8px 12px',
        marginBottom: 4,
        borderLeft: `3px solid ${selected ? '#faad14' : 'transparent'}`,
        background: selected ? '#fffbe6' : undefined,
        scrollMarginTop: 8,
      }}
    >
      {article.paragraphs.map((p, i) => (
        <Typography.Paragraph key={i} style={{ margin: i === 0 ? 0 : '4px 0 0', textIndent: '2em' }}>
          {i === 0 ? <Typography.Text strong>{article.label} </Typography.Text> : null}
          <Highlighted text={p} matches={findMatches(p, query)} />
        </Typography.Paragraph>
      ))}
    </div>
  );
}

/**
 * One law: chapter tree on the left, articles on the right. `/laws/<lawId>/<articleKey>` scrolls to that article
 * and highlights it; `?v=<versionId>` opens an older version; `?q=` marks a search term in the text.
 */
export function LawReader() {
  const { t } = useTranslation();
  const versionText = useVersionText();
  const navigate = useNavigate();
  const { lawId = '', articleKey } = useParams();
  const [params] = useSearchParams();
  const versionId = params.get('v') ?? undefined;
  const query = params.get('q') ?? '';
  const detail = useQuery({
    queryKey: ['laws', 'version', lawId, versionId ?? null],
    queryFn: () => call('laws:get-version', { lawId, ...(versionId ? { versionId } : {}) }),
    staleTime: 5 * 60_000,
  });
  const articles = detail.data?.articles;
  const tree = useMemo(() => buildTree(articles ?? []), [articles]);
  const selected = articles?.find((a) => a.key === articleKey);
  const toc = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!selected) return;
    document.getElementById(articleDomId(selected.key))?.scrollIntoView({ block: 'start' });
    // Keep the tree's selected leaf in view too, so the reader sees where the article sits.
    toc.current?.querySelector('.ant-tree-treenode-selected')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const keepParams = (next: { v?: string | undefined }) => {
    const p = new URLSearchParams();
    const v = 'v' in next ? next.v : versionId;
    if (v) p.set('v', v);
    if (query) p.set('q', query);
    const s = p.toString();
    return s ? `?${s}` : '';
  };

  if (detail.isPending) return <Spin />;
  if (detail.isError) {
    return (
      <Card>
        <Empty description={detail.error.message || t('laws.reader.notFound')} />
        <Link to="/laws">{t('laws.reader.back')}</Link>
      </Card>
    );
  }
  const d = detail.data;
  const expanded = selected?.chapter
    ? [
        `c:${selected.chapter.label}`,
        ...(selected.section ? [`c:${selected.chapter.label}/s:${selected.section.label}`] : []),
      ]
    : [];
  return (
    <Card
      title={
        <Space>
          <Link to={`/laws${query ? `?q=${encodeURIComponent(query)}` : ''}`} aria-label={t('laws.reader.back')}>
            <ArrowLeftOutlined />
          </Link>
          <span data-testid="law-title">{d.title}</span>
        </Space>
      }
      extra={
        <Space>
          <Typography.Text type="secondary">{t('laws.reader.version')}</Typography.Text>
          {d.law.versions.length > 1 ? (
            <Select
              aria-label={t('laws.reader.version')}
              style={{ minWidth: 220 }}
              value={d.version.id}
              onChange={(v: string) => {
                const isCurrent = d.law.versions.find((x) => x.id === v)?.isCurrent ?? false;
                navigate(
                  `/laws/${encodeURIComponent(lawId)}${articleKey ? `/${encodeURIComponent(articleKey)}` : ''}${keepParams({ v: isCurrent ? undefined : v })}`,
                );
              }}
              options={d.law.versions.map((v) => ({
                value: v.id,
                label: `${versionText(v.label)}${v.isCurrent ? `（${t('laws.reader.current')}）` : ''} · ${
                  v.source === 'bundled' ? t('laws.list.bundled') : t('laws.list.imported')
                }`,
              }))}
            />
          ) : (
            <Tag>
              {versionText(d.version.label)}（{t('laws.reader.current')}）
            </Tag>
          )}
        </Space>
      }
    >
      <Row gutter={16} wrap={false}>
        <Col flex="280px" style={{ maxHeight: 'calc(100vh - 200px)', overflowY: 'auto' }} ref={toc}>
          <Typography.Text strong>{t('laws.reader.toc')}</Typography.Text>
          <Tree
            key={`${d.version.id}:${selected?.key ?? ''}`}
            treeData={tree}
            defaultExpandedKeys={expanded}
            selectedKeys={selected ? [`a:${selected.key}`] : []}
            onSelect={(keys, info) => {
              const key = String(info.node.key);
              if (key.startsWith('a:')) {
                navigate(`/laws/${encodeURIComponent(lawId)}/${encodeURIComponent(key.slice(2))}${keepParams({})}`, {
                  replace: true,
                });
              }
              void keys;
            }}
            aria-label={t('laws.reader.toc')}
          />
        </Col>
        <Col flex="auto" style={{ minWidth: 0 }}>
          <div style={{ maxHeight: 'calc(100vh - 200px)', overflowY: 'auto' }} data-testid="law-articles">
            {articleKey && !selected ? (
              <Typography.Paragraph type="warning">
                {t('laws.reader.articleNotFound', { key: articleKey })}
              </Typography.Paragraph>
            ) : null}
            <Collapse
              size="small"
              ghost
              items={[
                {
                  key: 'history',
                  label: t('laws.reader.history'),
                  children: (
                    <>
                      {d.history.map((h, i) => (
                        <Typography.Paragraph key={i} type="secondary" style={{ margin: 0 }}>
                          {h}
                        </Typography.Paragraph>
                      ))}
                      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                        {t('laws.reader.source')}：
                        {d.version.source === 'bundled'
                          ? t('laws.reader.bundledNote')
                          : t('laws.reader.importedBy', {
                              name: d.version.importedByName,
                              at: dayjs(d.version.importedAt).format('YYYY年M月D日 HH:mm'),
                            })}
                      </Typography.Paragraph>
                    </>
                  ),
                },
              ]}
            />
            {d.articles.map((a, i) => {
              const prev = d.articles[i - 1];
              const newChapter = a.chapter && a.chapter.label !== prev?.chapter?.label;
              const newSection = a.section && (newChapter || a.section.label !== prev?.section?.label);
              return (
                <div key={a.key}>
                  {newChapter && a.chapter ? (
                    <Typography.Title level={5} style={{ textAlign: 'center', marginTop: 16 }}>
                      {a.chapter.label} {a.chapter.title}
                    </Typography.Title>
                  ) : null}
                  {newSection && a.section ? (
                    <Typography.Text strong style={{ display: 'block', textAlign: 'center', margin: '8px 0' }}>
                      {a.section.label} {a.section.title}
                    </Typography.Text>
                  ) : null}
                  <ArticleView article={a} selected={a.key === selected?.key} query={query} />
                </div>
              );
            })}
          </div>
        </Col>
      </Row>
    </Card>
  );
}
