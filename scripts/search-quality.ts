/**
 * Search quality benchmark (prints figures; not a test): runs every query of tests/search-queries.json
 * and prints recall@1 and recall@5 (for all queries, and for the "held out" ones added after tuning)
 * twice:
 *   - instant: the instant index alone (lib/search/instant.ts on dist/search/instant.json, here in
 *     Node), i.e. what the reader sees on the keystroke;
 *   - final: the real search page in Chromium once Pagefind's full-text results are merged in,
 *     with each miss.
 * A query counts as found at k when one of its expected pages is among the first k results.
 * Usage: npm run build && npm run bench:search        Goal: recall@5 ≥ 95% (final).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { createInstantSearch, type InstantIndex } from '../src/lib/search/instant.ts';
import { chineseWords } from '../src/lib/search/words.ts';
import { instantIndexPath, serveDist } from './lib/serve-dist.ts';

interface Query {
  q: string;
  expect: string[];
  kind?: string;
}
const { queries } = JSON.parse(readFileSync(new URL('../tests/search-queries.json', import.meta.url), 'utf8')) as { queries: Query[] };

const HELD_OUT = 'held out';
/** [found at 1, found at 5, queries], for all queries and for the held-out ones (not tuned for). */
const recall = { instant: { all: [0, 0, 0], heldOut: [0, 0, 0] }, final: { all: [0, 0, 0], heldOut: [0, 0, 0] } };
function score(which: keyof typeof recall, { q, expect, kind }: Query, urls: string[]): void {
  const rank = urls.findIndex((u) => expect.includes(u));
  for (const tally of kind === HELD_OUT ? [recall[which].all, recall[which].heldOut] : [recall[which].all]) {
    if (rank === 0) tally[0]!++;
    if (rank >= 0 && rank < 5) tally[1]!++;
    tally[2]!++;
  }
  if (which === 'final' && rank !== 0) console.log(`${rank < 0 || rank >= 5 ? 'MISS' : 'low '} ${q.padEnd(8)} expected ${expect.join(' | ')}, got ${urls.slice(0, 5).join(' ') || '(nothing)'}`);
}

const instant = createInstantSearch(JSON.parse(readFileSync(instantIndexPath(), 'utf8')) as InstantIndex, chineseWords());
for (const query of queries) score('instant', query, instant.search(query.q).map((h) => h.doc.url));

const { origin, server } = await serveDist();
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
for (const query of queries) {
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query.q)}`);
  await page.locator('[data-search-results][data-state="done"]').waitFor({ state: 'attached' });
  const urls = await page.locator('.search-results > li > a.result-title').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  score('final', query, urls);
}
await browser.close();
server.close();

const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(1)}%`.padStart(6);
console.log(`\n${queries.length} queries, ${recall.final.heldOut[2]} of them held out (added after tuning, not tuned for)`);
for (const [which, groups] of Object.entries(recall)) {
  for (const [group, [at1, at5, of]] of Object.entries(groups)) {
    console.log(`${which.padEnd(8)} ${group === 'all' ? 'all     ' : 'held out'}  recall@1 ${pct(at1!, of!)}   recall@5 ${pct(at5!, of!)}`);
  }
}
console.log('goal: final recall@5 ≥ 95%');
