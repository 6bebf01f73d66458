/**
 * Search quality benchmark (prints figures; not a test): runs every query of tests/search-queries.json
 * through the real search page in Chromium and prints recall@1 and recall@5, with each miss.
 * A query counts as found at k when one of its expected pages is among the first k results.
 * Usage: npm run build && npm run bench:search        Goal: recall@5 ≥ 95%.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { serveDist } from './lib/serve-dist.ts';

interface Query {
  q: string;
  expect: string[];
  kind?: string;
}
const { queries } = JSON.parse(readFileSync(new URL('../tests/search-queries.json', import.meta.url), 'utf8')) as { queries: Query[] };
const { origin, server } = await serveDist();
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });

let at1 = 0;
let at5 = 0;
for (const { q, expect } of queries) {
  await page.goto(`${origin}/search/?q=${encodeURIComponent(q)}`);
  await page.locator('[data-search-status]:not(:empty)').waitFor();
  const urls = await page.locator('.search-results > li > a.result-title').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const rank = urls.findIndex((u) => expect.includes(u));
  if (rank === 0) at1++;
  if (rank >= 0 && rank < 5) at5++;
  if (rank !== 0) console.log(`${rank < 0 || rank >= 5 ? 'MISS' : 'low '} ${q.padEnd(8)} expected ${expect.join(' | ')}, got ${urls.slice(0, 5).join(' ') || '(nothing)'}`);
}
const pct = (n: number) => `${((n / queries.length) * 100).toFixed(1)}%`;
console.log(`\n${queries.length} queries   recall@1 ${pct(at1)}   recall@5 ${pct(at5)}   (goal: recall@5 ≥ 95%)`);
await browser.close();
server.close();
