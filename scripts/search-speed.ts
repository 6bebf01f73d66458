/**
 * Search speed benchmark (prints figures; not a test). Chromium at 390×844 with 4× CPU throttling and
 * Lighthouse's slow-4G profile (150 ms RTT, 1.6 Mbit/s down), dist/ served with gzip, no cache.
 * For each query (default: all of tests/search-queries.json) on a fresh page:
 *   - bytes to open the search page, and to get the Pagefind runtime ready (before typing);
 *   - the query arrives in one input event, as a Chinese IME commits a word;
 *   - bytes transferred for it (Pagefind index chunks, and the fragments with the excerpts of the
 *     shown results that only Pagefind found);
 *   - time from that input to the first results painted (the instant index; when it finds nothing,
 *     Pagefind's results, with the 200 ms typing debounce subtracted);
 *   - time from that input to the complete list painted (Pagefind merged in; debounce subtracted).
 * Goals: first query ≤ 150 KB; ≤ 300 ms to results.
 * Usage: npm run build && npm run bench:search-speed [-- 共情 挂失]
 */
import { readFileSync } from 'node:fs';
import { chromium, type CDPSession, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { serveDist } from './lib/serve-dist.ts';

const DEBOUNCE_MS = 200;
const GOAL_MS = 300;
const all = (JSON.parse(readFileSync(new URL('../tests/search-queries.json', import.meta.url), 'utf8')) as { queries: { q: string }[] }).queries.map((q) => q.q);
const queries = process.argv.length > 2 ? process.argv.slice(2) : all;
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
  /** The first results were the instant index's (not Pagefind's). */
  instant: boolean;
}

/** Starts watching the result list; resolves once the complete list for `query` is painted. */
const watch = (page: Page, query: string) =>
  page.evaluate(
    (q) =>
      new Promise<{ input: number; first: number; firstDone: boolean; done: number }>((resolve) => {
        const list = document.querySelector<HTMLElement>('[data-search-results]')!;
        let input = 0;
        let first = 0;
        document.addEventListener('input', () => (input ||= performance.now()), { capture: true });
        // "Painted": the frame after the change, then the task after that frame.
        const painted = (then: (t: number) => void) => requestAnimationFrame(() => setTimeout(() => then(performance.now())));
        const observer = new MutationObserver((records) => {
          if (list.dataset.query !== q || !records.some((r) => r.attributeName === 'data-state')) return;
          // The instant index's results are on screen when the list turns "instant" with items in it.
          if (list.dataset.state === 'instant' && list.children.length > 0 && !first) {
            first = -1;
            painted((t) => (first = t));
          }
          if (list.dataset.state === 'done') {
            observer.disconnect();
            const firstDone = first === 0; // the instant index showed nothing
            painted((t) => resolve({ input, first: firstDone ? t : first, firstDone, done: t }));
          }
        });
        observer.observe(list, { attributes: true });
      }),
    query,
  );

const timings: Timing[] = [];
const queryKb: number[] = [];
console.log('query        open KB  runtime KB  query KB  first ms  complete ms');
for (const query of queries) {
  const { page, bytes } = await throttled();
  await page.goto(`${origin}/search/`, { waitUntil: 'load' });
  const openBytes = bytes();
  await page.locator('[data-search-form][data-ready][data-full-text]').waitFor({ state: 'attached' });
  const readyBytes = bytes();

  const finished = watch(page, query);
  await page.locator('#search-input').focus();
  await page.keyboard.insertText(query);
  const t = await finished;
  const timing = { first: t.first - t.input - (t.firstDone ? DEBOUNCE_MS : 0), complete: t.done - t.input - DEBOUNCE_MS, instant: !t.firstDone };
  timings.push(timing);
  // Pagefind's excerpts for the shown results arrive after the list is painted: count them too.
  await page.locator('.search-results > li[aria-busy]').first().waitFor({ state: 'detached' });
  queryKb.push((bytes() - readyBytes) / 1024);

  const kb = (n: number) => n.toFixed(1).padStart(8);
  console.log(`${query.padEnd(10)} ${kb(openBytes / 1024)} ${kb((readyBytes - openBytes) / 1024).padStart(11)} ${kb(queryKb.at(-1)!).padStart(9)} ${String(Math.round(timing.first)).padStart(9)}${timing.instant ? ' ' : '*'} ${String(Math.round(timing.complete)).padStart(11)}`);
  await page.close();
}
await browser.close();
server.close();

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return `median ${Math.round(at(0.5))}, p90 ${Math.round(at(0.9))}, max ${Math.round(sorted.at(-1)!)}`;
};
const within = timings.filter((t) => t.first <= GOAL_MS).length;
console.log(`\n* first results came from Pagefind (the instant index found nothing)`);
console.log(`${queries.length} queries, each typed into a fresh page (4× CPU, 150 ms RTT, 1.6 Mbit/s)`);
console.log(`first results painted (ms):  ${stats(timings.map((t) => t.first))}; within ${GOAL_MS} ms for ${within}/${timings.length}`);
console.log(`  from the instant index:    ${timings.filter((t) => t.instant).length}/${timings.length} queries`);
console.log(`complete list painted (ms):  ${stats(timings.map((t) => t.complete))}`);
console.log(`first query bytes (KB):      ${stats(queryKb)}`);
console.log(`goals: first query ≤ 150 KB; ≤ ${GOAL_MS} ms to results`);
