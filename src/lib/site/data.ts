/**
 * The one place pages get content from: the three collections (outline, book, cases) and the graph
 * built over them, computed once per build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { compareNumbers } from '../content/numbering.ts';
import { buildGraph, type Graph } from './graph.ts';

export type BookEntry = CollectionEntry<'book'>;
export type CaseEntry = CollectionEntry<'cases'>;

export interface Site {
  graph: Graph;
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
    return {
      graph,
      bookEntries: new Map(book.map((e) => [e.data.number, e])),
      caseEntries: new Map(cases.map((e) => [e.data.id, e])),
    };
  })();
  return site;
}
