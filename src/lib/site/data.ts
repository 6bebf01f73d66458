/**
 * The one place pages get content from: the two collections, the outline and the graph built
 * over them (computed once per build).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import outlineJson from '../../../content/outline.json';
import type { Outline } from '../content/outline.ts';
import { buildGraph, type Graph } from './graph.ts';
import { pdfDocuments, type PdfDocument, type PdfManifest } from '../pdf/documents.ts';
import { ROLES } from '../taxonomy.ts';
import { caseUrl } from '../urls.ts';

export type BookEntry = CollectionEntry<'book'>;
export type CaseEntry = CollectionEntry<'cases'>;

export const outline = outlineJson as Outline;

export interface Site {
  graph: Graph;
  /** The classroom PDFs (built by scripts/pdf.ts after the site). */
  pdfs: PdfDocument[];
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
    const pdfs = pdfDocuments(pdfManifest(graph, '', ''));
    return {
      graph,
      pdfs,
      bookEntries: new Map(book.map((e) => [e.data.number, e])),
      caseEntries: new Map(cases.map((e) => [e.data.id, e])),
    };
  })();
  return site;
}

/** What the PDFs contain: the book in reading order and the cases by role (see lib/pdf/documents.ts). */
export function pdfManifest(graph: Graph, site: string, edition: string): PdfManifest {
  return {
    site,
    edition,
    book: graph.readingOrder.map((n) => ({ number: n.number, title: n.title, kind: n.kind, url: n.url! })),
    roles: ROLES.map((r) => ({
      slug: r.slug,
      name: r.name,
      cases: graph.casesOfRole(r.slug).map((c) => ({ id: c.id, title: c.title, url: caseUrl(c.id) })),
    })),
  };
}
