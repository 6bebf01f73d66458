/**
 * Every URL of the site is made here. URLs are short, ASCII and derived from numbers, ids and
 * slugs, never from titles, so a reworded title never breaks a shared link.
 */
import { numberParts } from '../content/numbering.ts';
import type { ContentRef } from '../content/refs.ts';

export const bookIndexUrl = '/book/';
export const casesIndexUrl = '/cases/';
export const searchUrl = '/search/';
/**
 * The instant search index is written after Pagefind (integrations/search-index.ts) under a name
 * carrying its content hash, so no cache (even one that ignores query strings) serves an old copy with
 * a new page. The search page is built with the placeholder, which that step replaces.
 */
export const INSTANT_INDEX_PLACEHOLDER = '/search/instant.json';
export function instantIndexUrl(hash: string): string {
  return `/search/instant.${hash}.json`;
}
/** The everyday words (lib/search/everyday.ts), written and named the same way as the instant index. */
export const EVERYDAY_WORDS_PLACEHOLDER = '/search/everyday.json';
export function everydayWordsUrl(hash: string): string {
  return `/search/everyday.${hash}.json`;
}
/** Pagefind's files (its index is written to dist/pagefind/). */
export const pagefindDir = '/pagefind/';
export const pagefindScriptUrl = `${pagefindDir}pagefind.js`;

/** A flowchart on its own, to open full screen and zoom (svg) or keep as a picture (png). */
export function diagramUrl(key: string, format: 'svg' | 'png'): string {
  return `/diagrams/${key}.${format}`;
}

/** The phrase book (话术速查): its index, a page per topic and role, and one page per card. */
export const phrasesIndexUrl = '/phrases/';
export const phrasesCasesUrl = '/phrases/cases/';
export function phrasesPartUrl(number: string): string {
  return `/phrases/part/${number}/`;
}
export function phrasesTagUrl(slug: string): string {
  return `/phrases/tag/${slug}/`;
}
export function phrasesRoleUrl(slug: string): string {
  return `/phrases/role/${slug}/`;
}
export function phraseCardUrl(id: string): string {
  return `/phrases/${id}/`;
}
/** A card's anchor inside a list of cards: ids like "3-6-app-refuse" start with a digit, so they get a letter first. */
export function phraseCardAnchor(id: string): string {
  return `card-${id}`;
}
/** A card as a phone-width picture to keep (保存图片), with its short address printed on it. */
export function phraseCardImageUrl(id: string): string {
  return `/phrases/${id}/card.png`;
}

/**
 * The share image of a page (og:image, 1200×630): "/book/2/17/" → "/og/book-2-17.png", "/" →
 * "/og/home.png". Drawn after the build from the page's own og:title and og:description.
 */
export function ogImageUrl(pagePath: string): string {
  const name = pagePath.replace(/^\/|\/$/g, '').replaceAll('/', '-') || 'home';
  return `/og/${name}.png`;
}

/** A classroom PDF (file names: lib/pdf/documents.ts PDF_FILES). */
export function pdfUrl(file: string): string {
  return `/pdf/${file}`;
}

export function bookUrl(number: string, anchor?: string): string {
  return withAnchor(`/book/${numberParts(number).join('/')}/`, anchor);
}

export function caseUrl(id: string, anchor?: string): string {
  return withAnchor(`/cases/${id}/`, anchor);
}

export function roleUrl(slug: string): string {
  return `/cases/role/${slug}/`;
}

export function tagUrl(slug: string): string {
  return `/cases/tag/${slug}/`;
}

/** The cases of one role with one tag (大堂经理 × 老年客户). */
export function roleTagUrl(role: string, tag: string): string {
  return `/cases/role/${role}/tag/${tag}/`;
}

/** The case library filtered by role, tag, both or neither. */
export function casesFilterUrl(role?: string, tag?: string): string {
  return role && tag ? roleTagUrl(role, tag) : role ? roleUrl(role) : tag ? tagUrl(tag) : casesIndexUrl;
}

function withAnchor(path: string, anchor?: string): string {
  return anchor ? `${path}#${anchor}` : path;
}

/** The site URL of a content link (lib/content/refs.ts). */
export function urlOfRef(ref: ContentRef): string {
  return ref.kind === 'book' ? bookUrl(ref.number, ref.anchor) : caseUrl(ref.id, ref.anchor);
}
