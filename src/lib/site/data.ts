/**
 * The one place pages get content from: the two collections, the outline and the graph built
 * over them (computed once per build).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import outlineJson from '../../../content/outline.json';
import type { Outline } from '../content/outline.ts';
import { buildGraph, type Graph } from './graph.ts';

export type BookEntry = CollectionEntry<'book'>;
export type CaseEntry = CollectionEntry<'cases'>;

export const outline = outlineJson as Outline;

export interface Site {
  graph: Graph;
  bookEntries: Map<string, BookEntry>;
  caseEntries: Map<string, CaseEntry>;
}

let site: Promise<Site> | undefined;

export function loadSite(): Promise<Site> {
  site ??= (async () => {
    const [book, cases] = await Promise.all([getCollection('book'), getCollection('cases')]);
    const graph = buildGraph(
      outline,
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
