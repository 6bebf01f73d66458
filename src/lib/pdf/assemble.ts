/**
 * Turns the built pages' articles into one printable HTML document per layout (printed by Chromium):
 * cover, contents with page numbers, each part or role on a title page with its own contents, the
 * entries with ids made unique, links to pages in the same PDF turned into internal links and the rest
 * into full site addresses, each page's short address with a QR code, diagrams at a readable size.
 * Pure: the caller reads the pages and makes the QR codes.
 *
 * A preview build (no site address) prints 预览版 on the cover, and has no QR codes and no links to an
 * address nobody owns.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit, SKIP } from 'unist-util-visit';
import { CASE_HEADINGS } from '../content/schema.ts';
import { SCREEN_ONLY_PROP } from '../site/markers.ts';
import type { PdfEntry, PdfLayout } from './documents.ts';
import { fitDiagram } from './diagrams.ts';

export interface AssembleInput {
  layout: PdfLayout;
  /** The site's public address; empty in a preview build. */
  site: string;
  edition: string;
  /** The inner HTML of each page's <article>, by page URL. */
  articles: Map<string, string>;
  /** An SVG QR code for a URL. */
  qr: (url: string) => string;
  /** Stylesheet URLs for the document's <head>. */
  styles: string[];
  /** Content-Security-Policy of the document: no script runs, nothing outside loads. */
  csp: string;
  /** Shown in the document title: the PDF's own subtitle. */
  title: string;
  /** Print only this group (a part or a role), starting on its title page; else the whole layout. */
  group?: string | undefined;
  /** Leave out the 参考要点 (student editions). */
  withoutAnswers?: boolean | undefined;
  /** Page of each entry (by its anchor), from a first print; the contents show a dash without it. */
  pageNumbers?: Map<string, number> | undefined;
  /** Number of the first page: a part printed on its own keeps the whole book's page numbers. */
  firstPage?: number | undefined;
  /** Only the cover and the contents (to learn how many pages they take). */
  frontOnly?: boolean | undefined;
}

/** The element that starts a group (a part or a role) carries this id. */
export const groupAnchor = (group: string) => `group-${group}`;

/** The anchor of an entry in a PDF: "/book/2/17/" → "p-book-2-17"; "/cases/01003/" → "p-cases-01003". */
export function entryAnchor(url: string): string {
  return `p-${url.replace(/^\/|\/$/g, '').replaceAll('/', '-')}`;
}

const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });
const raw = (html: string): ElementContent[] => fromHtml(html, { fragment: true }).children as ElementContent[];
const classes = (node: Element): string[] => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

/** Elements content may never bring into the PDF builder (the content check rejects them too). */
const FORBIDDEN = new Set(['script', 'iframe', 'object', 'embed', 'meta', 'link', 'base', 'form', 'noscript', 'template']);

/** What only makes sense on screen: copy-link controls, search data, related pages, the page title. */
function isScreenOnly(node: Element): boolean {
  return (
    node.properties[SCREEN_ONLY_PROP] !== undefined ||
    classes(node).includes('visually-hidden') ||
    node.properties.hidden !== undefined ||
    node.tagName === 'h1' ||
    FORBIDDEN.has(node.tagName)
  );
}

/** Rewrites one article for its place in the PDF. */
export function rewriteArticle(html: string, url: string, entryLevel: number, inDocument: Set<string>, site: string): ElementContent[] {
  const prefix = entryAnchor(url);
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node: Element, index, parent) => {
    if (parent && index !== undefined && isScreenOnly(node)) {
      (parent.children as RootContent[]).splice(index, 1);
      return [SKIP, index];
    }
    for (const name of Object.keys(node.properties)) if (/^on/i.test(name)) delete node.properties[name];
    if (typeof node.properties.id === 'string') node.properties.id = `${prefix}-${node.properties.id}`;
    if (node.tagName === 'details') node.properties.open = true;
    const heading = /^h([2-6])$/.exec(node.tagName);
    if (heading) node.tagName = `h${Math.min(6, Number(heading[1]) + entryLevel - 1)}`;
    if (node.tagName === 'a' && typeof node.properties.href === 'string') {
      const href = rewriteHref(node.properties.href, url, inDocument, site);
      if (href === undefined) delete node.properties.href;
      else node.properties.href = href;
    }
    if (node.tagName === 'svg' && parent?.type === 'element' && (parent as Element).tagName === 'section') {
      (parent as Element).children = fitDiagram(node);
      return SKIP;
    }
    return undefined;
  });
  return tree.children as ElementContent[];
}

/**
 * A link inside the PDF when its page is in the PDF, else the page's full online address; undefined
 * (no link) for a site page in a preview build, or for a scheme that is neither web nor mail.
 */
export function rewriteHref(href: string, from: string, inDocument: Set<string>, site: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return /^(https?|mailto|tel):/i.test(href) ? href : undefined;
  const target = new URL(href, `http://x${from}`);
  const anchor = target.hash.slice(1);
  if (inDocument.has(target.pathname)) {
    const base = entryAnchor(target.pathname);
    return `#${anchor ? `${base}-${anchor}` : base}`;
  }
  return site ? `${site}${target.pathname}${target.hash}` : undefined;
}

/**
 * A case laid out for class: what happened and the questions first, then room for notes, then the
 * 参考要点 on a page of their own; 今天怎么看 comes before the
 * questions, as background everyone reads. Student editions have no 参考要点.
 */
export function caseForClass(children: ElementContent[], url: string, withAnswers: boolean): ElementContent[] {
  const id = (anchor: string) => `${entryAnchor(url)}-${anchor}`;
  const starts = (node: ElementContent, anchor: string) => node.type === 'element' && /^h\d$/.test(node.tagName) && node.properties.id === id(anchor);
  const sectionOf = (anchor: string): ElementContent[] => {
    const from = children.findIndex((n) => starts(n, anchor));
    if (from < 0) return [];
    let to = from + 1;
    while (to < children.length && !(children[to]!.type === 'element' && (children[to] as Element).tagName === (children[from] as Element).tagName)) to++;
    return children.splice(from, to - from);
  };
  // On the site the 参考要点 are folded under their heading (<details>, opened for paper by rewriteArticle).
  const answers = sectionOf(CASE_HEADINGS[4].anchor);
  const today = sectionOf('today');
  const questionsAt = children.findIndex((n) => starts(n, CASE_HEADINGS[3].anchor));
  if (today.length > 0) children.splice(questionsAt < 0 ? children.length : questionsAt, 0, ...today);
  return [...children, notes(), ...(withAnswers && answers.length > 0 ? [el('section', { className: ['answers'] }, answers)] : [])];
}

function notes(): Element {
  return el('section', { className: ['notes'] }, [el('p', { className: ['notes-title'] }, [text('讨论笔记')]), ...Array.from({ length: 8 }, () => el('div', { className: ['line'] }))]);
}

function sourceLink(url: string, site: string, qr: (u: string) => string): Element | undefined {
  if (!site) return undefined;
  const full = `${site}${url}`;
  return el('aside', { className: ['online'] }, [
    el('span', { className: ['qr'] }, raw(qr(full))),
    el('p', {}, [text('在线阅读、分享本节：'), el('a', { href: full }, [text(full.replace(/^https?:\/\//, ''))])]),
  ]);
}

export const entryId = (entry: PdfEntry) => (entry.url ? entryAnchor(entry.url) : groupAnchor(entry.group));

/** Contents: every entry with its page number, where known (the column keeps its width either way). */
function contents(entries: PdfEntry[], title: string, className: string, pageNumbers: Map<string, number> | undefined): Element {
  return el('nav', { className: [className], ariaLabel: title }, [
    el('p', { className: [`${className}-title`] }, [text(title)]),
    el(
      'ol',
      {},
      entries.map((e) =>
        el('li', { className: [`toc-${e.level}`] }, [
          el('a', { href: `#${entryId(e)}` }, [el('span', { className: ['toc-label'] }, [text(e.label)]), el('span', { className: ['toc-page'] }, [text(String(pageNumbers?.get(entryId(e)) ?? ''))])]),
        ]),
      ),
    ),
  ]);
}

/** A CSS string literal. */
const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/</g, '\\3c ')}"`;

/**
 * Running headers with Chromium's own page layout: each part (or role) and each case is a named page
 * whose margin boxes carry its name, so a header can never show the part or case before.
 */
function runningHeaders(layout: PdfLayout): string {
  const rules: string[] = [];
  for (const entry of layout.entries) {
    if (entry.level === 1) rules.push(`@page ${pageName(entry)} { @top-left { content: ${cssString(entry.label)}; } @top-right { content: ${cssString(layout.title)}; } }`);
    else if (layout.cases) {
      const group = layout.entries.find((e) => e.level === 1 && e.group === entry.group)!;
      rules.push(`@page ${pageName(entry)} { @top-left { content: ${cssString(group.label)}; } @top-right { content: ${cssString(entry.label)}; } }`);
    }
  }
  return rules.join('\n');
}

/** The named page of a group, or of a case (cases start on a page of their own). */
export const pageName = (entry: PdfEntry) => (entry.level === 1 ? `g-${entry.group}` : `e-${entryId(entry)}`);

export function assembleDocument(input: AssembleInput): string {
  const { layout, site, edition, articles, qr, pageNumbers, group: only } = input;
  const entries = only ? layout.entries.filter((e) => e.group === only) : layout.entries;
  if (entries.length === 0) throw new Error(`${layout.id}: no group ${only}`);
  const inDocument = new Set(entries.flatMap((e) => (e.url ? [e.url] : [])));
  const preview = !site;
  const body: ElementContent[] = only
    ? []
    : [
        el('section', { className: ['cover'] }, [
          el('p', { className: ['cover-title'] }, [text(layout.title)]),
          el('p', { className: ['cover-subtitle'] }, [text(layout.subtitle)]),
          el('p', { className: ['cover-meta'] }, [text(`银行网点员工培训手册 · ${edition}版`)]),
          ...(preview
            ? [el('p', { className: ['cover-preview'] }, [text(PREVIEW_NOTICE)])]
            : [el('div', { className: ['cover-qr'] }, raw(qr(site))), el('p', { className: ['cover-meta'] }, [text('在线版：'), el('a', { href: site }, [text(site.replace(/^https?:\/\//, ''))])])]),
        ]),
        contents(entries, '目录', 'toc', pageNumbers),
      ];

  let group: Element | undefined;
  for (const entry of input.frontOnly ? [] : entries) {
    if (entry.level === 1) {
      const members = entries.filter((e) => e.group === entry.group && e.level > 1);
      group = el('section', { className: ['group'], id: groupAnchor(entry.group), style: `page: ${pageName(entry)}` }, [
        el('p', { className: ['group-meta'] }, [text(`${layout.title} · 银行网点员工培训手册 · ${edition}版${preview ? ' · 预览版' : ''}`)]),
        el('h1', { className: ['entry-title', 'level-1'], ...(entry.url ? { id: entryAnchor(entry.url) } : {}) }, [text(entry.label)]),
        // The same in the whole and in the part printed alone: a part must lay out page for page as in the whole.
        ...(preview ? [el('p', { className: ['cover-preview'] }, [text(PREVIEW_NOTICE)])] : []),
        ...(members.length > 0 ? [contents(members, layout.cases ? '本组案例' : '本篇内容', 'group-toc', pageNumbers)] : []),
      ]);
      body.push(group);
    }
    const children: ElementContent[] = entry.level > 1 ? [el(`h${entry.level}`, { id: entryId(entry), className: ['entry-title', `level-${entry.level}`] }, [text(entry.label)])] : [];
    if (entry.url) {
      const article = articles.get(entry.url);
      if (article === undefined) throw new Error(`${layout.id}: no built page for ${entry.url} (run the site build first)`);
      const rewritten = rewriteArticle(article, entry.url, Math.max(2, entry.level), inDocument, site);
      children.push(...(layout.cases ? caseForClass(rewritten, entry.url, !input.withoutAnswers) : rewritten));
      const online = sourceLink(entry.url, site, qr);
      if (online) children.splice(layout.cases ? children.findIndex((c) => c.type === 'element' && classes(c as Element).includes('notes')) : children.length, 0, online);
    }
    if (entry.level === 1) group!.children.push(...children);
    else group!.children.push(el('section', { className: ['entry', `entry-${entry.level}`, ...(layout.cases ? ['case'] : [])], ...(layout.cases ? { style: `page: ${pageName(entry)}` } : {}) }, children));
  }

  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(input.csp)}">`,
    `<title>${escapeHtml(`${layout.title} · ${input.title}`)}</title>`,
    ...input.styles.map((href) => `<link rel="stylesheet" href="${href}">`),
    `<style>\n${runningHeaders(layout)}${input.firstPage && input.firstPage > 1 ? `\nhtml { counter-reset: page ${input.firstPage - 1}; }` : ''}\n</style>`,
  ].join('\n');
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n${head}\n</head>\n<body class="layout-${layout.id}">\n${toHtml(body)}\n</body>\n</html>\n`;
}

const PREVIEW_NOTICE = '预览版：构建时没有设置网址（SITE_URL），本文件不含二维码和在线链接，请勿分发。';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
function escapeAttribute(s: string): string {
  return escapeHtml(s).replace(/"/g, '&quot;');
}
