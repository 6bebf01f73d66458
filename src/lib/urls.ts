/**
 * Every URL of the site is made here. URLs are short, ASCII and derived from numbers, ids and
 * slugs, never from titles, so a reworded title never breaks a shared link.
 */
import { numberParts } from './numbering.ts';

export const bookIndexUrl = '/book/';
export const casesIndexUrl = '/cases/';
export const searchUrl = '/search/';
/** The instant search index (written after Pagefind by scripts/instant-index.ts). */
export const instantIndexUrl = '/search/instant.json';

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

function withAnchor(path: string, anchor?: string): string {
  return anchor ? `${path}#${anchor}` : path;
}

/**
 * Content links: `book:2.17`, `book:2.17#three-f`, `case:01003`, `case:01003#answers`.
 * Returns undefined for anything else (ordinary URLs are left alone).
 */
export type ContentRef =
  | { kind: 'book'; number: string; anchor?: string }
  | { kind: 'case'; id: string; anchor?: string };

const REF_PATTERN = /^(book|case):([0-9.]+)(?:#([a-z0-9-]+))?$/;

export function parseContentRef(href: string): ContentRef | undefined {
  const match = REF_PATTERN.exec(href);
  if (!match) return undefined;
  const [, kind, target, anchor] = match;
  if (kind === 'book') return { kind, number: target!, ...(anchor ? { anchor } : {}) };
  return { kind: 'case', id: target!, ...(anchor ? { anchor } : {}) };
}

export function isContentRefLike(href: string): boolean {
  return /^(book|case):/.test(href);
}

export function urlOfRef(ref: ContentRef): string {
  return ref.kind === 'book' ? bookUrl(ref.number, ref.anchor) : caseUrl(ref.id, ref.anchor);
}
