/**
 * The one place pages get content from: the three collections (outline, book, cases) and the graph
 * built over them, computed once per build.
 */
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { PhraseCard } from '../content/cards.ts';
import { compareNumbers } from '../content/numbering.ts';
import { buildGraph, type Graph } from './graph.ts';
import { buildPhraseBook, type PhraseBook } from './phrases.ts';

export type BookEntry = CollectionEntry<'book'>;
export type CaseEntry = CollectionEntry<'cases'>;

export interface Site {
  graph: Graph;
  /** The phrase book (话术速查), from the cards the renderer read in each page (remarkPhraseCards). */
  phrases: PhraseBook;
  bookEntries: Map<string, BookEntry>;
  caseEntries: Map<string, CaseEntry>;
}

let site: Promise<Site> | undefined;

export function loadSite(): Promise<Site> {
  site ??= (async () => {
    const [parts, book, cases] = await Promise.all([getCollection('outline'), getCollection('book'), getCollection('cases')]);
    const graph = buildGraph(
      { parts: parts.map((p) => p.data).sort((a, b) => compareNumbers(a.number, b.number)) },
      book.map((e) => e.data),
      cases.map((e) => e.data),
    );
    const cardsOf = async (entry: BookEntry | CaseEntry) => ((await render(entry)).remarkPluginFrontmatter['phraseCards'] ?? []) as PhraseCard[];
    const phrases = buildPhraseBook(
      [
        ...(await Promise.all(book.map(async (e) => ({ key: e.data.number, kind: 'book' as const, cards: await cardsOf(e) })))),
        ...(await Promise.all(cases.map(async (e) => ({ key: e.data.id, kind: 'case' as const, cards: await cardsOf(e) })))),
      ],
      graph,
    );
    return {
      graph,
      phrases,
      bookEntries: new Map(book.map((e) => [e.data.number, e])),
      caseEntries: new Map(cases.map((e) => [e.data.id, e])),
    };
  })();
  return site;
}
