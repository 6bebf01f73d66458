import { expect, test, type Page } from '@playwright/test';

const results = (page: Page) => page.locator('.search-results > li > a.result-title');
const searchbox = (page: Page) => page.getByRole('searchbox', { name: '搜索全书和案例' });

async function search(page: Page, query: string) {
  await page.goto('/search/');
  await page.locator('[data-search-form][data-ready]').waitFor();
  await searchbox(page).fill(query);
  await expect(page.getByRole('status')).toHaveText(/找到|没有找到/);
}

const FIRST_RESULTS: [string, RegExp, string][] = [
  ['2.17', /\/book\/2\/17\//, '2.17 共情'],
  ['01003', /\/cases\/01003\//, '案例 01003'],
  ['共情', /\/book\/2\/17\//, '共情'],
  ['吞卡', /\/cases\/05005\//, '案例 05005'],
  ['黑产', /\/book\/2\/22\//, '2.22'],
];

for (const [query, href, title] of FIRST_RESULTS) {
  test(`“${query}” finds its page first`, async ({ page }) => {
    await search(page, query);
    await expect(results(page).first()).toHaveAttribute('href', href);
    await expect(results(page).first()).toContainText(title);
  });
}

test('results show an excerpt with the words marked, and the page marks them too', async ({ page }) => {
  await search(page, '硬币');
  const first = page.locator('.search-results > li').first();
  await expect(first.locator('mark').first()).toHaveText('硬币');
  await results(page).first().click();
  await expect(page).toHaveURL(/\/cases\/01003\/\?highlight=/);
  await expect(page.locator('main article mark').first()).toHaveText('硬币');
});

test('a shared ?q= link runs the search, and typing updates the link', async ({ page }) => {
  await page.goto('/search/?q=挂失');
  await expect(searchbox(page)).toHaveValue('挂失');
  await expect(results(page).first()).toBeVisible();
  await page.locator('[data-search-form][data-ready]').waitFor();
  await searchbox(page).fill('年费');
  await expect(page).toHaveURL(/\?q=%E5%B9%B4%E8%B4%B9$/);
});

test('each filter narrows the results', async ({ page }) => {
  await page.goto('/search/?q=投诉');
  await expect(results(page).first()).toBeVisible();
  await page.getByText('筛选').click();
  const checks: [string, string, RegExp][] = [
    ['类型', '案例', /^\/cases\//],
    ['类型', '全书章节', /^\/book\//],
  ];
  for (const [filter, value, path] of checks) {
    await page.getByLabel(filter).selectOption(value);
    await expect(page.getByRole('status')).toHaveText(/找到/);
    for (const href of await results(page).evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))) expect(href).toMatch(path);
  }
  await page.getByLabel('类型').selectOption('');
  await page.getByLabel('篇').selectOption('理念原则篇');
  await expect(results(page).first()).toHaveAttribute('href', /^\/book\/2\/\d+\//);
  await page.getByLabel('篇').selectOption('');
  await page.getByLabel('岗位').selectOption('高柜柜员');
  await expect(results(page).first()).toHaveAttribute('href', /^\/cases\/02\d{3}\//);
  await page.getByLabel('岗位').selectOption('');
  await page.getByLabel('标签').selectOption('假币');
  await expect(results(page).first()).toHaveAttribute('href', /^\/cases\/(06007|02002)\//);
  await expect(page).toHaveURL(/tag=%E5%81%87%E5%B8%81/);
});

test('no console errors while searching', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await search(page, '首问负责');
  await search(page, '没有这个词的查询');
  expect(errors).toEqual([]);
});

test('title and keyword matches show before the full-text index arrives, and keep their places', async ({ page }) => {
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
  await page.locator('[data-search-form][data-ready][data-full-text]').waitFor({ state: 'attached' });
  await searchbox(page).fill('首问负责');
  const first = page.locator('.search-results > li').first();
  await expect(first.locator('a.result-title')).toHaveAttribute('href', /^\/book\/4\/1\/1\/\?highlight=/);
  await expect(first.locator('a.result-title mark')).toHaveCount(0); // matched a keyword, not the title
  await expect(page.getByRole('status')).toHaveText('正在搜索全文…');
  await first.evaluate((li) => (li.dataset.seen = ''));
  await expect.poll(() => held).toBeGreaterThan(0);
  release();
  await expect(page.getByRole('status')).toHaveText(/找到\d+个相关页面/);
  await expect(page.locator('.search-results > li').first()).toHaveAttribute('data-seen', '');
  await expect(results(page)).toHaveCount(5);
});

test('a word only in the text is found by Pagefind, with its excerpt marked', async ({ page }) => {
  await search(page, '12378'); // the regulator's hotline: in the text of 2.3 and 2.9, in no title or keyword
  const first = page.locator('.search-results > li').first();
  await expect(first).not.toHaveAttribute('aria-busy');
  await expect(first.locator('p mark').first()).toHaveText('12378');
});

test('when the full-text search cannot load, title and keyword matches still work', async ({ page }) => {
  await page.route('**/pagefind/pagefind.js', (route) => route.abort());
  await page.goto('/search/?q=共情');
  await expect(page.getByRole('status')).toHaveText(/找到\d+个标题、关键词或要点相符的页面（全文搜索没有加载成功/);
  await expect(results(page).first()).toHaveAttribute('href', /^\/book\/2\/17\//);
});

test('without Intl.Segmenter titles and keywords are still searched, and the page says what is missing', async ({ page }) => {
  await page.addInitScript(() => delete (Intl as { Segmenter?: unknown }).Segmenter);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const pagefind: string[] = [];
  page.on('request', (r) => r.url().includes('/pagefind/') && pagefind.push(r.url()));
  await page.goto('/search/?q=共情');
  await expect(page.getByText('这个浏览器不支持中文分词')).toBeVisible();
  await expect(page.locator('[data-search-limited]').getByRole('link', { name: '全书目录' })).toHaveAttribute('href', '/book/');
  await expect(page.getByRole('status')).toHaveText(/找到\d+个标题、关键词或要点相符的页面$/);
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
