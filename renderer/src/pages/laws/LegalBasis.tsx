import { useQuery } from '@tanstack/react-query';
import { Drawer, Empty, Popover, Space, Spin, Tag, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { LawCitationMark, LawResolvedCitation } from '../../../../electron/api';
import { call } from '../../api';
import { useVersionText } from './laws-hooks';

/** Badge colour of each verification mark: green verified … red unverified. */
export const MARK_COLORS: Readonly<Record<LawCitationMark, string>> = { V: 'green', P: 'blue', S: 'orange', U: 'red' };

/** Pinned law versions by law id, as stored in an issued document. */
export type PinnedVersions = Readonly<Record<string, string>>;

/**
 * The citations of a legal-basis string with their article text, cached per string and pinned versions.
 * Articles never change once stored, so the answer stays fresh for the session.
 */
export function useResolvedCitations(legalBasis: string, versionIds?: PinnedVersions) {
  return useQuery({
    queryKey: ['laws', 'resolve', legalBasis, versionIds ?? null],
    queryFn: () =>
      call('laws:resolve-citations', { legalBasis, ...(versionIds ? { versionIds: { ...versionIds } } : {}) }),
    staleTime: 5 * 60_000,
  });
}

/** A citation's verification mark in plain words, coloured (V green, P blue, S orange, U red). */
export function MarkBadge({ mark }: { mark: LawCitationMark | null }) {
  const { t } = useTranslation();
  if (mark === null) return <Tag>{t('laws.marks.none')}</Tag>;
  return (
    <Tag color={MARK_COLORS[mark]} title={`${t('laws.markHint')}：${mark}`} data-mark={mark}>
      {t(`laws.marks.${mark}`)}
    </Tag>
  );
}

/** The route of an article in the law reader (`#/laws/<lawId>/<articleKey>`), pinned to a version if not current. */
export function articlePath(
  c: Pick<LawResolvedCitation, 'lawId' | 'articleKey' | 'versionId' | 'isCurrentVersion'>,
): string {
  const base = `/laws/${encodeURIComponent(c.lawId ?? '')}${c.articleKey ? `/${encodeURIComponent(c.articleKey)}` : ''}`;
  return c.isCurrentVersion === false && c.versionId ? `${base}?v=${encodeURIComponent(c.versionId)}` : base;
}

function citedPartLabel(c: LawResolvedCitation, t: (key: string, o?: Record<string, unknown>) => string): string {
  return `${c.paragraph !== null ? t('laws.paragraph', { n: c.paragraph }) : ''}${c.item ?? ''}`;
}

/** The text of one resolved citation: the cited 款/item first when given, then the whole article. */
export function CitationArticle({ citation: c }: { citation: LawResolvedCitation }) {
  const { t } = useTranslation();
  const versionText = useVersionText();
  const cited = c.itemText ?? c.paragraphText;
  return (
    <div className="laws-citation-article" data-testid="citation-article">
      <Typography.Text strong>
        《{c.lawTitle ?? c.source}》{c.articleLabel}
        {citedPartLabel(c, t)}
      </Typography.Text>
      {c.versionLabel ? (
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
          {t('laws.versionOf', { label: versionText(c.versionLabel) })}
          {c.isCurrentVersion === false ? `（${t('laws.notCurrent')}）` : ''}
        </Typography.Text>
      ) : null}
      {!c.found ? (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
          {c.reason === 'not-in-library'
            ? t('laws.notLoaded')
            : c.reason === 'no-article-given'
              ? t('laws.noArticleGiven')
              : t('laws.articleMissing')}
        </Typography.Paragraph>
      ) : (
        <>
          {cited ? (
            <Typography.Paragraph style={{ margin: '6px 0 0', background: '#fffbe6', padding: '2px 6px' }}>
              <Typography.Text type="secondary">{t('laws.citedPart')}：</Typography.Text>
              {cited}
            </Typography.Paragraph>
          ) : null}
          {c.partMissing ? (
            <Typography.Paragraph type="warning" style={{ margin: '6px 0 0' }}>
              {t('laws.partMissing')}
            </Typography.Paragraph>
          ) : null}
          {(c.articleText ?? '').split('\n').map((p, i) => (
            <Typography.Paragraph key={i} style={{ margin: '6px 0 0', textIndent: '2em' }}>
              {i === 0 ? <Typography.Text strong>{c.articleLabel} </Typography.Text> : null}
              {p}
            </Typography.Paragraph>
          ))}
        </>
      )}
    </div>
  );
}

/** One `;` segment of a legal basis: its citations share the source as written and the mark. */
interface Segment {
  raw: string;
  citations: LawResolvedCitation[];
}

function segmentsOf(citations: readonly LawResolvedCitation[]): Segment[] {
  const out: Segment[] = [];
  for (const c of citations) {
    const last = out[out.length - 1];
    if (last && last.raw === c.raw) last.citations.push(c);
    else out.push({ raw: c.raw, citations: [c] });
  }
  return out;
}

function refLabel(c: LawResolvedCitation, t: (key: string, o?: Record<string, unknown>) => string): string {
  return `${c.articleLabel ?? c.locator ?? ''}${citedPartLabel(c, t)}`;
}

/** A cited article as a link to the reader, with its text in a popover on hover or keyboard focus. */
function ArticleRef({ citation: c }: { citation: LawResolvedCitation }) {
  const { t } = useTranslation();
  const label = refLabel(c, t);
  if (!c.found || c.lawId === null) {
    return (
      <Typography.Text type="secondary" data-testid="citation-ref">
        {label}
      </Typography.Text>
    );
  }
  return (
    <Popover
      trigger={['hover', 'focus']}
      content={
        <div style={{ maxWidth: 520, maxHeight: 360, overflowY: 'auto' }}>
          <CitationArticle citation={c} />
        </div>
      }
    >
      <Link to={articlePath(c)} data-testid="citation-link" aria-label={`《${c.lawTitle ?? ''}》${label}`}>
        {label}
      </Link>
    </Popover>
  );
}

function SegmentView({ segment }: { segment: Segment }) {
  const { t } = useTranslation();
  const first = segment.citations[0];
  if (!first) return null;
  const refs = segment.citations.filter((c) => c.articleLabel !== null || c.locator !== null);
  const inLibrary = first.kind === 'law';
  let body: ReactNode;
  if (first.kind === 'remark' || first.kind === 'cross-reference' || first.kind === 'unspecified') {
    body = <Typography.Text>{first.source ?? ''}</Typography.Text>;
  } else {
    body = (
      <>
        <Typography.Text>{first.source}</Typography.Text>{' '}
        {refs.map((c, i) => (
          <Fragment key={i}>
            {i > 0 ? '、' : ''}
            <ArticleRef citation={c} />
          </Fragment>
        ))}
        {!inLibrary ? (
          <Tag style={{ marginLeft: 6 }} data-testid="not-loaded">
            {t('laws.notLoaded')}
          </Tag>
        ) : null}
        {inLibrary && refs.length === 0 ? <Tag style={{ marginLeft: 6 }}>{t('laws.noArticleGiven')}</Tag> : null}
      </>
    );
  }
  return (
    <span className="laws-basis-segment" data-testid="legal-basis-segment">
      {body}
      {first.note ? <Typography.Text type="secondary"> {first.note}</Typography.Text> : null}{' '}
      <MarkBadge mark={first.mark} />
    </span>
  );
}

/**
 * Shows a checklist item's legal basis: each cited document with its articles as links to the law reader
 * (`#/laws/<lawId>/<articleKey>`), the article text in a popover on hover or focus, and each citation's
 * verification mark in plain words. A document outside the library says 原文未收录 and keeps its mark.
 */
export function LegalBasis({ legalBasis, versionIds }: { legalBasis: string; versionIds?: PinnedVersions }) {
  const { t } = useTranslation();
  const resolved = useResolvedCitations(legalBasis, versionIds);
  if (legalBasis.trim() === '') return <Typography.Text type="secondary">{t('laws.noCitations')}</Typography.Text>;
  // Until the texts arrive, the string as written is still the truth: show it rather than a spinner.
  if (resolved.isPending) return <Typography.Text>{legalBasis}</Typography.Text>;
  if (resolved.isError) {
    return (
      <Typography.Text>
        {legalBasis} <Typography.Text type="danger">{resolved.error.message}</Typography.Text>
      </Typography.Text>
    );
  }
  return (
    <Space size={[12, 4]} wrap className="laws-legal-basis" data-testid="legal-basis">
      {segmentsOf(resolved.data.citations).map((s, i) => (
        <SegmentView key={i} segment={s} />
      ))}
    </Space>
  );
}

/**
 * Every citation of a legal basis with its text in a drawer whose visibility the parent controls, so the
 * inspection runner can open it with a key press (`open` state in the runner, `onClose` to reset it).
 */
export function ArticlePreview({
  legalBasis,
  versionIds,
  open,
  onClose,
  title,
}: {
  legalBasis: string;
  versionIds?: PinnedVersions;
  open: boolean;
  onClose: () => void;
  title?: ReactNode;
}) {
  const { t } = useTranslation();
  const resolved = useResolvedCitations(legalBasis, versionIds);
  return (
    <Drawer open={open} onClose={onClose} title={title ?? t('laws.previewTitle')} size={560} destroyOnHidden>
      {resolved.isPending ? (
        <Spin description={t('laws.loading')} />
      ) : resolved.isError ? (
        <Typography.Text type="danger">{resolved.error.message}</Typography.Text>
      ) : resolved.data.citations.length === 0 ? (
        <Empty description={t('laws.noCitations')} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="article-preview">
          {resolved.data.citations.map((c, i) => (
            <div key={i}>
              <Space size={4} wrap>
                <Typography.Text type="secondary">{c.source ?? c.raw}</Typography.Text>
                <MarkBadge mark={c.mark} />
                {c.found && c.lawId ? (
                  <Link to={articlePath(c)} onClick={onClose}>
                    {t('laws.openInLibrary')}
                  </Link>
                ) : null}
              </Space>
              {c.kind === 'law' || c.articleLabel !== null ? (
                <CitationArticle citation={c} />
              ) : (
                <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
                  {c.kind === 'document' ? t('laws.notLoaded') : c.raw}
                </Typography.Paragraph>
              )}
            </div>
          ))}
        </Space>
      )}
    </Drawer>
  );
}
