/**
 * Which PDFs exist and what goes into each. Pure: pages use it for download links, the PDF step
 * (integrations/pdf.ts) to build the files.
 *
 * Each distinct page is laid out once. There are two layouts:
 * - the book: cover, contents, then each part on a title page of its own followed by its sections;
 * - the case library: cover, contents, then each role on a title page followed by its cases, each case
 *   on new pages, its 参考要点 on a page of its own after the discussion questions and note lines.
 * Every file is a layout printed whole or a range of its pages: a part of the book, a role's trainer
 * pack, or a role's student edition (its cases without the 参考要点 pages). So a part or trainer pack
 * keeps the page numbers of the whole book or library: "turn to page 57" works in both.
 */

import { caseLabel as siteCaseLabel, nodeLabel, SCENARIO_BADGE } from '../site/labels.ts';
import { SITE_SHORT_NAME } from '../site/meta.ts';

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
  /** An invented case (情景示例): its heading says so. */
  scenario: boolean;
}

export interface PdfRole {
  slug: string;
  name: string;
  cases: PdfCase[];
}

export interface PdfPhraseGroup {
  label: string;
  /** The page listing the group's cards ("/phrases/part/5/"). */
  url: string;
}

export interface PdfManifest {
  /** The site's public address for the cover, links and QR codes; empty in a preview build. */
  site: string;
  /** Edition date printed on the cover (YYYY-MM-DD). */
  edition: string;
  /** Book pages in reading order (parts, sections, subsections). */
  book: PdfBookNode[];
  roles: PdfRole[];
  /** The phrase book, by part of the book and the case library. */
  phrases: PdfPhraseGroup[];
}

export type LayoutId = 'book' | 'cases' | 'phrases';

/** One entry of a layout: a heading in its contents, and the page its text comes from. */
export interface PdfEntry {
  /** 1: part or role (a title page of its own); 2: section or case; 3: subsection. */
  level: 1 | 2 | 3;
  label: string;
  /** Page to take the text from; a role has none (its title page lists its cases). */
  url?: string;
  /** The part or role the entry belongs to (its level-1 entry's group), for ranges. */
  group: string;
}

export interface PdfLayout {
  id: LayoutId;
  title: string;
  subtitle: string;
  /** Cases: each starts on a new page, with note lines and the 参考要点 on pages of their own. */
  cases: boolean;
  /** Phrase cards: two columns, cards kept whole (for the staff room wall). */
  phrases: boolean;
  entries: PdfEntry[];
}

export interface PdfDocument {
  file: string;
  /** Shown in download links. */
  subtitle: string;
  layout: LayoutId;
  /** Print only this group (a part or a role); the whole layout when absent. */
  group?: string;
  /** Leave out the pages that hold 参考要点 (student editions). */
  withoutAnswers: boolean;
}

export const BOOK_TITLE = SITE_SHORT_NAME;

/** File names of the PDFs: the only place they are spelled. */
export const PDF_FILES = {
  book: 'book.pdf',
  part: (number: string) => `part-${number}.pdf`,
  cases: 'cases.pdf',
  trainer: (role: string) => `trainer-${role}.pdf`,
  student: (role: string) => `student-${role}.pdf`,
  phrases: 'phrases.pdf',
} as const;

const partLabel = (n: PdfBookNode) => nodeLabel(n);
const level = (n: PdfBookNode): 1 | 2 | 3 => (n.kind === 'part' ? 1 : n.kind === 'section' ? 2 : 3);
const partOf = (n: PdfBookNode) => n.number.split('.')[0]!;
/** A case as the PDFs name it: an invented one says so. */
const caseLabel = (c: PdfCase) => `${siteCaseLabel(c)}${c.scenario ? `（${SCENARIO_BADGE}）` : ''}`;

export function pdfLayouts(manifest: PdfManifest): PdfLayout[] {
  const roles = manifest.roles.filter((r) => r.cases.length > 0);
  return [
    {
      id: 'book',
      title: BOOK_TITLE,
      subtitle: '全书',
      cases: false,
      phrases: false,
      entries: manifest.book.map((n) => ({ level: level(n), label: nodeLabel(n), url: n.url, group: `part-${partOf(n)}` })),
    },
    {
      id: 'cases',
      title: BOOK_TITLE,
      subtitle: '案例库（按岗位）',
      cases: true,
      phrases: false,
      entries: roles.flatMap((r) => [
        { level: 1 as const, label: `${r.name}案例`, group: `role-${r.slug}` },
        ...r.cases.map((c) => ({ level: 2 as const, label: caseLabel(c), url: c.url, group: `role-${r.slug}` })),
      ]),
    },
    {
      id: 'phrases',
      title: BOOK_TITLE,
      subtitle: '话术速查',
      cases: false,
      phrases: true,
      entries: manifest.phrases.map((g, i) => ({ level: 1 as const, label: g.label, url: g.url, group: `phrases-${i + 1}` })),
    },
  ];
}

export function pdfDocuments(manifest: PdfManifest): PdfDocument[] {
  const parts = manifest.book.filter((n) => n.kind === 'part');
  const roles = manifest.roles.filter((r) => r.cases.length > 0);
  return [
    { file: PDF_FILES.book, subtitle: '全书', layout: 'book', withoutAnswers: false },
    ...parts.map((p) => ({ file: PDF_FILES.part(p.number), subtitle: partLabel(p), layout: 'book' as const, group: `part-${p.number}`, withoutAnswers: false })),
    { file: PDF_FILES.cases, subtitle: '案例库（按岗位，含参考要点）', layout: 'cases', withoutAnswers: false },
    ...roles.flatMap((r) => [
      { file: PDF_FILES.trainer(r.slug), subtitle: `培训师手册：${r.name}案例（含参考要点）`, layout: 'cases' as const, group: `role-${r.slug}`, withoutAnswers: false },
      { file: PDF_FILES.student(r.slug), subtitle: `学员版：${r.name}案例（不含参考要点）`, layout: 'cases' as const, group: `role-${r.slug}`, withoutAnswers: true },
    ]),
    ...(manifest.phrases.length > 0 ? [{ file: PDF_FILES.phrases, subtitle: '话术速查（A4，可张贴）', layout: 'phrases' as const, withoutAnswers: false }] : []),
  ];
}

/** The downloads each page offers. */
export const pdfChoices = {
  home: (docs: PdfDocument[]) => docs.filter((d) => d.file === PDF_FILES.book || d.file === PDF_FILES.cases),
  part: (docs: PdfDocument[], number: string) => docs.filter((d) => d.file === PDF_FILES.book || d.file === PDF_FILES.part(number)),
  cases: (docs: PdfDocument[]) => docs.filter((d) => d.layout === 'cases'),
  role: (docs: PdfDocument[], slug: string) => docs.filter((d) => d.file === PDF_FILES.trainer(slug) || d.file === PDF_FILES.student(slug)),
  phrases: (docs: PdfDocument[]) => docs.filter((d) => d.file === PDF_FILES.phrases),
};

/** "1.2 MB", "380 KB": file sizes as shown next to download links. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
