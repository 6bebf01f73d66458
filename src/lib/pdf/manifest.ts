/** What the PDF step needs from the site graph: the book in reading order and the cases by role. */
import type { Graph } from '../site/graph.ts';
import type { PhraseBook } from '../site/phrases.ts';
import { ROLES } from '../taxonomy.ts';
import { caseUrl, phrasesCasesUrl, phrasesPartUrl } from '../site/urls.ts';
import { pdfDocuments, type PdfDocument, type PdfManifest } from './documents.ts';

export function pdfManifest({ graph, phrases }: { graph: Graph; phrases: PhraseBook }, site: string, edition: string): PdfManifest {
  return {
    site,
    edition,
    book: graph.readingOrder.filter((n) => n.written).map((n) => ({ number: n.number, title: n.title, kind: n.kind, url: n.url })),
    roles: ROLES.map((r) => ({
      slug: r.slug,
      name: r.name,
      cases: graph.casesOfRole(r.slug).map((c) => ({ id: c.id, title: c.title, url: caseUrl(c.id), scenario: c.source === 'scenario' })),
    })),
    phrases: [
      ...phrases.parts.map((p) => ({ label: `${p.label}的话术`, url: phrasesPartUrl(p.number) })),
      ...(phrases.cases.length > 0 ? [{ label: '案例库里的话术', url: phrasesCasesUrl }] : []),
    ],
  };
}

/** The PDFs as pages list them for download (file names and titles; no site address needed). */
export function pdfDocumentsOf(site: { graph: Graph; phrases: PhraseBook }): PdfDocument[] {
  return pdfDocuments(pdfManifest(site, '', ''));
}
