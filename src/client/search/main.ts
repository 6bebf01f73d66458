/**
 * The search page. The instant index (lib/search/instant.ts) is loaded with the page and answers on
 * every keystroke without the network; when the query has words outside its lexicon, Pagefind's
 * full-text index is asked about them after a short pause in typing, and the list is ranked again
 * with what it found (strong title and keyword matches keep their places). ?q= and the filters are
 * read on load and written as the reader types, so a search can be shared as a link; filters alone
 * list their pages. Without Intl.Segmenter (old in-app browsers) only the instant index is used, and
 * the page says so. The list's data-state tells tests and benchmarks where a run is: "instant" (the
 * instant index's results are on screen), "full-text" (Pagefind is being asked), "done".
 */
import { closestTopics } from '../../lib/search/suggest.ts';
import { createInstantSearch, keepStrongOnTop, type InstantIndex, type InstantSearch } from '../../lib/search/instant.ts';
import { EMPTY_QUERY_MESSAGE, echoQuery, type ParsedQuery } from '../../lib/search/query.ts';
import { readState, writeState } from '../../lib/search/url-state.ts';
import { chineseWords } from '../../lib/search/words.ts';
import { everydayWords, fullTextEvidence, loadEveryday, loadPagefind } from './full-text.ts';
import { buildFilters, chosenFilters, empty, filterList, form, input, limited, list, more, moreWrap, status } from './page.ts';
import { nothingFound, resultItem, type Entry } from './render.ts';

/** Results shown at first and per 显示更多: five fill a phone screen. */
const PAGE_SIZE = 5;
/** Full-text search waits for a pause in typing this long (instant results do not wait). */
const DEBOUNCE_MS = 200;
/** Words of one query looked up in the full text (each costs an index chunk): the rarest first. */
const FULL_TEXT_WORDS = 2;
/** Longest run looked up whole in the full text. */
const PHRASE_LENGTH = 10;

/** Undefined without Intl.Segmenter: then only the instant index is searched (Pagefind needs it for Chinese). */
const splitter = chineseWords();

let instant: InstantSearch;
/** The everyday words, from the address the page names (loaded once). */
const loadEverydayWords = () => loadEveryday(form.dataset.everyday!);
let entries: Entry[] = [];
/** Each run gets a number; a run that finishes after a newer one started renders nothing. */
let latestRun = 0;

void start();

async function start(): Promise<void> {
  // A link with a query (shared by a trainer) may need the full text: its runtime loads beside the
  // instant index rather than after it. Without a query it loads once the page is ready (below).
  const state = readState(new URL(location.href).searchParams);
  if (splitter && state.query) void loadPagefind();
  try {
    const response = await fetch(form.dataset.index!);
    if (!response.ok) throw new Error(String(response.status));
    instant = createInstantSearch((await response.json()) as InstantIndex, splitter);
  } catch {
    status.textContent = '搜索没有加载成功，请检查网络后刷新本页。';
    return;
  }
  // The everyday words load when the network is free: now when there is no query, after the first
  // results when a shared link has one (they only take pages away: results come first).
  if (!state.query) void loadEverydayWords();
  if (!splitter) limited.hidden = false;
  buildFilters(instant, state.filters);
  // A shared link's query wins; otherwise keep what the reader typed while the search was loading.
  input.value = state.query || input.value;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(false);
  });
  input.addEventListener('input', () => void run(true));
  filterList.addEventListener('change', () => void run(false));
  more.addEventListener('click', () => show(list.children.length + PAGE_SIZE));
  form.dataset.ready = '';
  await run(false);
  // Pagefind's runtime (and the everyday words) download once the first results are on screen, ready for the next query.
  const everyday = loadEverydayWords();
  if (splitter) void Promise.all([loadPagefind(), everyday]).then(([api]) => api && (form.dataset.fullText = ''));
}

async function run(typing: boolean): Promise<void> {
  const thisRun = ++latestRun;
  const query = input.value.trim();
  const filters = chosenFilters();
  history.replaceState(null, '', location.pathname + writeState({ query, filters }) + location.hash);
  list.dataset.query = query;
  empty.hidden = true;
  if (!query) {
    const listed = Object.keys(filters).length ? instant.list(filters) : [];
    entries = listed.map((doc) => ({ doc, marks: [] }));
    show(PAGE_SIZE);
    list.dataset.state = 'instant';
    // Submitted with only spaces in the box: say so rather than silently doing nothing.
    const onlySpaces = !typing && !listed.length && input.value.length > 0;
    finish(listed.length ? `${listed.length}个页面符合筛选条件` : onlySpaces ? EMPTY_QUERY_MESSAGE : '');
    return;
  }
  let parsed = instant.parse(query, everydayWords);
  const hits = instant.search(parsed, filters);
  entries = hits;
  show(PAGE_SIZE);
  list.dataset.state = 'instant';

  const words = fullTextWords(parsed);
  if (words.length && splitter) {
    list.dataset.state = 'full-text';
    status.textContent = hits.length ? '正在搜索全文…' : '正在搜索…';
    if (typing) await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
    if (thisRun !== latestRun) return;
    const api = await loadPagefind();
    if (thisRun !== latestRun) return;
    if (api) {
      const evidence = await fullTextEvidence(api, words, filters, (id) => instant.doc(id), (word) => splitter.words(word).length === 1);
      if (thisRun !== latestRun) return;
      const merge = (everyday: ReadonlySet<string> | undefined) => {
        parsed = instant.parse(query, everyday);
        entries = keepStrongOnTop(hits, instant.search(parsed, filters, evidence));
        show(Math.max(PAGE_SIZE, list.children.length));
      };
      merge(everydayWords);
      // Everyday words (今天, 附近) only take pages away: the list does not wait for them, it is redone when they arrive.
      if (!everydayWords) {
        const everyday = await loadEverydayWords();
        if (thisRun !== latestRun) return;
        merge(everyday);
      }
    } else {
      parsed = instant.parse(query, await loadEverydayWords());
      if (thisRun !== latestRun) return;
      entries = instant.search(parsed, filters);
      show(Math.max(PAGE_SIZE, list.children.length));
      if (!entries.length) return finish('全文搜索没有加载成功，可稍后刷新再试。', parsed, query);
    }
  }
  finish(entries.length ? `找到${entries.length}个相关页面` : '', parsed, query);
}

/**
 * What to ask the full text (each lookup costs index chunks): a short run typed together with nothing
 * left out that holds a word outside the lexicon (a copied phrase, a name), then those words, as typed.
 */
function fullTextWords(parsed: ParsedQuery): string[] {
  const words = parsed.terms.filter((t) => t.word).map((t) => t.word!);
  const phrases = parsed.phrases.filter((p) => p.complete && p.text.length <= PHRASE_LENGTH && p.terms.some((i) => parsed.terms[i]!.word)).map((p) => p.text);
  return [...phrases, ...words].slice(0, FULL_TEXT_WORDS);
}

function finish(message: string, parsed?: ParsedQuery, query?: string): void {
  status.textContent = message;
  if (!entries.length && parsed && query) {
    empty.replaceChildren(nothingFound(query, parsed, closestTopics(query, instant.topics)));
    empty.hidden = false;
    status.textContent = `没有找到“${echoQuery(query)}”`;
  }
  list.dataset.state = 'done';
}

/**
 * Shows the first `count` entries. Items already on screen in the same places stay as they are (a
 * reader's focus or tap is not lost); the rest are replaced.
 */
function show(count: number): void {
  const wanted = entries.slice(0, count);
  const items = [...list.children] as HTMLElement[];
  let keep = 0;
  const same = (item: HTMLElement, entry: Entry) => item.dataset.id === entry.doc.id && item.dataset.marks === entry.marks.join(' ');
  while (keep < items.length && keep < wanted.length && same(items[keep]!, wanted[keep]!)) keep++;
  for (const item of items.slice(keep)) item.remove();
  list.append(...wanted.slice(keep).map(resultItem));
  moreWrap.hidden = list.children.length >= entries.length;
}
