/**
 * What the pictures are drawn from, read from the built pages (the pages are the truth: whatever
 * they show and link is what gets drawn):
 * - a page's share image: its og:title, og:description and og:image;
 * - its flowcharts: each figure[data-diagram] with its SVG and the nearest heading above it;
 * - its phrase cards: each [data-phrase-card] with its situation, source and lines.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { SCREEN_ONLY_PROP } from '../site/markers.ts';
import { flattenDiagram, type FlatDiagram } from './diagram-flatten.ts';
import { standaloneSvg } from './standalone-svg.ts';

export interface PageMeta {
  title: string;
  description: string;
  /** The og:image address as written (absolute when the build has SITE_URL). */
  image?: string;
}

export interface DiagramUse {
  key: string;
  /** The figure's <svg>. */
  svg: Element;
  /** The id of the nearest heading above the figure, if any. */
  anchor?: string;
}

/** A flowchart as the picture steps need it. */
export interface DiagramFound {
  key: string;
  anchor?: string;
  /** The standalone SVG file (standalone-svg.ts). */
  svg: string;
  /** Its width in CSS px, as drawn on the page. */
  width: number;
  /** What its picture to keep is drawn from (diagram-flatten.ts). */
  flat: FlatDiagram;
}

/** The site's diagram styles: for the standalone SVG (theme.ts standaloneDiagramCss) and for pictures (pictureDiagramCss). */
export interface DiagramStyles {
  standalone: string;
  picture: (id: string) => string;
}

/** Everything the pictures need from one page. */
export interface PageFindings {
  meta?: PageMeta;
  diagrams: DiagramFound[];
  cards: PhraseCard[];
}

export interface PhraseCard {
  id: string;
  situation: string;
  source: string;
  say: string[];
  avoid: string[];
}

/** The HTML file of a page → its URL path: "book/2/17/index.html" → "/book/2/17/", "404.html" → "/404.html". */
export function pagePath(file: string): string {
  const path = `/${file.replaceAll('\\', '/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** The og: properties of a page (its <head> only, so reading every page stays fast). */
export function pageMeta(html: string): PageMeta | undefined {
  const end = html.indexOf('</head>');
  const head = fromHtml(end < 0 ? html : html.slice(0, end), { fragment: true });
  const og: Record<string, string> = {};
  walk(head, (node) => {
    const property = node.properties.property;
    if (node.tagName === 'meta' && typeof property === 'string' && property.startsWith('og:')) og[property.slice(3)] ??= String(node.properties.content ?? '');
    return true;
  });
  if (og.title === undefined) return undefined;
  return { title: og.title, description: og.description ?? '', ...(og.image ? { image: og.image } : {}) };
}

/** Whether a page can hold figures or cards (a cheap test before parsing it whole). */
export function mayHavePictures(html: string): boolean {
  return html.includes('data-diagram=') || html.includes('data-phrase-card=');
}

/** What a page asks to be drawn, with the diagram styles of the site. */
export function pageFindings(html: string, styles: DiagramStyles): PageFindings {
  const meta = pageMeta(html);
  const found = mayHavePictures(html) ? pictureSources(html) : { diagrams: [], cards: [] };
  return {
    ...(meta ? { meta } : {}),
    diagrams: found.diagrams.map((d) => {
      const width = Number(d.svg.properties.width);
      if (!(width > 0)) throw new Error(`figure[data-diagram="${d.key}"]: its <svg> has no width in px (width="${String(d.svg.properties.width)}"); Mermaid's useMaxWidth must stay off`);
      return { key: d.key, ...(d.anchor ? { anchor: d.anchor } : {}), svg: standaloneSvg(d.svg, styles.standalone), width, flat: flattenDiagram(d.svg, styles.picture) };
    }),
    cards: found.cards,
  };
}

/** The flowcharts and phrase cards of a page. */
export function pictureSources(html: string): { diagrams: DiagramUse[]; cards: PhraseCard[] } {
  const tree = fromHtml(html);
  const diagrams: DiagramUse[] = [];
  const cards: PhraseCard[] = [];
  let anchor: string | undefined;
  walk(tree, (node) => {
    if (/^h[1-6]$/.test(node.tagName) && typeof node.properties.id === 'string') anchor = node.properties.id;
    const key = node.properties.dataDiagram;
    if (node.tagName === 'figure' && typeof key === 'string') {
      const svg = find(node, (n) => n.tagName === 'svg');
      if (!svg) throw new Error(`figure[data-diagram="${key}"] holds no <svg> (the diagram did not render)`);
      diagrams.push({ key, svg, ...(anchor ? { anchor } : {}) });
      return false;
    }
    const id = node.properties.dataPhraseCard;
    if (typeof id === 'string') {
      cards.push(phraseCard(id, node));
      return false;
    }
    return true;
  });
  return { diagrams, cards };
}

function phraseCard(id: string, card: Element): PhraseCard {
  /** The element marked `data-{name}` ("card-source" → dataCardSource). */
  const part = (name: string) => find(card, (n) => n.properties[`data-${name}`.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] !== undefined);
  const required = (name: string, what: string) => {
    const found = part(name);
    if (!found) throw new Error(`phrase card “${id}” has no ${what} (an element with data-${name})`);
    return text(found);
  };
  // A card may lack one of the two lists (a block of lines to avoid with nothing to say instead).
  const items = (name: string) => {
    const list = part(name);
    return list ? findAll(list, (n) => n.tagName === 'li').map(text).filter(Boolean) : [];
  };
  return { id, situation: required('card-situation', 'situation'), source: required('card-source', 'source'), say: items('card-say'), avoid: items('card-avoid') };
}

/** The text a reader sees on paper: screen-only controls (copy-link signs) left out, spaces collapsed. */
function text(node: Element): string {
  const copy = structuredClone(node);
  const keep = (n: Element) => {
    n.children = n.children.filter((c) => c.type !== 'element' || c.properties[SCREEN_ONLY_PROP] === undefined);
    return true;
  };
  keep(copy);
  walk(copy, keep);
  return toText(copy).replace(/\s+/g, ' ').trim();
}

/** Depth-first, in document order; `visit` returns false to skip a node's children. */
function walk(node: Root | Element, visit: (node: Element) => boolean): void {
  for (const child of node.children as RootContent[]) {
    if (child.type === 'element' && visit(child)) walk(child, visit);
  }
}

function findAll(node: Element, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  walk(node, (n) => {
    if (test(n)) found.push(n);
    return true;
  });
  return found;
}

function find(node: Element, test: (node: Element) => boolean): Element | undefined {
  return findAll(node, test)[0];
}
