/**
 * The full-text side: Pagefind's JS API (no prebuilt UI) for the query's words outside the lexicon,
 * and Pagefind's page fragments, fetched directly, for excerpts and for checking that a page really
 * contains a word as typed (Pagefind matches the characters of a Chinese word one by one, and a word
 * it does not know by its first letters: "tunka" would find "t…").
 */
import { bodyText, fragmentUrl, parseFragment } from '../../lib/search/fragment.ts';
import { countWhole, type Filters, type FullTextEvidence, type InstantDoc, type PagefindFragment } from '../../lib/search/instant.ts';
import { normalize } from '../../lib/search/vocabulary.ts';
import { pagefindScriptUrl } from '../../lib/site/urls.ts';

interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, o?: { filters?: Filters }): Promise<{ results: { id: string }[] }>;
  preload(term: string, o?: { filters?: Filters }): Promise<void>;
}

/** Pages whose text is checked for each word (their fragments are fetched). */
const CHECKED = 6;

let pagefind: Promise<Pagefind | undefined> | undefined;

/** Pagefind's runtime, loaded on first use; undefined when it cannot load (then only the instant index answers). */
export function loadPagefind(): Promise<Pagefind | undefined> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ pagefindScriptUrl)) as Pagefind;
    // The index is small: searching on the page is fast and saves phones the worker's download.
    await api.options({ noWorker: true });
    await api.init();
    // init() returns before the WebAssembly and the index metadata are in; an empty preload waits for them.
    await api.preload('');
    return api;
  })().catch(() => undefined);
  return pagefind;
}

let everyday: Promise<ReadonlySet<string>> | undefined;
/** The current everyday words, once loaded. */
export let everydayWords: ReadonlySet<string> | undefined;

/**
 * The everyday words (lib/search/everyday.ts), loaded once; none when they cannot load (then no word
 * is taken as everyday).
 */
export function loadEveryday(url: string): Promise<ReadonlySet<string>> {
  everyday ??= fetch(url)
    .then((response) => (response.ok ? (response.json() as Promise<string[]>) : []))
    .catch(() => [])
    .then((words) => (everydayWords = new Set(words)));
  return everyday;
}

const fragments = new Map<string, Promise<PagefindFragment | undefined>>();

/** A page's Pagefind fragment; undefined where it cannot be read (no DecompressionStream in old browsers, or a network error). */
export function fragment(id: string): Promise<PagefindFragment | undefined> {
  let loading = fragments.get(id);
  if (!loading) {
    loading = (async () => {
      if (typeof DecompressionStream === 'undefined') return undefined;
      const response = await fetch(fragmentUrl(id));
      if (!response.ok || !response.body) return undefined;
      const text = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
      return parseFragment(text, fragmentUrl(id));
    })().catch(() => undefined);
    fragments.set(id, loading);
  }
  return loading;
}

/** How often a page's text mentions a word (a number only whole: 17 is not in 2.17). */
export const mentions = (body: string, word: string): number => countWhole(normalize(body), word);

/**
 * What the full text says about each word: the pages Pagefind finds for it, checked against their
 * text (the first CHECKED of them). Pagefind's other pages are taken on trust only for a word the
 * segmenter keeps whole and when most of the checked pages held up: Pagefind matches the pieces of a
 * split word anywhere on a page, and a word it does not know by a shorter one ("tunka" by "t").
 */
export async function fullTextEvidence(api: Pagefind, words: string[], filters: Filters, docOf: (id: string) => InstantDoc | undefined, isWhole: (word: string) => boolean): Promise<FullTextEvidence> {
  const evidence: FullTextEvidence = new Map();
  await Promise.all(
    words.map(async (word) => {
      const { results } = await api.search(word, { filters });
      const checked = results.slice(0, CHECKED);
      const counted = await Promise.all(
        checked.map(async ({ id }) => {
          const [page, doc] = [await fragment(id), docOf(id)];
          // Without the page's text (old browser), Pagefind's word is taken on trust.
          return [id, page && doc ? mentions(bodyText(page, doc), word) : 1] as const;
        }),
      );
      const found = counted.filter(([, n]) => n > 0);
      const trusted = isWhole(word) && found.length * 2 >= checked.length ? results.slice(CHECKED).map(({ id }) => [id, 1] as const) : [];
      evidence.set(word, { mentions: new Map([...found, ...trusted]), pages: found.length + trusted.length });
    }),
  );
  return evidence;
}
