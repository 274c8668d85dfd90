import { Fragment } from 'react';

/** Text with the given ranges wrapped in <mark>; ranges are UTF-16 offsets, end exclusive, in order. */
export function Highlighted({
  text,
  matches,
}: {
  text: string;
  matches: ReadonlyArray<{ start: number; end: number }>;
}) {
  const parts: Array<{ text: string; hit: boolean }> = [];
  let at = 0;
  for (const m of matches) {
    if (m.start > at) parts.push({ text: text.slice(at, m.start), hit: false });
    parts.push({ text: text.slice(m.start, m.end), hit: true });
    at = m.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), hit: false });
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p.hit ? <mark className="laws-hit">{p.text}</mark> : p.text}</Fragment>
      ))}
    </>
  );
}

/**
 * A window of an article around its first hit (the whole text when short), with the offsets shifted to it, so a
 * result list stays readable while every shown hit is still marked.
 */
export function snippet(
  text: string,
  matches: ReadonlyArray<{ start: number; end: number }>,
  radius = 60,
): { text: string; matches: Array<{ start: number; end: number }>; cutStart: boolean; cutEnd: boolean } {
  const first = matches[0];
  if (text.length <= radius * 3 || first === undefined) {
    return { text, matches: [...matches], cutStart: false, cutEnd: false };
  }
  const from = Math.max(0, first.start - radius);
  const to = Math.min(text.length, first.end + radius * 2);
  return {
    text: text.slice(from, to),
    matches: matches
      .filter((m) => m.start >= from && m.end <= to)
      .map((m) => ({ start: m.start - from, end: m.end - from })),
    cutStart: from > 0,
    cutEnd: to < text.length,
  };
}

/** Finds every occurrence of `query` in `text` (ASCII case-insensitive, like the service's search). */
export function findMatches(text: string, query: string): Array<{ start: number; end: number }> {
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const q = fold(query.trim());
  if (q === '') return [];
  const hay = fold(text);
  const out: Array<{ start: number; end: number }> = [];
  for (let at = hay.indexOf(q); at >= 0; at = hay.indexOf(q, at + q.length))
    out.push({ start: at, end: at + q.length });
  return out;
}
