import type { LawQuoteMode, LawResolvedCitation } from '../../api';
import type { BrokenRule, CitationMark } from '../../reports/rectification-notice';
import type { ServiceDeps } from '../context';
import { toChineseNumeral } from '../laws/chinese-numerals';
import { resolveCitations } from '../laws/law-queries';
import { ensureLawsSeeded } from '../laws/law-store';

const MARK_RANK: Record<CitationMark, number> = { U: 0, S: 1, P: 2, V: 3 };

/** 2021-04-29 → 2021年4月29日版; other labels as they are. */
function versionText(label: string | null): string | null {
  if (!label) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日版` : label;
}

/** How a resolved citation is printed: 《中华人民共和国消防法》第十六条第一款第（二）项. */
export function citationText(c: LawResolvedCitation): string {
  const title = (c.lawTitle ?? c.source ?? '').replace(/[《》]/g, '');
  // Titles go in 《》; standard numbers (GB 50140) and document numbers (民发〔2023〕37号) stand as they are.
  const bare = !c.lawTitle && (/^[A-Z]{2}/.test(title) || /〔\d{4}〕/.test(title));
  const doc = title ? (bare ? title : `《${title}》`) : '';
  const paragraph = c.paragraph ? `第${toChineseNumeral(c.paragraph)}款` : '';
  const item = c.item ? `第${c.item}项` : '';
  const place = c.articleLabel ? `${c.articleLabel}${paragraph}${item}` : (c.locator ?? '');
  return `${doc}${place}` || c.raw;
}

/**
 * Reads legal-basis strings into the rules documents print, quoting article texts when the setting says
 * 'full'. Law versions are pinned: the first time a law is quoted its version is recorded in `used`, and an
 * issued document re-rendered later passes the same pins back, so it keeps the texts it quoted.
 */
export class RuleQuoter {
  /** Law id → version id of every law quoted or cited so far. */
  readonly used: Record<string, string> = {};
  private readonly deps: ServiceDeps;
  private readonly mode: LawQuoteMode;
  private readonly pins: Readonly<Record<string, string>>;

  constructor(deps: ServiceDeps, mode: LawQuoteMode, pins: Readonly<Record<string, string>> = {}) {
    ensureLawsSeeded(deps);
    this.deps = deps;
    this.mode = mode;
    this.pins = pins;
  }

  /** Resolves a legal-basis string, recording the versions used. */
  resolve(legalBasis: string): LawResolvedCitation[] {
    const citations = resolveCitations(this.deps, legalBasis, { ...this.pins, ...this.used });
    for (const c of citations) if (c.lawId && c.versionId && c.found) this.used[c.lawId] ??= c.versionId;
    return citations;
  }

  /** The rule a hazard breaks, with the quotes of every article found when quoting in full. */
  rule(legalBasis: string | null): BrokenRule {
    if (!legalBasis?.trim()) return { citation: '未注明依据', mark: 'U', quotes: [] };
    const citations = this.resolve(legalBasis).filter((c) => c.kind === 'law' || c.kind === 'document');
    if (!citations.length) return { citation: legalBasis.replace(/\s*\[[VPSU]\]/g, '').trim(), mark: 'U', quotes: [] };
    const mark = citations.reduce<CitationMark>(
      (m, c) => (c.mark && MARK_RANK[c.mark] < MARK_RANK[m] ? c.mark : m),
      'V',
    );
    const unique = [...new Set(citations.map(citationText))];
    const quotes =
      this.mode === 'full'
        ? citations
            .filter((c) => c.found && (c.paragraphText ?? c.articleText))
            .map((c) => ({
              citation: citationText(c),
              text: c.paragraphText ?? c.articleText ?? '',
              versionLabel: versionText(c.versionLabel),
            }))
        : [];
    return { citation: unique.join('；'), mark, quotes };
  }

  /** The text of one article for running text (逾期后果): `《…》第…条规定：“…”`, or the citation alone. */
  quoteSentence(legalBasis: string): string {
    const found = this.resolve(legalBasis).find((c) => c.found);
    if (!found) return '';
    return `${citationText(found)}规定：“${found.paragraphText ?? found.articleText ?? ''}”`;
  }
}
