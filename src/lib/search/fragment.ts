/**
 * Pagefind's page fragments (fragment/*.pf_fragment: gzip, a signature, then JSON): where they are,
 * how their payload is read, and the page text in them. Browser-safe; the format is Pagefind's own,
 * and package.json pins Pagefind's exact version so an upgrade that changes it is a deliberate
 * change (the signature check fails loudly).
 */
import type { InstantDoc, PagefindFragment } from './instant.ts';
import { pagefindDir } from '../site/urls.ts';

/** Pagefind's files are gzip with this signature in front of the payload. */
const SIGNATURE = 'pagefind_dcd';
/** Pagefind separates the words it found with zero-width spaces. */
const WORD_SEPARATOR = /\u200b/g;

/** Where the browser fetches the fragment of the page with this Pagefind id. */
export const fragmentUrl = (id: string): string => `${pagefindDir}fragment/${id}.pf_fragment`;

/** A fragment from its unzipped text; throws when the signature is not Pagefind's. */
export function parseFragment(raw: string, where: string): PagefindFragment {
  if (!raw.startsWith(SIGNATURE)) throw new Error(`${where}: not a Pagefind fragment (was it written by another Pagefind version?)`);
  return JSON.parse(raw.slice(SIGNATURE.length)) as PagefindFragment;
}

/** A page's whole text, as Pagefind read it (its word separators taken out). */
export const pageText = (fragment: Pick<PagefindFragment, 'content'>): string => fragment.content.replace(WORD_SEPARATOR, '');

/**
 * A page's text without its head (title, the case's 岗位/来源 line, keywords, the summary's label):
 * what comes after the summary, or after the title when there is none.
 */
export function bodyText(fragment: Pick<PagefindFragment, 'content'>, doc: Pick<InstantDoc, 'summary' | 'title'>): string {
  const content = pageText(fragment);
  const summary = doc.summary.trim();
  const at = summary ? content.indexOf(summary) : -1;
  if (at >= 0) return content.slice(at + summary.length);
  const title = doc.title.replace(/\s+/g, '');
  const start = content.replace(/\s+/g, '').startsWith(title) ? content.indexOf('. ') : -1;
  return start >= 0 ? content.slice(start + 2) : content;
}
