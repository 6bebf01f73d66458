/**
 * Stable heading anchors. In content a heading ends with `[#anchor]`:
 *   ## 先接住情绪 [#feel]
 * The anchor is ASCII, written by hand, and never derived from the (Chinese) heading text,
 * so rewording a heading keeps every shared link working.
 */

export const ANCHOR_PATTERN = /^[a-z][a-z0-9-]*$/;

const TRAILING_ANCHOR = /\s*\[#([^\]\s]*)\]\s*$/;

export interface HeadingAnchor {
  /** The heading text without the anchor marker. */
  text: string;
  /** The anchor as written (may be invalid: check with isValidAnchor). */
  anchor: string;
}

/** Splits `先接住情绪 [#feel]` into text and anchor; undefined when there is no marker. */
export function splitHeadingAnchor(heading: string): HeadingAnchor | undefined {
  const match = TRAILING_ANCHOR.exec(heading);
  if (!match) return undefined;
  return { text: heading.slice(0, match.index).trimEnd(), anchor: match[1]! };
}

export function isValidAnchor(anchor: string): boolean {
  return ANCHOR_PATTERN.test(anchor);
}

/**
 * Ids the page templates give their own parts of a section or case page (its contents list, related
 * pages, downloads …): a heading in the content may not take one, or the page would have it twice.
 */
export const PAGE_IDS = {
  top: 'top',
  main: 'main',
  contents: 'contents',
  pageToc: 'page-toc',
  relatedCases: 'related-cases',
  relatedSections: 'related-sections',
  downloads: 'downloads',
  projector: 'projector',
} as const;

export const RESERVED_ANCHORS: ReadonlySet<string> = new Set(Object.values(PAGE_IDS));
