/** What the PDF step needs from the site graph: the book in reading order and the cases by role. */
import type { Graph } from '../site/graph.ts';
import { ROLES } from '../taxonomy.ts';
import { caseUrl } from '../site/urls.ts';
import { pdfDocuments, type PdfDocument, type PdfManifest } from './documents.ts';

export function pdfManifest(graph: Graph, site: string, edition: string): PdfManifest {
  return {
    site,
    edition,
    book: graph.readingOrder.map((n) => ({ number: n.number, title: n.title, kind: n.kind, url: n.url! })),
    roles: ROLES.map((r) => ({
      slug: r.slug,
      name: r.name,
      cases: graph.casesOfRole(r.slug).map((c) => ({ id: c.id, title: c.title, url: caseUrl(c.id), scenario: c.source === 'scenario' })),
    })),
  };
}

/** The PDFs as pages list them for download (file names and titles; no site address needed). */
export function pdfDocumentsOf(graph: Graph): PdfDocument[] {
  return pdfDocuments(pdfManifest(graph, '', ''));
}
