/**
 * Which PDFs exist and what goes into each: the whole book, one per part, the case library grouped
 * by role, and a trainer pack per role. Pure: pages use it for download links, scripts/pdf.ts to
 * build the files.
 */

export interface PdfBookNode {
  number: string;
  title: string;
  kind: 'part' | 'section' | 'subsection';
  /** Site URL of the page ("/book/2/17/"); every entry here has a page. */
  url: string;
}

export interface PdfCase {
  id: string;
  title: string;
  url: string;
}

export interface PdfRole {
  slug: string;
  name: string;
  cases: PdfCase[];
}

export interface PdfManifest {
  /** The site's public address, for the cover and the QR codes. */
  site: string;
  /** Edition date printed on the cover (YYYY-MM-DD). */
  edition: string;
  /** Book pages in reading order (parts, sections, subsections). */
  book: PdfBookNode[];
  roles: PdfRole[];
}

/** One entry of a document: a heading level in its table of contents and a page to print. */
export interface PdfEntry {
  /** 1: part or role; 2: section or case; 3: subsection. */
  level: 1 | 2 | 3;
  label: string;
  /** Page to take the text from, or none for a heading-only entry (a role in the case library). */
  url?: string;
}

export interface PdfDocument {
  file: string;
  title: string;
  subtitle: string;
  /** Trainer packs: each case on its own pages with room for notes. */
  trainer: boolean;
  entries: PdfEntry[];
}

const numberLabel = (n: PdfBookNode) => (n.kind === 'part' ? `第${n.number}篇 ${n.title}` : `${n.number} ${n.title}`);
const level = (n: PdfBookNode): 1 | 2 | 3 => (n.kind === 'part' ? 1 : n.kind === 'section' ? 2 : 3);
const caseEntry = (c: PdfCase): PdfEntry => ({ level: 2, label: `案例 ${c.id} ${c.title}`, url: c.url });

export const BOOK_TITLE = '投诉处理之道与术';

export function pdfDocuments(manifest: PdfManifest): PdfDocument[] {
  const bookEntries = manifest.book.map((n) => ({ level: level(n), label: numberLabel(n), url: n.url }));
  const parts = manifest.book.filter((n) => n.kind === 'part');
  const partOf = (n: PdfBookNode) => n.number.split('.')[0];
  const roles = manifest.roles.filter((r) => r.cases.length > 0);
  return [
    { file: 'book.pdf', title: BOOK_TITLE, subtitle: '全书', trainer: false, entries: bookEntries },
    ...parts.map((p) => ({
      file: `part-${p.number}.pdf`,
      title: BOOK_TITLE,
      subtitle: numberLabel(p),
      trainer: false,
      entries: manifest.book.filter((n) => partOf(n) === p.number).map((n) => ({ level: level(n), label: numberLabel(n), url: n.url })),
    })),
    {
      file: 'cases.pdf',
      title: BOOK_TITLE,
      subtitle: '案例库（按岗位）',
      trainer: false,
      entries: roles.flatMap((r) => [{ level: 1 as const, label: `${r.name}案例` }, ...r.cases.map(caseEntry)]),
    },
    ...roles.map((r) => ({
      file: `trainer-${r.slug}.pdf`,
      title: BOOK_TITLE,
      subtitle: `培训师手册：${r.name}案例`,
      trainer: true,
      entries: r.cases.map(caseEntry),
    })),
  ];
}

/** URL of a generated PDF on the site. */
export function pdfUrl(file: string): string {
  return `/pdf/${file}`;
}

/** "1.2 MB", "380 KB": file sizes as shown next to download links. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
