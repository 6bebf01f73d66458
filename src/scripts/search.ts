/**
 * The search page, on Pagefind's JS API (no prebuilt UI: less to download on a phone).
 * - ?q= (and the chosen filters) are read on load and written as the reader types, so a search can
 *   be shared as a link;
 * - a section number or case id ("2.17", "01003") puts that page first;
 * - results link with ?highlight= so the target page marks the searched words.
 */
import { exactNumberOf, FILTER, HIGHLIGHT_PARAM, VISIBLE_FILTERS } from '../lib/search/fields.ts';

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
type Filters = Record<string, string[]>;
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: { filters?: Filters }): Promise<{ results: Result[] }>;
  debouncedSearch(term: string, o?: { filters?: Filters }, ms?: number): Promise<{ results: Result[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  preload(term: string, o?: { filters?: Filters }): Promise<void>;
}

/** Results shown at first and per 显示更多: five fill a phone screen; each costs a fragment download. */
const PAGE_SIZE = 5;
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

let pagefind: Pagefind;
let results: Result[] = [];
let shown = 0;
let query = '';
/** Each run gets a number; a run that finishes after a newer one started renders nothing. */
let latestRun = 0;

if (!('Segmenter' in Intl)) {
  $<HTMLElement>('[data-search-unsupported]').hidden = false;
  form.hidden = true;
} else {
  void start();
}

async function start(): Promise<void> {
  const url = '/pagefind/pagefind.js';
  pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options({
    excerptLength: 24,
    // Titles ("2.17 共情", "案例 01003 …") weigh most; long pages are not penalised much (npm run bench:search).
    ranking: { pageLength: 0.3, metaWeights: { title: 8 } },
    // The index is small: searching on the page is fast and saves phones the worker's download.
    noWorker: true,
  });
  await pagefind.init();
  const params = new URL(location.href).searchParams;
  await buildFilters(params);
  // A shared link's query wins; otherwise keep what the reader typed while the search was loading.
  input.value = params.get('q') ?? input.value;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(false);
  });
  input.addEventListener('input', () => {
    // Fetch the index chunks for what is typed so far while the debounce waits.
    if (input.value.trim()) void pagefind.preload(input.value.trim(), { filters: chosenFilters() });
    void run(true);
  });
  filterList.addEventListener('change', () => void run(false));
  more.addEventListener('click', () => void showMore());
  form.dataset.ready = '';
  if (input.value.trim()) await run(false);
}

async function buildFilters(params: URLSearchParams): Promise<void> {
  const available = await pagefind.filters();
  for (const name of VISIBLE_FILTERS) {
    const values = Object.entries(available[name] ?? {}).sort(([a], [b]) => a.localeCompare(b, 'zh'));
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
  if (!query) {
    results = [];
    list.replaceChildren();
    status.textContent = '';
    moreWrap.hidden = true;
    return;
  }
  const filters = chosenFilters();
  const found = debounce ? await pagefind.debouncedSearch(query, { filters }, 200) : await pagefind.search(query, { filters });
  if (!found) return; // a newer keystroke took over
  const exact = exactNumberOf(query);
  const direct = exact ? (await pagefind.search(null, { filters: { ...filters, [FILTER.number]: [exact] } })).results : [];
  if (thisRun !== latestRun) return;
  const seen = new Set(direct.map((r) => r.id));
  results = [...direct, ...found.results.filter((r) => !seen.has(r.id))];
  list.replaceChildren();
  shown = 0;
  if (!(await showMore(thisRun))) return;
  status.textContent = results.length > 0 ? `找到${results.length}个相关页面` : `没有找到“${query}”，试试更短的词或同义词。`;
}

/** Renders the next results; false when a newer run started meanwhile (and nothing was rendered). */
async function showMore(run = latestRun): Promise<boolean> {
  const page = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
  if (run !== latestRun) return false;
  for (const data of page) list.append(renderResult(data));
  shown += page.length;
  moreWrap.hidden = shown >= results.length;
  return true;
}

function withHighlight(href: string): string {
  const url = new URL(href, location.origin);
  url.searchParams.set(HIGHLIGHT_PARAM, query);
  return url.pathname + url.search + url.hash;
}

function renderResult(data: ResultData): HTMLLIElement {
  const item = document.createElement('li');
  const title = document.createElement('a');
  title.className = 'result-title';
  title.href = withHighlight(data.url);
  title.textContent = data.meta.title ?? data.url;
  const excerpt = document.createElement('p');
  excerpt.innerHTML = data.excerpt; // Pagefind's excerpt of our own pages, with <mark> around matches
  item.append(title, excerpt);
  const subs = data.sub_results.filter((s) => s.url !== data.url && s.url.includes('#')).slice(0, 3);
  if (subs.length > 0) {
    const sub = document.createElement('ul');
    for (const s of subs) {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = withHighlight(s.url);
      link.textContent = s.title;
      const text = document.createElement('p');
      text.innerHTML = s.excerpt;
      li.append(link, text);
      sub.append(li);
    }
    item.append(sub);
  }
  return item;
}
