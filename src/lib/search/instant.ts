/**
 * Instant search: a small index of every page's number, title, keywords, summary and headings,
 * searched in the browser on each keystroke.
 *
 * Why: Pagefind's full-text index comes in ~32 KB chunks that depend on the query, so on slow 4G
 * every new Chinese word costs a 150 ms round trip plus the chunk before any result shows. This
 * index (built from Pagefind's own page fragments by scripts/instant-index.ts, ~20 KB gzip) is
 * loaded with the search page, so title and keyword matches show at once. Pagefind's results then
 * fill in below them (mergeWithFullText).
 */
import { exactNumberOf, FILTER, TYPE } from './fields.ts';
import { compareNumbers } from '../content/numbering.ts';
import { KEYWORD_SEPARATOR } from '../content/keywords.ts';
import type { Segment } from './words.ts';

export interface InstantHeading {
  anchor: string;
  text: string;
}

export interface InstantDoc {
  /** Pagefind's id for the page (its fragment hash), so the two result lists can be merged. */
  id: string;
  url: string;
  /** As results show it: "2.17 共情", "案例 01003 4171元硬币的故事". */
  title: string;
  summary: string;
  keywords: string[];
  headings: InstantHeading[];
  /** Pagefind's filters of the page (类型, 篇, 岗位, 标签, 编号). */
  filters: Record<string, string[]>;
}

export interface InstantIndex {
  docs: InstantDoc[];
}

export type Filters = Record<string, string[]>;

/** Page data Pagefind does not keep on its own: stored as Pagefind meta by SearchIndexData.astro. */
export const META = { summary: 'summary', keywords: 'keywords' } as const;

/** The part of a Pagefind fragment (dist/pagefind/fragment/*.pf_fragment) the index is built from. */
export interface PagefindFragment {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: { element: string; id: string; text: string }[];
}

/** One page of the instant index, from its Pagefind fragment; throws when the page lacks a title or number. */
export function instantDoc(id: string, fragment: PagefindFragment): InstantDoc {
  const title = fragment.meta.title;
  if (!title || !fragment.filters[FILTER.number]?.[0]) {
    throw new Error(`${fragment.url}: the search index has no title or ${FILTER.number} for this page; render <SearchIndexData> inside its data-pagefind-body`);
  }
  const filters: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(fragment.filters)) if (values?.length) filters[name] = values;
  return {
    id,
    url: fragment.url,
    title,
    summary: fragment.meta[META.summary] ?? '',
    keywords: (fragment.meta[META.keywords] ?? '').split(KEYWORD_SEPARATOR).filter(Boolean),
    headings: fragment.anchors.filter((a) => /^h[2-4]$/.test(a.element) && a.text).map((a) => ({ anchor: a.id, text: a.text })),
    filters,
  };
}

/** Book pages in reading order, then cases by id, then phrase cards: the order ties are broken in. */
export function compareDocs(a: InstantDoc, b: InstantDoc): number {
  const rank = (d: InstantDoc) => [TYPE.book, TYPE.case, TYPE.phrase].indexOf(d.filters[FILTER.type]?.[0] as (typeof TYPE)[keyof typeof TYPE]);
  const [na, nb] = [a.filters[FILTER.number]![0]!, b.filters[FILTER.number]![0]!];
  return rank(a) - rank(b) || (rank(a) === 0 ? compareNumbers(na, nb) : na.localeCompare(nb));
}

/** How much a term found in each field counts. Number, title and keyword matches are "strong". */
export const FIELD_WEIGHT = { number: 1000, title: 10, keyword: 8, heading: 4, summary: 3, tag: 2 } as const;
type Field = keyof typeof FIELD_WEIGHT;
const STRONG: ReadonlySet<Field> = new Set(['number', 'title', 'keyword']);
/** A query part found only as separate words ("老人取款" → 老人 + 取款) counts a little less. */
const SPLIT_FACTOR = 0.8;

export interface InstantHit {
  doc: InstantDoc;
  score: number;
  /** Every part of the query matched the number, title or a keyword: the hit stays on top. */
  strong: boolean;
  /** Headings containing a searched word (shown as sub-results). */
  headings: InstantHeading[];
}

const normalize = (text: string) => text.normalize('NFKC').toLowerCase();

interface Prepared {
  doc: InstantDoc;
  /** Normalised field texts, best field first (bestField takes the first that contains a term). */
  fields: [Field, string[]][];
  headings: string[];
}

export interface InstantSearch {
  search(query: string, filters?: Filters): InstantHit[];
  /** The page with this Pagefind id (undefined if the index is older than Pagefind's). */
  doc(id: string): InstantDoc | undefined;
  /** Each filter's values and how many pages have them, in a stable order for the filter menus. */
  filterValues(name: string): [string, number][];
}

/** `segment` splits a query part into words (see words.ts); without it, only whole parts are matched. */
export function createInstantSearch(index: InstantIndex, segment?: Segment): InstantSearch {
  const prepared: Prepared[] = index.docs.map((doc) => {
    const headings = doc.headings.map((h) => normalize(h.text));
    return {
      doc,
      headings,
      fields: [
        ['title', [normalize(doc.title)]],
        ['keyword', doc.keywords.map(normalize)],
        ['heading', headings],
        ['summary', [normalize(doc.summary)]],
        ['tag', (doc.filters[FILTER.tag] ?? []).map(normalize)],
      ],
    };
  });

  /** The best field a term occurs in, or undefined. */
  const bestField = (p: Prepared, term: string): Field | undefined => p.fields.find(([, texts]) => texts.some((t) => t.includes(term)))?.[0];

  function search(query: string, filters: Filters = {}): InstantHit[] {
    const q = normalize(query).trim();
    if (!q) return [];
    const exact = exactNumberOf(q);
    const parts = q.split(/\s+/);
    const words = new Map(parts.map((part) => [part, segment ? segment(part).filter((w) => [...w].length >= 2 && w !== part) : []]));
    const hits: InstantHit[] = [];
    for (const p of prepared) {
      if (!matchesFilters(p.doc, filters)) continue;
      if (exact && p.doc.filters[FILTER.number]?.[0] === exact) {
        hits.push({ doc: p.doc, score: FIELD_WEIGHT.number, strong: true, headings: [] });
        continue;
      }
      let score = 0;
      let strong = true;
      /** The query parts, or their words, this page matched: they pick the headings shown. */
      const terms: string[] = [];
      for (const part of parts) {
        const whole = bestField(p, part);
        if (whole) {
          score += FIELD_WEIGHT[whole];
          strong &&= STRONG.has(whole);
          terms.push(part);
          continue;
        }
        const split = words.get(part)!.map((w) => bestField(p, w));
        if (split.length < 2 || split.some((f) => !f)) {
          score = 0;
          break;
        }
        score += Math.min(...split.map((f) => FIELD_WEIGHT[f!])) * SPLIT_FACTOR;
        strong &&= split.every((f) => STRONG.has(f!));
        terms.push(...words.get(part)!);
      }
      if (score === 0) continue;
      const headings = p.doc.headings.filter((_, i) => terms.some((t) => p.headings[i]!.includes(t)));
      hits.push({ doc: p.doc, score, strong, headings });
    }
    // Strong hits first (they stay on top once full-text results arrive), then by score, then reading order.
    return hits.sort((a, b) => Number(b.strong) - Number(a.strong) || b.score - a.score || compareDocs(a.doc, b.doc));
  }

  function filterValues(name: string): [string, number][] {
    const counts = new Map<string, number>();
    for (const { doc } of prepared) for (const v of doc.filters[name] ?? []) counts.set(v, (counts.get(v) ?? 0) + 1);
    const values = [...counts];
    // Parts, roles and types keep the book's order (docs come in reading order); tags go by 拼音.
    return name === FILTER.tag ? values.sort(([a], [b]) => a.localeCompare(b, 'zh')) : values;
  }

  const byId = new Map(index.docs.map((doc) => [doc.id, doc]));
  return { search, filterValues, doc: (id) => byId.get(id) };
}

export function matchesFilters(doc: InstantDoc, filters: Filters): boolean {
  return Object.entries(filters).every(([name, values]) => values.length === 0 || values.some((v) => doc.filters[name]?.includes(v)));
}

export interface MergedResult {
  /** Pagefind's page id. */
  id: string;
  /** Present when the instant index matched the page too: it renders without fetching Pagefind's fragment. */
  hit?: InstantHit;
}

/**
 * The final list: strong instant hits keep their places at the top (so what the reader saw first
 * does not move), then Pagefind's full-text ranking, then instant hits Pagefind did not return.
 */
export function mergeWithFullText(hits: InstantHit[], fullTextIds: string[]): MergedResult[] {
  const byId = new Map(hits.map((h) => [h.doc.id, h]));
  const strong = hits.filter((h) => h.strong);
  const taken = new Set(strong.map((h) => h.doc.id));
  const merged: MergedResult[] = strong.map((hit) => ({ id: hit.doc.id, hit }));
  for (const id of fullTextIds) {
    if (taken.has(id)) continue;
    taken.add(id);
    merged.push({ id, ...(byId.has(id) ? { hit: byId.get(id)! } : {}) });
  }
  for (const hit of hits) if (!taken.has(hit.doc.id)) merged.push({ id: hit.doc.id, hit });
  return merged;
}
