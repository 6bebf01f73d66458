/**
 * Search speed benchmark (prints figures; not a test). Chromium at 390×844 with 4× CPU throttling and
 * Lighthouse's slow-4G profile (150 ms RTT, 1.6 Mbit/s down), dist/ served with gzip:
 *   - bytes transferred to open the search page (page, CSS, JS) and to get ready to search;
 *   - bytes transferred for the first query (index chunks and result fragments);
 *   - time from the last keystroke to rendered results, with the 200 ms typing debounce subtracted,
 *     and from pressing Enter to rendered results.
 * Goals: first query ≤ 150 KB; ≤ 300 ms to results.
 * Usage: npm run build && npm run bench:search-speed
 */
import { chromium, type CDPSession } from 'playwright';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { serveDist } from './lib/serve-dist.ts';

const DEBOUNCE_MS = 200;
const QUERIES = ['共情', '挂失', '理财亏损', '首问负责'];
const { origin, server } = await serveDist();
const browser = await chromium.launch(chromiumLaunchOptions());

async function throttled(): Promise<{ page: import('playwright').Page; bytes: () => number }> {
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

/** Resolves with performance.now() when results (or the no-result status) change after `since`. */
const waitForResults = (page: import('playwright').Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const status = document.querySelector('[data-search-status]')!;
        const before = status.textContent;
        new MutationObserver((_, observer) => {
          if (status.textContent && status.textContent !== before) {
            observer.disconnect();
            resolve(performance.now());
          }
        }).observe(status, { childList: true, characterData: true, subtree: true });
      }),
  );

console.log('query      open KB  ready KB  1st query KB  typed→results ms  enter→results ms');
for (const query of QUERIES) {
  const { page, bytes } = await throttled();
  await page.goto(`${origin}/search/`, { waitUntil: 'load' });
  const openBytes = bytes();
  await page.locator('[data-search-filters]:not([hidden])').waitFor();
  const readyBytes = bytes();

  // Typed: time from the last keystroke, minus the debounce.
  const done = waitForResults(page);
  await page.locator('#search-input').pressSequentially(query);
  const lastKey = await page.evaluate(() => performance.now());
  const typed = (await done) - lastKey - DEBOUNCE_MS;
  const queryBytes = bytes() - readyBytes;

  // Enter: the same query again after clearing, submitted at once (index chunks now cached in memory).
  await page.locator('#search-input').fill('');
  await page.locator('[data-search-status]:empty').waitFor({ state: 'attached' });
  await page.locator('#search-input').evaluate((el, q) => ((el as HTMLInputElement).value = q), query);
  const doneEnter = waitForResults(page);
  const pressed = await page.evaluate(() => performance.now());
  await page.locator('#search-input').press('Enter');
  const enter = (await doneEnter) - pressed;

  const kb = (n: number) => (n / 1024).toFixed(1).padStart(8);
  console.log(query.padEnd(8), kb(openBytes), kb(readyBytes - openBytes), kb(queryBytes).padStart(13), String(Math.round(typed)).padStart(17), String(Math.round(enter)).padStart(17));
  await page.close();
}
await browser.close();
server.close();
