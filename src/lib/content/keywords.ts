/**
 * Keywords (frontmatter `keywords`: words staff type that are not in the text) travel to the search
 * index joined into one value with this separator, so a keyword may not contain it. Kept apart from the
 * schemas so browser code can import it without zod.
 */
export const KEYWORD_SEPARATOR = '|';
