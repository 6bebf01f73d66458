/**
 * Turns the built pages' articles into one printable HTML document per PDF (laid out by Paged.js):
 * cover, table of contents with page numbers, the entries with ids made unique, links to pages in the
 * same PDF turned into internal links and the rest into absolute site URLs, and each page's short URL
 * with a QR code. Pure: the caller reads the pages and makes the QR codes.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit, SKIP } from 'unist-util-visit';
import type { PdfDocument, PdfEntry } from './documents.ts';

export interface AssembleInput {
  doc: PdfDocument;
  site: string;
  edition: string;
  /** The inner HTML of each page's <article>, by page URL. */
  articles: Map<string, string>;
  /** An SVG QR code for a URL. */
  qr: (url: string) => string;
  /** Stylesheet and script URLs for the document's <head>. */
  styles: string[];
  scripts: string[];
}

/** The anchor of an entry in a PDF: "/book/2/17/" → "p-book-2-17"; "/cases/01003/" → "p-cases-01003". */
export function entryAnchor(url: string): string {
  return `p-${url.replace(/^\/|\/$/g, '').replaceAll('/', '-')}`;
}

const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });
const raw = (html: string): ElementContent[] => fromHtml(html, { fragment: true }).children as ElementContent[];
const classes = (node: Element): string[] => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);

/** Removes what only makes sense on screen: copy-link controls, search data, related-page lists. */
function isScreenOnly(node: Element): boolean {
  const c = classes(node);
  return (
    c.includes('heading-link') ||
    c.includes('visually-hidden') ||
    node.properties.hidden !== undefined ||
    node.properties.dataPagefindIgnore !== undefined ||
    node.tagName === 'h1'
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
    if (typeof node.properties.id === 'string') node.properties.id = `${prefix}-${node.properties.id}`;
    const heading = /^h([2-6])$/.exec(node.tagName);
    if (heading) node.tagName = `h${Math.min(6, Number(heading[1]) + entryLevel - 1)}`;
    if (node.tagName === 'a' && typeof node.properties.href === 'string') node.properties.href = rewriteHref(node.properties.href, url, inDocument, site);
    return undefined;
  });
  return tree.children as ElementContent[];
}

/** A link inside the PDF when its page is in the PDF, else the page's full online address. */
export function rewriteHref(href: string, from: string, inDocument: Set<string>, site: string): string {
  if (/^[a-z]+:/i.test(href)) return href;
  const target = new URL(href, `http://x${from}`);
  const anchor = target.hash.slice(1);
  if (inDocument.has(target.pathname)) {
    const base = entryAnchor(target.pathname);
    return `#${anchor ? `${base}-${anchor}` : base}`;
  }
  return `${site}${target.pathname}${target.hash}`;
}

function entryHeading(entry: PdfEntry, id: string): Element {
  return el(`h${entry.level}`, { id, className: ['entry-title', `level-${entry.level}`] }, [text(entry.label)]);
}

function sourceLink(url: string, site: string, qr: (u: string) => string): Element {
  const full = `${site}${url}`;
  return el('aside', { className: ['online'] }, [
    el('span', { className: ['qr'] }, raw(qr(full))),
    el('p', {}, [text('在线阅读、分享本节：'), el('a', { href: full }, [text(full.replace(/^https?:\/\//, ''))])]),
  ]);
}

function notes(): Element {
  return el('section', { className: ['notes'] }, [el('p', { className: ['notes-title'] }, [text('培训笔记')]), ...Array.from({ length: 8 }, () => el('div', { className: ['line'] }))]);
}

export function assembleDocument(input: AssembleInput): string {
  const { doc, site, edition, articles, qr } = input;
  const inDocument = new Set(doc.entries.flatMap((e) => (e.url ? [e.url] : [])));
  const body: ElementContent[] = [];

  body.push(
    el('section', { className: ['cover'] }, [
      el('p', { className: ['cover-title'] }, [text(doc.title)]),
      el('p', { className: ['cover-subtitle'] }, [text(doc.subtitle)]),
      el('p', { className: ['cover-meta'] }, [text(`银行网点员工培训手册 · ${edition}版`)]),
      el('div', { className: ['cover-qr'] }, raw(qr(site))),
      el('p', { className: ['cover-meta'] }, [text('在线版：'), el('a', { href: site }, [text(site.replace(/^https?:\/\//, ''))])]),
    ]),
    el('nav', { className: ['toc'], ariaLabel: '目录' }, [
      el('p', { className: ['toc-title'] }, [text('目录')]),
      el(
        'ol',
        {},
        doc.entries.map((entry, i) => {
          const id = entry.url ? entryAnchor(entry.url) : `group-${i}`;
          return el('li', { className: [`toc-${entry.level}`] }, [el('a', { href: `#${id}` }, [text(entry.label)])]);
        }),
      ),
    ]),
  );

  doc.entries.forEach((entry, i) => {
    const id = entry.url ? entryAnchor(entry.url) : `group-${i}`;
    const children: ElementContent[] = [entryHeading(entry, id)];
    if (entry.url) {
      const article = articles.get(entry.url);
      if (article === undefined) throw new Error(`${doc.file}: no built page for ${entry.url} (run the site build first)`);
      children.push(...rewriteArticle(article, entry.url, entry.level, inDocument, site), sourceLink(entry.url, site, qr));
      if (doc.trainer) children.push(notes());
    }
    body.push(el('section', { className: ['entry', `entry-${entry.level}`, ...(doc.trainer ? ['trainer'] : [])] }, children));
  });

  const head = [
    '<meta charset="utf-8">',
    `<title>${escapeHtml(`${doc.title} · ${doc.subtitle}`)}</title>`,
    ...input.styles.map((href) => `<link rel="stylesheet" href="${href}">`),
  ].join('\n');
  const scripts = input.scripts.map((src) => `<script src="${src}"></script>`).join('\n');
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n${head}\n</head>\n<body>\n${toHtml(body)}\n${scripts}\n</body>\n</html>\n`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
