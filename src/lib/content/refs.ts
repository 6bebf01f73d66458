/**
 * Content links, the way writers link pages: `book:2.17`, `book:2.17#three-f`, `case:01003`,
 * `case:01003#answers`. Part of the content format; lib/site/urls.ts turns them into site URLs.
 */
export type ContentRef = { kind: 'book'; number: string; anchor?: string } | { kind: 'case'; id: string; anchor?: string };

const REF_PATTERN = /^(book|case):([0-9.]+)(?:#([a-z0-9-]+))?$/;

/** The link's target, or undefined for anything else (ordinary URLs are left alone). */
export function parseContentRef(href: string): ContentRef | undefined {
  const match = REF_PATTERN.exec(href);
  if (!match) return undefined;
  const [, kind, target, anchor] = match;
  if (kind === 'book') return { kind, number: target!, ...(anchor ? { anchor } : {}) };
  return { kind: 'case', id: target!, ...(anchor ? { anchor } : {}) };
}

/** Whether a link is meant as a content link (then it must parse). */
export function isContentRefLike(href: string): boolean {
  return /^(book|case):/.test(href);
}
