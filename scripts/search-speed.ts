/**
 * Search speed benchmark (prints figures; not a test). Chromium at 390×844 with 4× CPU throttling and
 * Lighthouse's slow-4G profile (150 ms RTT, 1.6 Mbit/s down), dist/ served with gzip, no cache.
 *
 * 1. Typing (default: every query of tests/search-queries.json), each on a fresh page whose search
 *    is ready: the query arrives in one input event, as a Chinese IME commits a word;
 *    - bytes to open the search page, and to get the full-text runtime ready (it loads after the page);
 *    - bytes transferred for the query (Pagefind's index chunks for words outside the lexicon, and the
 *      fragments of the shown results: excerpts and the check that a page holds the word);
 *    - time from that input to the first results painted (the instant index; when it finds nothing,
 *      the full text's results, with the 200 ms typing debounce subtracted), and to the complete list.
 * 2. The whole wait: a trainer shares /search/?q=… or a reader opens the search page cold (no cache)
 *    — time from navigation to one of the query's right pages (or a phrase card from one) on screen, for every on-topic query
 *    of the held-out set tests/search-staff-queries.json that finds one.
 * Goals: first query ≤ 150 KB; first results p90 ≤ 300 ms; whole wait p90 ≤ 3 s.
 * Usage: npm run build && npm run bench:search-speed [-- 共情 挂失]   (queries given: typing only)
 *        npm run bench:search-speed -- --typing | --whole-wait               (one part only)
 */
import { readFileSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { phraseCardSources, serveDist } from './lib/serve-dist.ts';

const DEBOUNCE_MS = 200;
const GOAL_MS = 300;
const GOAL_WAIT_MS = 3000;
const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../tests/${file}`, import.meta.url), 'utf8')) as T;
const args = process.argv.slice(2);
const only = args.find((a) => a === '--typing' || a === '--whole-wait');
const given = args.filter((a) => !a.startsWith('--'));
const typed = given.length ? given : only === '--whole-wait' ? [] : read<{ queries: { q: string }[] }>('search-queries.json').queries.map((q) => q.q);
const shared = given.length || only === '--typing' ? [] : read<{ queries: { q: string; expect: string[] }[] }>('search-staff-queries.json').queries;
const { origin, server } = await serveDist();
const browser = await chromium.launch(chromiumLaunchOptions());

async function throttled(): Promise<{ page: Page; bytes: () => number }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let total = 0;
  cdp.on('Network.loadingFinished', (e) => (total += e.encodedDataLength));
  return { page, bytes: () => total };
}

interface Timing {
  /** ms from the input event to the first results painted, and to the complete list painted. */
  first: number;
  complete: number;
  /** The first results were the instant index's (not the full text's). */
  instant: boolean;
}

/** Starts watching the result list; resolves once the complete list for `query` is painted. */
const watch = (page: Page, query: string) =>
  page.evaluate(
    (q) =>
      new Promise<{ input: number; first: number; firstDone: boolean; fullText: boolean; done: number }>((resolve) => {
        const list = document.querySelector<HTMLElement>('[data-search-results]')!;
        let input = 0;
        let first = 0;
        let fullText = false;
        document.addEventListener('input', () => (input ||= performance.now()), { capture: true });
        // "Painted": the frame after the change, then the task after that frame.
        const painted = (then: (t: number) => void) => requestAnimationFrame(() => setTimeout(() => then(performance.now())));
        const observer = new MutationObserver((records) => {
          const states = records.filter((r) => r.attributeName === 'data-state').map((r) => r.oldValue);
          if (list.dataset.query !== q || states.length === 0) return;
          // The full text was asked (after the typing pause): the list went through "full-text". The page
          // before issue 18 (no [data-search-empty]) asked it for every query.
          fullText ||= list.dataset.state === 'full-text' || states.includes('full-text') || !document.querySelector('[data-search-empty]');
          // The instant index's results are on screen when the list turns "instant" with items in it
          // (with nothing to wait for, "instant" and "done" come in one batch).
          const instant = list.dataset.state === 'instant' || states.includes('instant');
          if (instant && list.children.length > 0 && !first) {
            first = -1;
            painted((t) => (first = t));
          }
          if (list.dataset.state === 'done') {
            observer.disconnect();
            const firstDone = first === 0; // the instant index showed nothing
            painted((t) => resolve({ input, first: firstDone ? t : first, firstDone, fullText, done: t }));
          }
        });
        observer.observe(list, { attributes: true, attributeOldValue: true });
      }),
    query,
  );

const stats = (values: number[]) => {
  if (values.length === 0) return 'none';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return `median ${Math.round(at(0.5))}, p90 ${Math.round(at(0.9))}, max ${Math.round(sorted.at(-1)!)}`;
};
const kb = (n: number) => (n / 1024).toFixed(1).padStart(8);

const timings: Timing[] = [];
const queryKb: number[] = [];
if (typed.length) console.log('1. Typing into a ready search page\nquery        open KB  runtime KB  query KB  first ms  complete ms');
for (const query of typed) {
  const { page, bytes } = await throttled();
  await page.goto(`${origin}/search/`, { waitUntil: 'load' });
  await page.locator('[data-search-form][data-ready]').waitFor({ state: 'attached' });
  const openBytes = bytes();
  await page.locator('[data-search-form][data-full-text]').waitFor({ state: 'attached' });
  const readyBytes = bytes();

  const finished = watch(page, query);
  await page.locator('#search-input').focus();
  await page.keyboard.insertText(query);
  const t = await finished;
  const debounce = t.fullText ? DEBOUNCE_MS : 0;
  const timing = { first: t.first - t.input - (t.firstDone ? debounce : 0), complete: t.done - t.input - debounce, instant: !t.firstDone };
  timings.push(timing);
  // The excerpts of the shown results arrive after the list is painted: count them too.
  await page.locator('.search-results > li[aria-busy]').first().waitFor({ state: 'detached' });
  queryKb.push((bytes() - readyBytes) / 1024);
  console.log(`${query.padEnd(10)} ${kb(openBytes)} ${kb(readyBytes - openBytes).padStart(11)} ${kb(bytes() - readyBytes).padStart(9)} ${String(Math.round(timing.first)).padStart(9)}${timing.instant ? ' ' : '*'} ${String(Math.round(timing.complete)).padStart(11)}`);
  await page.close();
}

/** ms from navigation start until one of the expected pages is a result on screen; undefined if it never is. */
async function wholeWait(q: string, expect: string[]): Promise<number | undefined> {
  const { page } = await throttled();
  await page.addInitScript((paths: string[]) => {
    const seen = () => [...document.querySelectorAll<HTMLAnchorElement>('.search-results > li > a.result-title')].some((a) => paths.includes(new URL(a.href).pathname));
    // Watched from the start of the document, not from DOMContentLoaded: with its scripts and index
    // preloaded, the page can show its results before that event.
    new MutationObserver((_, observer) => {
      if (!seen()) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => ((window as unknown as { rightResultAt: number }).rightResultAt = performance.now())));
    }).observe(document, { childList: true, subtree: true });
  }, expect);
  await page.goto(`${origin}/search/?q=${encodeURIComponent(q)}`, { waitUntil: 'commit' });
  await page.locator('[data-search-results][data-state="done"]').waitFor({ state: 'attached', timeout: 30_000 });
  const at = await page
    .waitForFunction(() => (window as unknown as { rightResultAt?: number }).rightResultAt, undefined, { timeout: 2000 })
    .then((h) => h.jsonValue() as Promise<number>)
    .catch(() => undefined);
  await page.close();
  return at;
}

const waits: number[] = [];
const missed: string[] = [];
if (shared.length) {
  console.log('\n2. The whole wait: a shared /search/?q= link opened cold\nquery                              ms');
  // A phrase card from an expected page is a right result too (the set was written before the cards).
  const cards = [...phraseCardSources()];
  for (const { q, expect } of shared) {
    const at = await wholeWait(q, [...expect, ...cards.filter(([, source]) => expect.includes(source)).map(([card]) => card)]);
    if (at === undefined) missed.push(q);
    else waits.push(at);
    console.log(`${q.padEnd(24)} ${at === undefined ? '   (no right result on screen)' : String(Math.round(at)).padStart(12)}`);
  }
}
await browser.close();
server.close();

if (typed.length) {
  const within = timings.filter((t) => t.first <= GOAL_MS).length;
  console.log(`\n* first results came from the full text (the instant index found nothing)`);
  console.log(`${typed.length} queries, each typed into a fresh page (4× CPU, 150 ms RTT, 1.6 Mbit/s)`);
  console.log(`first results painted (ms):  ${stats(timings.map((t) => t.first))}; within ${GOAL_MS} ms for ${within}/${timings.length}`);
  console.log(`  from the instant index:    ${timings.filter((t) => t.instant).length}/${timings.length} queries`);
  console.log(`complete list painted (ms):  ${stats(timings.map((t) => t.complete))}`);
  console.log(`first query bytes (KB):      ${stats(queryKb)}`);
}
if (shared.length) {
  console.log(`whole wait, navigation to a right result on screen (ms): ${stats(waits)}; within ${GOAL_WAIT_MS} ms for ${waits.filter((w) => w <= GOAL_WAIT_MS).length}/${waits.length}; no right result for ${missed.length} of ${shared.length}`);
}
console.log(`goals: first query ≤ 150 KB; first results p90 ≤ ${GOAL_MS} ms; whole wait p90 ≤ ${GOAL_WAIT_MS} ms`);
