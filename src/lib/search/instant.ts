/**
 * Instant search: a small index of every page's number, title, keywords, summary, headings and
 * filters, plus, for every word of the lexicon (the search vocabulary, keywords, tags, roles), the
 * pages that contain it anywhere in their text. It is loaded with the search page and answers on
 * each keystroke without the network; Pagefind's full-text index is asked only about the words
 * outside the lexicon, and its answers are folded into the same ranking (FullTextEvidence).
 *
 * Ranking: each query term counts by how rare it is (idf) times where it was found (title > keyword
 * > tag > heading, summary > role > text, with more mentions counting more). A page need not match
 * every term: pages that match most of the query's weight come back, best first, so 吞卡 outweighs
 * 客户. A field with the word as typed counts more than one with another word of its synonym group.
 * A page that has only everyday words of the query (everyday.ts) is not a hit. A section number or
 * case id puts that page first.
 */
import { FILTER, TYPE } from './fields.ts';
import { compareNumbers } from '../content/numbering.ts';
import { KEYWORD_SEPARATOR } from '../content/keywords.ts';
import { compileLexicon, Lexicon, normalize, type Vocabulary } from './vocabulary.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import type { Splitter } from './words.ts';

export interface InstantHeading {
  anchor: string;
  text: string;
}

export interface InstantDoc {
  /** Pagefind's id for the page (its fragment's name), so the two indexes can be joined. */
  id: string;
  url: string;
  /** As results show it: "2.17 共情", "案例 01003 4171元硬币的故事". */
  title: string;
  summary: string;
  keywords: string[];
  headings: InstantHeading[];
  /** Pagefind's filters of the page (类型, 篇, 岗位, 标签, 编号). */
  filters: Record<string, string[]>;
  /** An invented story (情景示例): results show the badge. Present only when true. */
  scenario?: true;
}

/** A page to suggest when nothing is found: a tag's or a part's page. */
export interface Topic {
  name: string;
  url: string;
}

export interface InstantIndex {
  docs: InstantDoc[];
  /** The search vocabulary; with the pages' keywords, tags and roles it makes the lexicon (lexiconOf). */
  vocabulary: Vocabulary;
  /**
   * For each lexicon term (in lexiconOf's order), the pages it occurs on, as triples: page (as the distance from the
   * previous page of the list), the fields it is in (FIELD bits), and how often the text mentions it.
   */
  postings: number[][];
  topics: Topic[];
}

export type Filters = Record<string, string[]>;

/** Page data Pagefind does not keep on its own: stored as Pagefind meta by SearchIndexData.astro. */
export const META = { summary: 'summary', keywords: 'keywords', scenario: 'scenario' } as const;

/** The part of a Pagefind fragment (dist/pagefind/fragment/*.pf_fragment) the indexes are built from. */
export interface PagefindFragment {
  url: string;
  content: string;
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
    ...(fragment.meta[META.scenario] ? { scenario: true as const } : {}),
  };
}

const TYPE_ORDER: string[] = Object.values(TYPE);

/** Book pages in reading order, then cases by id, then phrase cards: the order ties are broken in. */
export function compareDocs(a: InstantDoc, b: InstantDoc): number {
  const [ta, tb] = [TYPE_ORDER.indexOf(a.filters[FILTER.type]?.[0] ?? ''), TYPE_ORDER.indexOf(b.filters[FILTER.type]?.[0] ?? '')];
  if (ta !== tb) return ta - tb;
  const [na, nb] = [a.filters[FILTER.number]![0]!, b.filters[FILTER.number]![0]!];
  return ta === TYPE_ORDER.indexOf(TYPE.book) ? compareNumbers(na, nb) : na.localeCompare(nb);
}

/** The lexicon of an index: the vocabulary plus every page's keywords, tags and roles, in page order. */
export function lexiconOf(vocabulary: Vocabulary, docs: InstantDoc[]): Lexicon {
  const words = docs.flatMap((d) => [...d.keywords, ...(d.filters[FILTER.tag] ?? []), ...(d.filters[FILTER.role] ?? [])]);
  return new Lexicon(compileLexicon(vocabulary, words));
}

/** Where on a page a term was found: bits of a posting's field mask. */
export const FIELD = { title: 1, keyword: 2, tag: 4, heading: 8, summary: 16, role: 32 } as const;
type Field = keyof typeof FIELD;
/** How much a term found in each field counts. Number, title and keyword matches are "strong". */
export const FIELD_WEIGHT: Record<Field, number> = { title: 10, keyword: 8, tag: 5, heading: 4, summary: 4, role: 3 };
const FIELDS = Object.keys(FIELD) as Field[];
const NUMBER_WEIGHT = 1000;
/** A term in the text counts 3·n/(n+2) for n mentions: 1 for one, 2.5 for ten. */
const textWeight = (mentions: number) => (mentions > 0 ? (3 * mentions) / (mentions + 2) : 0);
const STRONG_FIELDS = FIELD.title | FIELD.keyword;
/** A page is kept when it matches at least this share of the query's weight, and half as much as the best page does. */
const MIN_COVERAGE = 0.45;
/** How much a field counts when it has another word of the typed word's synonym group, not the word itself. */
const SYNONYM_SHARE = 0.6;
/** How much a word not yet looked up in the full text counts towards a page's share of the query. */
const PENDING_SHARE = 0.5;
/** Rarity of a term found on no page, or not yet looked up in the full text: as for a word on ten pages. */
const UNKNOWN_DF = 10;

/** The normalised texts of a page's fields, the order the mask bits go in. */
export function fieldTexts(doc: InstantDoc): Record<Field, string[]> {
  return {
    title: [normalize(doc.title)],
    keyword: doc.keywords.map(normalize),
    tag: (doc.filters[FILTER.tag] ?? []).map(normalize),
    heading: doc.headings.map((h) => normalize(h.text)),
    summary: [normalize(doc.summary)],
    role: (doc.filters[FILTER.role] ?? []).map(normalize),
  };
}

/** What the full-text index said about the query's words outside the lexicon: mentions per page id, and on how many pages in all. */
export type FullTextEvidence = Map<string, { mentions: Map<string, number>; pages: number }>;

export interface InstantHit {
  doc: InstantDoc;
  score: number;
  /** Every term matched the number, title or a keyword: the hit stays on top when full-text results arrive. */
  strong: boolean;
  /** The words to mark in this page's title, excerpt and headings. */
  marks: string[];
}

export interface InstantSearch {
  topics: Topic[];
  /** `everyday`: the everyday words (everyday.ts), once loaded: a page with only those is not a hit. */
  parse(query: string, everyday?: ReadonlySet<string>): ParsedQuery;
  /** Ranked hits for a parsed query, with what the full text said so far. */
  search(query: ParsedQuery, filters?: Filters, fullText?: FullTextEvidence): InstantHit[];
  /** Every page that has the chosen filters, in reading order (filters without a query). */
  list(filters: Filters): InstantDoc[];
  /** The page with this Pagefind id (undefined if the index is older than Pagefind's). */
  doc(id: string): InstantDoc | undefined;
  /** Each filter's values and how many pages have them, in a stable order for the filter menus. */
  filterValues(name: string): [string, number][];
}

/** "17" as a whole number: not inside "2.17" or "4171" (a section number or an amount). */
const wholeNumber = (digits: string, flags = '') => new RegExp(`(?<![\\d.])${digits}(?![\\d]|\\.\\d)`, flags);
const DIGITS = /^\d+$/;

/**
 * A test for `word` in a field's text, made once per word. A number counts only as a whole number, so
 * "iPhone 17" does not find 2.17.
 */
export function containsWhole(word: string): (text: string) => boolean {
  if (!DIGITS.test(word)) return (text) => text.includes(word);
  const pattern = wholeNumber(word);
  return (text) => pattern.test(text);
}

/** How often `text` has `word`, numbers counted only whole (as containsWhole). */
export function countWhole(text: string, word: string): number {
  if (!DIGITS.test(word)) return text.split(word).length - 1;
  return text.match(wholeNumber(word, 'g'))?.length ?? 0;
}

/** `splitter` splits queries into words (see words.ts); without it, runs of text are taken whole. */
export function createInstantSearch(index: InstantIndex, splitter?: Splitter): InstantSearch {
  const docs = index.docs;
  const lexicon = lexiconOf(index.vocabulary, docs);
  const texts = docs.map(fieldTexts);
  /** Per lexicon term: page index → [fields, mentions]. */
  const postings = index.postings.map((list) => {
    const pages = new Map<number, [number, number]>();
    for (let i = 0, page = 0; i < list.length; i += 3) {
      page += list[i]!;
      pages.set(page, [list[i + 1]!, list[i + 2]!]);
    }
    return pages;
  });
  const N = docs.length;
  const idf = (df: number) => Math.log(1 + (N - Math.max(df, 0) + 0.5) / (Math.max(df, 0) + 0.5));
  const fieldWeight = (mask: number) => Math.max(0, ...FIELDS.filter((f) => mask & FIELD[f]).map((f) => FIELD_WEIGHT[f]));
  /** The fields of page `p` whose text passes `has` (a containsWhole test). */
  const fieldsWith = (p: number, has: (text: string) => boolean) => FIELDS.reduce((mask, f) => (texts[p]![f].some(has) ? mask | FIELD[f] : mask), 0);

  function search(query: ParsedQuery, filters: Filters = {}, fullText: FullTextEvidence = new Map()): InstantHit[] {
    if (query.exact) {
      const page = docs.find((d) => d.filters[FILTER.number]?.[0] === query.exact);
      if (page && matchesFilters(page, filters)) return [{ doc: page, score: NUMBER_WEIGHT, strong: true, marks: [] }];
    }
    const onTopic = query.terms.some((term) => term.word === undefined);
    /** For each term: page → [how much it counts there, strong there]. */
    const matched = query.terms.map((term) => {
      const pages = new Map<number, [number, boolean]>();
      const note = (p: number, value: number, strong: boolean) => {
        const [was, wasStrong] = pages.get(p) ?? [0, false];
        if (value > was) pages.set(p, [value, strong || wasStrong]);
      };
      const typedHas = containsWhole(term.typed);
      for (const [t, factor] of term.terms) {
        for (const [p, [mask, mentions]] of postings[t] ?? []) {
          // A field with the word as typed counts in full; one with only another word of its group (销卡 for
          // 销户) counts less. (Near and longer words count less already: factor.)
          const fields = mask === 0 ? 0 : fieldWeight(mask) * (factor === 1 && !(fieldsWith(p, typedHas) & mask) ? SYNONYM_SHARE : 1);
          note(p, factor * (fields + textWeight(mentions)), factor === 1 && (mask & STRONG_FIELDS) !== 0);
        }
      }
      if (term.word) {
        const evidence = fullText.get(term.word);
        const byId = evidence?.mentions;
        const has = containsWhole(term.word);
        docs.forEach((doc, p) => {
          const mask = fieldsWith(p, has);
          const mentions = byId?.get(doc.id) ?? 0;
          if (mask || mentions) note(p, fieldWeight(mask) + textWeight(mentions), (mask & STRONG_FIELDS) !== 0);
        });
      }
      // A word the full text has not been asked about yet may be on many more pages than its fields show.
      const pending = term.word !== undefined && !fullText.has(term.word);
      const df = Math.max(pages.size, fullText.get(term.word ?? '')?.pages ?? 0, pending ? UNKNOWN_DF : 0);
      // A word the full text was asked about and no page has ("取5万块钱") tells no page from another: in
      // a query that also has a word of the handbook's lexicon (登记), it does not count against the pages
      // that match the rest. A query made only of words outside the lexicon ("红烧肉的做法") keeps it.
      // In a query of such words only, a word no page has is the rarest of all: a page with only the
      // query's other words ("周末看什么电影": 周末) covers little of it.
      const onNoPage = term.word !== undefined && !pending && df === 0;
      return { pages, weight: idf(onNoPage && !onTopic ? 0 : df || UNKNOWN_DF), pending, nowhere: onNoPage && onTopic, everyday: term.everyday === true };
    });
    // Until the full text has answered, a page may yet hold a pending word: it counts half against the pages that do not show it.
    const total = matched.reduce((sum, m) => sum + (m.nowhere ? 0 : m.weight * (m.pending ? PENDING_SHARE : 1)), 0);
    const phrases = query.phrases.map((phrase) => {
      const mentions = fullText.get(phrase.text)?.mentions;
      const has = containsWhole(phrase.text);
      return { ...phrase, value: docs.map((doc, p) => fieldWeight(fieldsWith(p, has)) + textWeight(mentions?.get(doc.id) ?? 0)) };
    });
    const maxWeight = Math.max(0, ...matched.map((m) => m.weight));

    const hits: (InstantHit & { coverage: number })[] = [];
    docs.forEach((doc, p) => {
      let score = 0;
      let covered = 0;
      /** The page has a word of the query that is not an everyday word. */
      let anchored = false;
      let strong = matched.length > 0;
      const marks: string[] = [];
      // A page with a phrase whole has each of its terms.
      const inPhrase = new Set(phrases.filter((ph) => ph.value[p]! > 0).flatMap((ph) => ph.terms));
      matched.forEach(({ pages, weight, pending, everyday }, i) => {
        const found = pages.get(p) ?? (inPhrase.has(i) ? ([textWeight(1), false] as const) : undefined);
        strong &&= Boolean(found?.[1]);
        if (!found) return;
        anchored ||= !everyday;
        score += weight * found[0];
        covered += weight * (pending ? PENDING_SHARE : 1);
        marks.push(...formsOf(query.terms[i]!));
      });
      if (covered === 0 || !anchored) return;
      for (const { text, value } of phrases) {
        if (value[p]) {
          score += maxWeight * value[p];
          marks.push(text);
        }
      }
      hits.push({ doc, score, strong, marks: [...new Set(marks)], coverage: covered / total });
    });
    const best = Math.max(0, ...hits.map((h) => h.coverage));
    return hits
      .filter((h) => h.coverage >= MIN_COVERAGE && h.coverage >= best / 2 && matchesFilters(h.doc, filters))
      .sort((a, b) => Number(b.strong) - Number(a.strong) || b.score - a.score || compareDocs(a.doc, b.doc))
      .map(({ coverage: _, ...hit }) => hit);
  }

  /** The words that stand for a query term on a page: its own, its synonyms, the longer words that contain it. */
  function formsOf(term: ParsedQuery['terms'][number]): string[] {
    return [...(term.word ? [term.word] : []), ...[...term.terms.keys()].flatMap((t) => lexicon.terms[t]!)];
  }

  function filterValues(name: string): [string, number][] {
    const counts = new Map<string, number>();
    for (const doc of docs) for (const v of doc.filters[name] ?? []) counts.set(v, (counts.get(v) ?? 0) + 1);
    const values = [...counts];
    // Parts, roles and types keep the book's order (docs come in reading order); tags go by 拼音.
    return name === FILTER.tag ? values.sort(([a], [b]) => a.localeCompare(b, 'zh')) : values;
  }

  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  return {
    topics: index.topics,
    parse: (query, everyday) => parseQuery(query, lexicon, splitter, everyday),
    search,
    list: (filters) => docs.filter((d) => matchesFilters(d, filters)),
    doc: (id) => byId.get(id),
    filterValues,
  };
}

/** Every chosen filter is met (values of one filter are alternatives; filters combine). */
export function matchesFilters(doc: InstantDoc, filters: Filters): boolean {
  return Object.entries(filters).every(([name, values]) => values.length === 0 || values.some((v) => doc.filters[name]?.includes(v)));
}

/**
 * The final list once the full text has answered: strong hits keep their places at the top (so
 * what the reader saw first does not move), then the rest in the new order.
 */
export function keepStrongOnTop(before: InstantHit[], after: InstantHit[]): InstantHit[] {
  const strong = before.filter((h) => h.strong).map((h) => h.doc.id);
  const byId = new Map(after.map((h) => [h.doc.id, h]));
  const top = strong.map((id) => byId.get(id)).filter((h): h is InstantHit => Boolean(h));
  return [...top, ...after.filter((h) => !strong.includes(h.doc.id))];
}
