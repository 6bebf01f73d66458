/**
 * Attributes that mark parts of a page for the build steps after it, each meaning one thing:
 * - SCREEN_ONLY: controls and lists that only make sense on screen (copy-link, related pages,
 *   downloads, filters): left out of the PDFs and of printed pages;
 * - NOT_SEARCHED: left out of the search index (Pagefind's own attribute).
 * A part that is both says both.
 */
export const SCREEN_ONLY = { 'data-screen-only': '' } as const;
export const NOT_SEARCHED = { 'data-pagefind-ignore': '' } as const;
/** The same markers as hast properties, for the Markdown plugins. */
export const SCREEN_ONLY_PROP = 'dataScreenOnly';
export const NOT_SEARCHED_PROP = 'dataPagefindIgnore';
