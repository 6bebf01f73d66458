/**
 * Search quality benchmark (prints figures; not a test). Opens the built search page in Chromium
 * for every query, as a shared link (/search/?q=…), and reads the result list twice: when the
 * instant index has answered (data-state="instant": what the reader sees at once) and when the
 * list is complete (data-state="done": Pagefind's full text merged in). So it measures whatever
 * engine dist/ holds, before or after a change.
 *
 * Two query sets, kept apart:
 *   - tests/search-queries.json, the tuning set (ranking, keywords and the vocabulary were tuned on it);
 *   - tests/search-staff-queries.json, the held-out set, not tuned for: questions and words as staff
 *     type them, queries that should find nothing, and single domain words with the pages that
 *     really contain them (pages written since, such as the phrase cards, count when their text has the word);
 *   - tests/search-fresh-queries.json, a second held-out set written once the book was complete, by
 *     someone who read only the pages (not the engine, its tuning or the other sets): questions and
 *     queries that should find nothing, to check that changes made after reading the first held-out
 *     set's results were not fitted to it.
 * Figures (each list as first shown, five results): recall@1 and recall@5 (one of the expected pages, or a phrase card
 * from one of them, among the first 1 / 5 results), the
 * zero-result rate of on-topic queries, hits for the queries that should find nothing, and
 * precision@5 of the single words (results among the first five that contain the word).
 * Usage: npm run build && npm run bench:search
 * Goals (held-out set, final list): recall@5 ≥ 95%, zero-result rate 0, precision@5 ≥ 0.8, no hit for nonsense.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { fileFor, phraseCardSources, serveDist } from './lib/serve-dist.ts';

interface Query {
  q: string;
  expect: string[];
  kind?: string;
}
interface Word {
  q: string;
  relevant: string[];
}
const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../tests/${file}`, import.meta.url), 'utf8')) as T;
const tuning = read<{ queries: Query[] }>('search-queries.json').queries;
const staff = read<{ queries: Query[]; nothing: string[]; words: Word[] }>('search-staff-queries.json');
const fresh = read<{ queries: Query[]; nothing: string[] }>('search-fresh-queries.json');

/** The text of a built page's <main>, tags removed (read once a page). */
const texts = new Map<string, string>();
const mainText = (url: string): string => {
  if (!texts.has(url)) {
    const main = /<main\b[\s\S]*<\/main>/.exec(readFileSync(fileFor(url), 'utf8'))?.[0] ?? '';
    texts.set(url, main.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ''));
  }
  return texts.get(url)!;
};
/**
 * A result is relevant to a single word when the set lists it, or, for pages written after the set
 * (the phrase cards), when the page's text contains the word.
 */
const relevantTo = ({ q, relevant }: Word, url: string): boolean => relevant.includes(url) || mainText(url).includes(q);

const STAGES = ['instant', 'final'] as const;
type Stage = (typeof STAGES)[number];
type Lists = Record<Stage, string[]>;

/** The result URLs once the instant index has answered, and once the list is complete. */
async function resultsOf(page: Page, origin: string, query: string): Promise<Lists> {
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  await page.locator('[data-search-results][data-state="done"]').waitFor({ state: 'attached' });
  const urls = () => page.locator('.search-results > li > a.result-title').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  const instant = await page.evaluate(() => (window as unknown as { instantUrls?: string[] }).instantUrls ?? []);
  return { instant, final: await urls() };
}

const { origin, server } = await serveDist();
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
// Records the list as it stands when the instant index has answered (before Pagefind's results arrive).
// Watched from the start of the document: the page can show its results before DOMContentLoaded.
await page.addInitScript(() => {
  // The list turns "instant", then "done"; with nothing to wait for in between, both changes come in one batch.
  new MutationObserver((records) => {
    const list = document.querySelector<HTMLElement>('[data-search-results]');
    if (!list || (list.dataset.state !== 'instant' && !records.some((r) => r.target === list && r.oldValue === 'instant'))) return;
    (window as unknown as { instantUrls?: string[] }).instantUrls ??= [...list.querySelectorAll<HTMLAnchorElement>(':scope > li > a.result-title')].map((a) => new URL(a.href).pathname);
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'], attributeOldValue: true });
});
const run = async (q: string) => resultsOf(page, origin, q);

const pct = (n: number, of: number) => (of === 0 ? '     –' : `${((n / of) * 100).toFixed(1)}%`.padStart(6));
/** A phrase card answers for the page it comes from (its 出自 link): the set was written before the cards. */
const cardSources = phraseCardSources();
const rank = (urls: string[], expect: string[]) => urls.findIndex((u) => expect.includes(u) || expect.includes(cardSources.get(u) ?? ''));

function recall(name: string, queries: Query[], lists: Lists[]): void {
  for (const stage of STAGES) {
    const ranks = lists.map((l, i) => rank(l[stage], queries[i]!.expect));
    const at1 = ranks.filter((r) => r === 0).length;
    const at5 = ranks.filter((r) => r >= 0 && r < 5).length;
    const zero = lists.filter((l) => l[stage].length === 0).length;
    console.log(`${name.padEnd(22)} ${stage.padEnd(8)} recall@1 ${pct(at1, queries.length)}   recall@5 ${pct(at5, queries.length)}   zero results ${pct(zero, queries.length)} (${zero}/${queries.length})`);
  }
}

function misses(queries: Query[], lists: Lists[]): void {
  queries.forEach(({ q, expect }, i) => {
    const urls = lists[i]!.final;
    const r = rank(urls, expect);
    if (r !== 0) console.log(`  ${r < 0 || r >= 5 ? 'MISS' : 'low '} ${q}  expected ${expect.join(' | ')}; got ${urls.slice(0, 5).join(' ') || '(nothing)'}`);
  });
}

console.log('Running the tuning set…');
const tuningLists: Lists[] = [];
for (const query of tuning) tuningLists.push(await run(query.q));
console.log('Running the held-out set…');
const staffLists: Lists[] = [];
for (const query of staff.queries) staffLists.push(await run(query.q));
const nothingLists: Lists[] = [];
for (const q of staff.nothing) nothingLists.push(await run(q));
const wordLists: Lists[] = [];
for (const word of staff.words) wordLists.push(await run(word.q));
console.log('Running the fresh held-out set…');
const freshLists: Lists[] = [];
for (const query of fresh.queries) freshLists.push(await run(query.q));
const freshNothingLists: Lists[] = [];
for (const q of fresh.nothing) freshNothingLists.push(await run(q));
await browser.close();
server.close();

console.log('\nTuning set, not yet first:');
misses(tuning, tuningLists);
console.log('\nHeld-out set, not yet first:');
misses(staff.queries, staffLists);
console.log('\nFresh set, not yet first:');
misses(fresh.queries, freshLists);
console.log('\nShould find nothing:');
const found = (queries: string[], lists: Lists[]) =>
  queries.forEach((q, i) => lists[i]!.final.length > 0 && console.log(`  ${q}: ${lists[i]!.final.length} results, ${lists[i]!.final.slice(0, 3).join(' ')}`));
found(staff.nothing, nothingLists);
found(fresh.nothing, freshNothingLists);
console.log('\nSingle words, results among the first five that do not contain the word:');
staff.words.forEach((word, i) => {
  const wrong = wordLists[i]!.final.slice(0, 5).filter((u) => !relevantTo(word, u));
  if (wrong.length) console.log(`  ${word.q}: ${wrong.join(' ')}`);
});

console.log(`\n${tuning.length} tuning queries; held out: ${staff.queries.length} on-topic, ${staff.nothing.length} that should find nothing, ${staff.words.length} single words`);
recall('tuning', tuning, tuningLists);
const heldOutTuning = tuning.filter((q) => q.kind === 'held out');
recall('tuning (held out)', heldOutTuning, tuningLists.filter((_, i) => tuning[i]!.kind === 'held out'));
recall('HELD-OUT staff set', staff.queries, staffLists);
for (const kind of [...new Set(staff.queries.map((q) => q.kind ?? ''))]) {
  recall(`  ${kind}`, staff.queries.filter((q) => q.kind === kind), staffLists.filter((_, i) => staff.queries[i]!.kind === kind));
}
function nonsense(name: string, lists: Lists[]): void {
  for (const stage of STAGES) {
    const hit = lists.filter((l) => l[stage].length > 0);
    const total = lists.reduce((n, l) => n + l[stage].length, 0);
    console.log(`${name.padEnd(22)} ${stage.padEnd(8)} ${hit.length}/${lists.length} queries with hits, ${total} hits in all`);
  }
}
nonsense('nonsense', nothingLists);
for (const stage of STAGES) {
  // Precision of the first five: the share of them that contain the word; no result at all counts 0.
  const precision = staff.words.map((word, i) => {
    const top = wordLists[i]![stage].slice(0, 5);
    return top.length === 0 ? 0 : top.filter((u) => relevantTo(word, u)).length / top.length;
  });
  console.log(`${'single words'.padEnd(22)} ${stage.padEnd(8)} precision@5 ${(precision.reduce((a, b) => a + b, 0) / precision.length).toFixed(2)}`);
}
console.log(`fresh held-out set: ${fresh.queries.length} on-topic, ${fresh.nothing.length} that should find nothing`);
recall('FRESH set', fresh.queries, freshLists);
nonsense('fresh nonsense', freshNothingLists);
console.log('goals (held-out set, final): recall@5 ≥ 95%, zero results 0, precision@5 ≥ 0.80, nonsense 0 hits');
