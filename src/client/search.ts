/**
 * The search page. Two indexes answer each query:
 * - the instant index (lib/search/instant.ts: numbers, titles, keywords, summaries, headings),
 *   loaded with the page, answers on every keystroke without touching the network;
 * - Pagefind's full-text index (JS API, no prebuilt UI) answers after a short debounce and fills in
 *   below the instant title/keyword matches, which keep their places.
 * ?q= (and the chosen filters) are read on load and written as the reader types, so a search can be
 * shared as a link. Results link with ?highlight= so the target page marks the searched words.
 * Without Intl.Segmenter (old in-app browsers) only the instant index is used, and the page says so.
 */
import { FILTER, HIGHLIGHT_PARAM, VISIBLE_FILTERS } from '../lib/search/fields.ts';
import { highlightTerms } from '../lib/search/highlight.ts';
import { chineseWords } from '../lib/search/words.ts';
import { markedText } from './highlight.ts';
import { pagefindScriptUrl } from '../lib/site/urls.ts';
import { createInstantSearch, mergeWithFullText, type Filters, type InstantDoc, type InstantHeading, type InstantIndex, type InstantSearch, type MergedResult } from '../lib/search/instant.ts';

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface ResultData {
  url: string;
  meta: { title?: string };
  excerpt: string;
  sub_results: SubResult[];
}
interface Result {
  id: string;
  data(): Promise<ResultData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, o?: { filters?: Filters }): Promise<{ results: Result[] }>;
  debouncedSearch(term: string, o?: { filters?: Filters }, ms?: number): Promise<{ results: Result[] } | null>;
  preload(term: string, o?: { filters?: Filters }): Promise<void>;
}

/** Results shown at first and per 显示更多: five fill a phone screen. */
const PAGE_SIZE = 5;
/** Full-text search waits for a pause in typing this long (instant results do not wait). */
const DEBOUNCE_MS = 200;
/** URL parameter for each visible filter (ASCII, so shared links stay readable everywhere). */
const FILTER_PARAMS: Record<string, string> = { [FILTER.type]: 'type', [FILTER.part]: 'part', [FILTER.role]: 'role', [FILTER.tag]: 'tag' };

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const form = $<HTMLFormElement>('[data-search-form]');
const input = $<HTMLInputElement>('#search-input');
const status = $<HTMLElement>('[data-search-status]');
const list = $<HTMLOListElement>('[data-search-results]');
const filtersBox = $<HTMLDetailsElement>('[data-search-filters]');
const filterList = $<HTMLElement>('[data-search-filter-list]');
const moreWrap = $<HTMLElement>('[data-search-more-wrap]');
const more = $<HTMLButtonElement>('[data-search-more]');

/** Undefined without Intl.Segmenter: then only the instant index is searched (Pagefind needs it for Chinese). */
const segment = chineseWords();

let instant: InstantSearch;
/** Resolves to undefined when full-text search is not available (no Segmenter, or it failed to load). */
let fullText: Promise<Pagefind | undefined>;
/** The current query's results in order, and Pagefind's result objects for those it found. */
let entries: MergedResult[] = [];
let fullTextResults = new Map<string, Result>();
let query = '';
let terms: string[] = [];
/** Each run gets a number; a run that finishes after a newer one started renders nothing. */
let latestRun = 0;

void start();

async function start(): Promise<void> {
  // Both downloads start at once; the small instant index usually arrives first.
  fullText = segment ? loadPagefind().catch(() => undefined) : Promise.resolve(undefined);
  void fullText.then((pagefind) => pagefind && (form.dataset.fullText = ''));
  try {
    const response = await fetch(form.dataset.index!);
    if (!response.ok) throw new Error(String(response.status));
    instant = createInstantSearch((await response.json()) as InstantIndex, segment);
  } catch {
    status.textContent = '搜索没有加载成功，请检查网络后刷新本页。';
    return;
  }
  if (!segment) $<HTMLElement>('[data-search-limited]').hidden = false;
  const params = new URL(location.href).searchParams;
  buildFilters(params);
  // A shared link's query wins; otherwise keep what the reader typed while the search was loading.
  input.value = params.get('q') ?? input.value;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(false);
  });
  input.addEventListener('input', () => {
    // Fetch Pagefind's index chunks for what is typed so far while the debounce waits.
    const typed = input.value.trim();
    if (typed) void fullText.then((pagefind) => pagefind?.preload(typed, { filters: chosenFilters() }));
    void run(true);
  });
  filterList.addEventListener('change', () => void run(false));
  more.addEventListener('click', () => void show(list.children.length + PAGE_SIZE, latestRun));
  form.dataset.ready = '';
  if (input.value.trim()) await run(false);
}

async function loadPagefind(): Promise<Pagefind> {
  const url = pagefindScriptUrl;
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options({
    excerptLength: 24,
    // Titles ("2.17 共情", "案例 01003 …") weigh most; long pages are not penalised much (npm run bench:search).
    ranking: { pageLength: 0.3, metaWeights: { title: 8 } },
    // The index is small: searching on the page is fast and saves phones the worker's download.
    noWorker: true,
  });
  await pagefind.init();
  // init() returns before the wasm and the index metadata are in; an empty preload waits for them,
  // so they download while the reader types rather than after.
  await pagefind.preload('');
  return pagefind;
}

function buildFilters(params: URLSearchParams): void {
  for (const name of VISIBLE_FILTERS) {
    const values = instant.filterValues(name);
    if (values.length === 0) continue;
    const label = document.createElement('label');
    label.textContent = name;
    const select = document.createElement('select');
    select.name = FILTER_PARAMS[name]!;
    select.dataset.filter = name;
    select.append(new Option('全部', ''));
    for (const [value, count] of values) select.append(new Option(`${value}（${count}）`, value));
    select.value = params.get(select.name) ?? '';
    label.append(select);
    filterList.append(label);
  }
  filtersBox.hidden = false;
  if ([...filterList.querySelectorAll('select')].some((s) => s.value)) filtersBox.open = true;
}

function chosenFilters(): Filters {
  const filters: Filters = {};
  for (const select of filterList.querySelectorAll('select')) if (select.value) filters[select.dataset.filter!] = [select.value];
  return filters;
}

function writeUrl(): void {
  const url = new URL(location.href);
  url.search = '';
  if (query) url.searchParams.set('q', query);
  for (const select of filterList.querySelectorAll('select')) if (select.value) url.searchParams.set(select.name, select.value);
  history.replaceState(null, '', url);
}

async function run(debounce: boolean): Promise<void> {
  const thisRun = ++latestRun;
  query = input.value.trim();
  writeUrl();
  list.dataset.query = query;
  if (!query) {
    entries = [];
    list.replaceChildren();
    status.textContent = '';
    moreWrap.hidden = true;
    delete list.dataset.state;
    return;
  }
  terms = highlightTerms(query, segment);
  const filters = chosenFilters();

  // 1. At once, from the instant index.
  const hits = instant.search(query, filters);
  entries = hits.map((hit) => ({ id: hit.doc.id, hit }));
  if (!(await show(PAGE_SIZE, thisRun))) return;
  list.dataset.state = 'instant';
  const pagefind = await fullText;
  if (thisRun !== latestRun) return;
  if (!pagefind) {
    // Without a segmenter the banner explains; otherwise Pagefind failed to load (a network hiccup).
    const note = segment ? '（全文搜索没有加载成功，可稍后刷新再试）' : '';
    finish(hits.length > 0 ? `找到${hits.length}个标题、关键词或要点相符的页面${note}` : `没有找到“${query}”${note}，也可以从目录查找。`);
    return;
  }
  status.textContent = hits.length > 0 ? '正在搜索全文…' : '正在搜索…';

  // 2. Pagefind's full text, below the instant title and keyword matches.
  const found = debounce ? await pagefind.debouncedSearch(query, { filters }, DEBOUNCE_MS) : await pagefind.search(query, { filters });
  if (!found || thisRun !== latestRun) return; // a newer keystroke took over
  fullTextResults = new Map(found.results.map((r) => [r.id, r]));
  entries = mergeWithFullText(hits, found.results.map((r) => r.id));
  if (!(await show(Math.max(PAGE_SIZE, list.children.length), thisRun))) return;
  finish(entries.length > 0 ? `找到${entries.length}个相关页面` : `没有找到“${query}”，试试更短的词或同义词。`);
}

function finish(message: string): void {
  status.textContent = message;
  list.dataset.state = 'done';
}

/**
 * Shows the first `count` entries. Items already on screen in the same places stay as they are (a
 * reader's focus or tap is not lost); the rest are replaced. False when a newer run started
 * meanwhile (and nothing changed).
 */
async function show(count: number, run: number): Promise<boolean> {
  const wanted = entries.slice(0, count);
  const items = [...list.children] as HTMLElement[];
  let keep = 0;
  while (keep < items.length && keep < wanted.length && items[keep]!.dataset.id === wanted[keep]!.id) keep++;
  const rendered = await Promise.all(wanted.slice(keep).map(renderEntry));
  if (run !== latestRun) return false;
  for (const item of items.slice(keep)) item.remove();
  list.append(...rendered);
  moreWrap.hidden = list.children.length >= entries.length;
  return true;
}

/**
 * An instant hit renders from the index with its matches marked. A page only Pagefind found renders
 * from the index too (title and summary, at once), and its summary is then swapped for Pagefind's
 * excerpt around the match. Only a page missing from the index (a stale cache) waits for Pagefind.
 */
async function renderEntry(entry: MergedResult): Promise<HTMLLIElement> {
  const doc = entry.hit?.doc ?? instant.doc(entry.id);
  const result = fullTextResults.get(entry.id);
  let item: HTMLLIElement;
  if (doc) {
    item = renderDoc(doc, entry.hit?.headings ?? []);
    if (!entry.hit && result) {
      item.setAttribute('aria-busy', 'true');
      void result.data().then((data) => {
        item.replaceChildren(...renderFullText(data).childNodes);
        item.removeAttribute('aria-busy');
      });
    }
  } else {
    item = renderFullText(await result!.data());
  }
  item.dataset.id = entry.id;
  return item;
}

function withHighlight(href: string): string {
  const url = new URL(href, location.origin);
  url.searchParams.set(HIGHLIGHT_PARAM, query);
  return url.pathname + url.search + url.hash;
}

const marked = (text: string) => markedText(text, terms);

function resultItem(url: string, title: string): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.className = 'result-title';
  link.href = withHighlight(url);
  link.append(marked(title));
  item.append(link);
  return item;
}

function subList(subs: { url: string; title: string; excerpt?: string }[]): HTMLUListElement {
  const sub = document.createElement('ul');
  for (const s of subs) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = withHighlight(s.url);
    link.append(marked(s.title));
    li.append(link);
    if (s.excerpt) {
      const text = document.createElement('p');
      text.innerHTML = s.excerpt; // Pagefind's excerpt of our own pages, with <mark> around matches
      li.append(text);
    }
    sub.append(li);
  }
  return sub;
}

function renderDoc(doc: InstantDoc, headings: InstantHeading[]): HTMLLIElement {
  const item = resultItem(doc.url, doc.title);
  const summary = document.createElement('p');
  summary.append(marked(doc.summary));
  item.append(summary);
  if (headings.length > 0) item.append(subList(headings.slice(0, 3).map((h) => ({ url: `${doc.url}#${h.anchor}`, title: h.text }))));
  return item;
}

function renderFullText(data: ResultData): HTMLLIElement {
  const item = resultItem(data.url, data.meta.title ?? data.url);
  const excerpt = document.createElement('p');
  excerpt.innerHTML = data.excerpt; // Pagefind's excerpt of our own pages, with <mark> around matches
  item.append(excerpt);
  const subs = data.sub_results.filter((s) => s.url !== data.url && s.url.includes('#')).slice(0, 3);
  if (subs.length > 0) item.append(subList(subs));
  return item;
}
