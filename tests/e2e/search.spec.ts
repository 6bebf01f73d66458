/**
 * The search page's behaviour. Expectations come from structure (section numbers, case ids, the
 * filters) and from words this project controls (page keywords and the search vocabulary, read from
 * the built instant index), not from today's wording of the pages.
 */
import { expect, test, type Page } from '@playwright/test';
import { lexiconOf, type InstantIndex } from '../../src/lib/search/instant.ts';
import { EMPTY_QUERY_MESSAGE, echoQuery } from '../../src/lib/search/query.ts';
import { SCENARIO_BADGE } from '../../src/lib/site/labels.ts';
import { FILTER } from '../../src/lib/search/fields.ts';

test.beforeEach(({}, info) => test.skip(info.project.name !== 'phone', 'search behaves the same at every size: checked at phone size'));

const results = (page: Page) => page.locator('.search-results > li > a.result-title');
const searchbox = (page: Page) => page.getByRole('searchbox', { name: '搜索全书和案例' });
const paths = (page: Page) => results(page).evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
const done = (page: Page) => page.locator('[data-search-results][data-state="done"]').waitFor({ state: 'attached' });

async function search(page: Page, query: string) {
  await page.goto('/search/');
  await page.locator('[data-search-form][data-ready]').waitFor({ state: 'attached' });
  await searchbox(page).fill(query);
  await expect(page.locator('[data-search-results]')).toHaveAttribute('data-query', query);
  await done(page);
}

/** The built instant index, as the search page loads it. */
async function instantIndex(page: Page): Promise<InstantIndex> {
  await page.goto('/search/');
  const url = await page.locator('[data-search-form]').getAttribute('data-index');
  return (await (await page.request.get(url!)).json()) as InstantIndex;
}

test('a section number or a case id finds exactly that page first', async ({ page }) => {
  for (const [query, path] of [['2.17', '/book/2/17/'], ['01003', '/cases/01003/'], ['案例 01003', '/cases/01003/']]) {
    await search(page, query!);
    expect((await paths(page))[0]).toBe(path);
  }
});

test('a keyword typed inside a whole question, with filler words, finds its page', async ({ page }) => {
  const index = await instantIndex(page);
  const doc = index.docs.find((d) => d.url.startsWith('/cases/') && d.keywords.some((k) => [...k].length >= 2 && !/\s/.test(k)))!;
  const keyword = doc.keywords.find((k) => [...k].length >= 2)!;
  await search(page, `客户${keyword}了怎么办`);
  expect((await paths(page)).slice(0, 5)).toContain(doc.url);
});

test('a synonym from the vocabulary finds the pages of the other words of its group', async ({ page }) => {
  const index = await instantIndex(page);
  // The first synonym group with pages, searched by a form of it: every result on screen has a form of the group.
  const { terms } = lexiconOf(index.vocabulary, index.docs);
  const term = terms.findIndex((forms, i) => forms.length > 1 && (index.postings[i]?.length ?? 0) > 0);
  const forms = terms[term]!;
  await search(page, forms.at(-1)!);
  await expect(results(page).first()).toBeVisible();
  for (const item of await page.locator('.search-results > li').all()) {
    const link = await item.locator('a.result-title').getAttribute('href');
    const marked = new URL(link!, 'http://x').searchParams.get('highlight')!.split(' ');
    expect(marked.some((m) => forms.includes(m.toLowerCase()))).toBe(true);
  }
});

test('nonsense finds nothing, and the page says what was searched and where else to look', async ({ page }) => {
  for (const query of ['tunka', '<script>', 'qwzx']) {
    await search(page, query);
    await expect(results(page)).toHaveCount(0);
    const empty = page.locator('[data-search-empty]');
    await expect(empty).toBeVisible();
    await expect(empty).toContainText(`没有找到与“${query}”相关的页面`);
    await expect(empty).toContainText('搜索了：');
    await expect(empty.getByRole('link', { name: '全书目录' })).toHaveAttribute('href', '/book/');
    await expect(empty.getByRole('link', { name: '案例库' })).toHaveAttribute('href', '/cases/');
  }
});

test('an everyday word brings back no page on its own, not even one with it in its title, and the page says why', async ({ page }) => {
  const index = await instantIndex(page);
  const everyday = (await (await page.request.get((await page.locator('[data-search-form]').getAttribute('data-everyday'))!)).json()) as string[];
  // A two-character everyday word in a page's title: without the rule, that page would come first.
  const word = everyday.find((w) => [...w].length === 2 && /^\p{Script=Han}+$/u.test(w) && index.docs.some((d) => d.title.includes(w)));
  test.skip(!word, 'no title of this build has an everyday word');
  await search(page, word!);
  await expect(results(page)).toHaveCount(0);
  await expect(page.locator('[data-search-empty]')).toContainText(`“${word}”是日常用语`);
});

test('a query of spaces says what to type; a pasted paragraph is not echoed whole', async ({ page }) => {
  await page.goto('/search/');
  await page.locator('[data-search-form][data-ready]').waitFor({ state: 'attached' });
  await searchbox(page).fill('   ');
  await searchbox(page).press('Enter');
  await expect(page.locator('[data-search-status]')).toHaveText(EMPTY_QUERY_MESSAGE);

  const pasted = 'qwzx'.repeat(100);
  await search(page, pasted);
  await expect(results(page)).toHaveCount(0);
  const empty = page.locator('[data-search-empty]');
  await expect(empty).toContainText(`没有找到与“${echoQuery(pasted)}”相关的页面`);
  expect(await empty.innerText()).not.toContain(pasted);
});

test('excerpts start at a boundary, hold a marked word (or the title does), and show no meta text or markup; sub-results do not repeat them', async ({ page }) => {
  const index = await instantIndex(page);
  const words = lexiconOf(index.vocabulary, index.docs).terms.filter((_, i) => (index.postings[i]?.length ?? 0) >= 15 * 3).slice(0, 3).map((forms) => forms[0]!);
  for (const word of words) {
    await search(page, word);
    await expect(page.locator('.search-results > li[aria-busy]')).toHaveCount(0);
    for (const item of await page.locator('.search-results > li').all()) {
      const excerpt = item.locator(':scope > p');
      const text = (await excerpt.innerText()).trim();
      expect(text, `${word}: excerpt “${text}”`).not.toMatch(/^[，、。：；！？,.:;]/);
      expect(text).not.toMatch(/岗位：|来源：|\*\*|<\/?[a-z]/);
      // A page found by its title alone (a phrase card whose situation names the word) keeps its summary.
      if ((await item.locator('a.result-title mark').count()) === 0) await expect(excerpt.locator('mark').first()).toBeVisible();
      const [section] = await excerpt.locator('.result-section a').allTextContents();
      const subs = await item.locator(':scope > ul a').allTextContents();
      if (section) expect(subs).not.toContain(section);
    }
  }
});

test('filters alone list their pages; role and tag combine', async ({ page }) => {
  const index = await instantIndex(page);
  await page.goto('/search/');
  await page.locator('[data-search-form][data-ready]').waitFor({ state: 'attached' });
  await page.getByText('筛选').click();
  await page.getByLabel('岗位').selectOption('大堂经理');
  await expect(page.getByRole('status')).toHaveText(/^(\d+)个页面符合筛选条件$/);
  const roleOnly = Number(/^(\d+)/.exec((await page.getByRole('status').textContent())!)![1]);
  const tag = await page.getByLabel('标签').locator('option').nth(1).getAttribute('value');
  await page.getByLabel('标签').selectOption(tag!);
  await expect(page).toHaveURL(/role=.*&tag=/);
  await expect(page.getByRole('status')).not.toHaveText(`${roleOnly}个页面符合筛选条件`);
  // Every page listed has both (cases, sections and cards can carry roles and tags).
  const docOf = new Map(index.docs.map((d) => [d.url, d]));
  const listedPaths = await paths(page);
  expect(listedPaths.length).toBeGreaterThan(0);
  for (const path of listedPaths) {
    const filters = docOf.get(path)?.filters ?? {};
    expect(filters['岗位'], path).toContain('大堂经理');
    expect(filters['标签'], path).toContain(tag!);
  }
  // A shared link with the filters lists the same pages.
  const listed = await paths(page);
  await page.goto(page.url());
  await done(page);
  expect(await paths(page)).toEqual(listed);
});

test('an invented story (情景示例) shows its badge in the results; a real case does not', async ({ page }) => {
  const index = await instantIndex(page);
  const story = index.docs.find((d) => d.scenario);
  const real = index.docs.find((d) => !d.scenario && d.url.startsWith('/cases/'));
  test.skip(!story, 'no page of this build is an invented story');
  for (const [doc, badge] of [[story!, 1], [real!, 0]] as const) {
    await search(page, doc.filters[FILTER.number]![0]!);
    await expect(page.locator('.search-results > li').first().locator('.badge', { hasText: SCENARIO_BADGE })).toHaveCount(badge);
  }
});

test('a type filter keeps one kind of page', async ({ page }) => {
  await page.goto('/search/?q=投诉&type=案例');
  await done(page);
  for (const path of await paths(page)) expect(path).toMatch(/^\/cases\//);
  await page.goto('/search/?q=投诉&type=全书章节');
  await done(page);
  for (const path of await paths(page)) expect(path).toMatch(/^\/book\//);
});

test('results carry the matched words, and the page they lead to marks them', async ({ page }) => {
  await search(page, '2.17');
  const first = results(page).first();
  await expect(first).toHaveAttribute('href', /^\/book\/2\/17\/$/); // a number is not a word to mark
  const index = await instantIndex(page);
  const doc = index.docs.find((d) => d.keywords.length > 0 && d.url.startsWith('/cases/'))!;
  await search(page, doc.keywords[0]!);
  const link = page.locator(`.search-results a.result-title[href^="${doc.url}?highlight="]`);
  const words = new URL((await link.getAttribute('href'))!, 'http://x').searchParams.get('highlight')!.split(' ');
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${doc.url}\\?highlight=`));
  const marks = await page.locator('main article mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const mark of marks) expect(words.map((w) => w.toLowerCase())).toContain(mark.toLowerCase());
});

test('a shared ?q= link runs the search, and typing updates the link', async ({ page }) => {
  await page.goto('/search/?q=2.17');
  await expect(searchbox(page)).toHaveValue('2.17');
  await expect(results(page).first()).toHaveAttribute('href', /^\/book\/2\/17\//);
  await page.locator('[data-search-form][data-ready]').waitFor({ state: 'attached' });
  await searchbox(page).fill('年费');
  await expect(page).toHaveURL(/\?q=%E5%B9%B4%E8%B4%B9$/);
});

test('a word only in the text of a page is found through the full text', async ({ page }) => {
  const index = await instantIndex(page);
  // A run of Chinese characters from a case's story, in no title, keyword, summary or heading.
  const doc = index.docs.find((d) => d.url === '/cases/01003/') ?? index.docs.find((d) => d.url.startsWith('/cases/'))!;
  await page.goto(doc.url);
  const story = await page.locator('main article h2 + p').first().innerText();
  const fields = [doc.title, doc.summary, ...doc.keywords, ...doc.headings.map((h) => h.text)].join(' ');
  const run = (story.match(/\p{Script=Han}{6,}/gu) ?? []).map((r) => r.slice(0, 6)).find((r) => !fields.includes(r.slice(0, 2)))!;
  await search(page, run);
  expect((await paths(page)).slice(0, 5)).toContain(doc.url);
});

test('no console errors while searching', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await search(page, '客户在大厅大吵大闹');
  await search(page, '没有这个词的查询');
  expect(errors).toEqual([]);
});

test('instant results show before the full text answers, and strong ones keep their places', async ({ page }) => {
  // A section title that is no word of the lexicon: found at once in the titles, then asked of the full text.
  const index = await instantIndex(page);
  const forms = new Set(lexiconOf(index.vocabulary, index.docs).terms.flat());
  const title = index.docs.map((d) => /^\d+\.\d+ (\p{Script=Han}{4})$/u.exec(d.title)?.[1]).find((t) => t && !forms.has(t))!;
  // Pagefind's index chunks are held back until the instant results have been checked.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route('**/pagefind/index/**', async (route) => {
    held++;
    await released;
    await route.continue();
  });
  await page.goto('/search/');
  await page.locator('[data-search-form][data-ready]').waitFor({ state: 'attached' });
  await searchbox(page).fill(title);
  const first = page.locator('.search-results > li').first();
  await expect(first.locator('a.result-title')).toContainText(title);
  await expect(page.getByRole('status')).toHaveText('正在搜索全文…');
  await first.evaluate((li) => (li.dataset.seen = ''));
  await expect.poll(() => held).toBeGreaterThan(0);
  release();
  await done(page);
  await expect(page.getByRole('status')).toHaveText(/找到\d+个相关页面/);
  await expect(page.locator('.search-results > li').first()).toHaveAttribute('data-seen', '');
});

test('a shared link with a query loads the full text beside the instant index, not after it', async ({ page }) => {
  // The instant index is held back: the full text's runtime is asked for all the same.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/search/instant.*.json', async (route) => {
    await released;
    await route.continue();
  });
  const runtime = page.waitForRequest('**/pagefind/pagefind.js');
  await page.goto('/search/?q=2.17', { waitUntil: 'commit' });
  await runtime;
  release();
  await done(page);
  await expect(results(page).first()).toBeVisible();
});

test('when the full-text search cannot load, the instant index still answers', async ({ page }) => {
  await page.route('**/pagefind/pagefind.js', (route) => route.abort());
  await page.goto('/search/?q=2.17');
  await done(page);
  await expect(results(page).first()).toHaveAttribute('href', /^\/book\/2\/17\//);
});

test('without Intl.Segmenter the instant index answers, and the page says what is missing', async ({ page }) => {
  await page.addInitScript(() => delete (Intl as { Segmenter?: unknown }).Segmenter);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const pagefind: string[] = [];
  page.on('request', (r) => r.url().includes('/pagefind/pagefind') && pagefind.push(r.url()));
  await page.goto('/search/?q=2.17');
  await expect(page.getByText('这个浏览器不支持中文分词')).toBeVisible();
  await expect(page.locator('[data-search-limited]').getByRole('link', { name: '全书目录' })).toHaveAttribute('href', '/book/');
  await done(page);
  await expect(results(page).first()).toHaveAttribute('href', /^\/book\/2\/17\//);
  expect(pagefind).toEqual([]);
  expect(errors).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page says so and links to the contents and the case library', async ({ page }) => {
    await page.goto('/search/?q=共情');
    const notice = page.locator('main .banner', { hasText: '搜索需要浏览器开启JavaScript' });
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('link', { name: '全书目录' })).toHaveAttribute('href', '/book/');
    await expect(notice.getByRole('link', { name: '案例库' })).toHaveAttribute('href', '/cases/');
  });
});
