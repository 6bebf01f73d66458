import { expect, test, type Page } from '@playwright/test';
import { allPages, PAGE_TYPES } from './site.ts';

/** Sideways scroll and body text size of the pages now open, as problems. */
async function layoutProblems(page: Page, path: string): Promise<string[]> {
  const { scrollWidth, innerWidth, fontSize } = await page.evaluate(() => {
    // Running text: a plain paragraph, else a phrase card's lines, else a list's summary.
    const text = document.querySelector('main article > p:not([class]), main > p:not([class]), main [data-card-say] li, main .card-list p') ?? document.body;
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, fontSize: parseFloat(getComputedStyle(text).fontSize) };
  });
  return [...(scrollWidth > innerWidth ? [`${path}: page is ${scrollWidth}px wide on a ${innerWidth}px screen`] : []), ...(fontSize < 16 ? [`${path}: body text is ${fontSize}px`] : [])];
}

test.describe('every page on a phone', () => {
  test.beforeEach(({}, info) => test.skip(info.project.name !== 'phone', 'a phone-width check'));
  // Every page whose layout depends on its content (the book and the cases: tables, diagrams, long
  // words), and one of each other page type (their layout is the template's), in chunks the two
  // workers share.
  const pages = [...new Set([...allPages().filter((p) => /^\/(book|cases)\/[\d/]+\/$/.test(p)), ...Object.values(PAGE_TYPES)])];
  const CHUNKS = 8;
  for (let i = 0; i < CHUNKS; i++) {
    const chunk = pages.filter((_, n) => n % CHUNKS === i);
    test(`reads without sideways scrolling, body text at least 16px (${i + 1}/${CHUNKS}, ${chunk.length} pages)`, async ({ page }) => {
      test.setTimeout(Math.max(60_000, chunk.length * 1_500));
      const problems: string[] = [];
      for (const path of chunk) {
        await page.goto(path, { waitUntil: 'domcontentloaded' });
        problems.push(...(await layoutProblems(page, path)));
      }
      expect(problems).toEqual([]);
    });
  }

  test('at 320px with the largest font, nothing scrolls sideways', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 320, height: 640 });
    await page.addInitScript(() => localStorage.setItem('font', 'xl'));
    const problems: string[] = [];
    for (const path of Object.values(PAGE_TYPES)) {
      await page.goto(path, { waitUntil: 'domcontentloaded' });
      await expect(page.locator('html')).toHaveAttribute('data-font', 'xl');
      problems.push(...(await layoutProblems(page, path)));
    }
    expect(problems).toEqual([]);
  });
});

test('no request leaves the site', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== new URL(baseURL!).origin) foreign.push(request.url());
  });
  for (const path of Object.values(PAGE_TYPES)) {
    await page.goto(path);
    await page.waitForLoadState('load');
  }
  await page.goto('/search/?q=共情');
  await expect(page.locator('[data-search-results] li').first()).toBeVisible();
  expect(foreign).toEqual([]);
});

test('WeChat query strings do not change the page', async ({ page }) => {
  const response = await page.goto(`${PAGE_TYPES.section}?from=singlemessage&isappinstalled=0`);
  expect(response!.status()).toBe(200);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${PAGE_TYPES.section}$`));
});

test('the 404 page helps the reader on', async ({ page }) => {
  const response = await page.goto('/book/99/1/');
  expect(response!.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('没有找到这个页面');
  await expect(page.getByRole('main').getByRole('link', { name: '全书目录' })).toHaveAttribute('href', '/book/');
});

test('a page asked for without its trailing slash is redirected to it, query kept (npm run preview serves like the server)', async ({ page }) => {
  const path = PAGE_TYPES.section.replace(/\/$/, '');
  const response = await page.goto(`${path}?from=timeline`);
  expect(response!.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe(PAGE_TYPES.section);
  expect(new URL(page.url()).search).toBe('?from=timeline');
  await expect(page.locator('h1')).toBeVisible();
});

test('the reading-progress bar follows the scroll', async ({ page }) => {
  await page.goto(PAGE_TYPES.section);
  const scale = () => page.locator('.progress').evaluate((bar) => new DOMMatrix(getComputedStyle(bar).transform).a);
  expect(await scale()).toBeLessThan(0.05);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(scale).toBeGreaterThan(0.95);
});

test.describe('long pages', () => {
  test('offer 本页目录 and a quick bar that moves nothing', async ({ page }) => {
    await page.goto(PAGE_TYPES.section);
    const bar = page.getByRole('navigation', { name: '本页快捷操作' });
    await expect(bar).toBeVisible();
    expect(await bar.evaluate((b) => getComputedStyle(b).position)).toBe('fixed');
    await bar.getByRole('link', { name: '本页目录' }).click();
    const toc = page.locator('#page-toc');
    await expect(toc).toHaveAttribute('open', '');
    const first = toc.getByRole('link').first();
    const target = (await first.getAttribute('href'))!;
    await first.click();
    await expect(page.locator(target)).toBeInViewport();
    await expect(bar.getByRole('link', { name: '搜索' })).toHaveAttribute('href', '/search/');
  });
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('sections, cases, filters and role × tag work; controls that need JavaScript are not shown', async ({ page }) => {
    await page.goto('/book/4/1/');
    await expect(page.locator('figure.diagram svg').first()).toBeVisible();
    await expect(page.locator('.reader-controls')).toBeHidden();
    await page.goto('/cases/');
    // The library opens with its filters unfolded; a filtered page shows its cases first, filters folded.
    await page.locator('.filters').getByRole('link', { name: /^高柜柜员（\d+）$/ }).click();
    await expect(page).toHaveURL(/\/cases\/role\/teller\/$/);
    await page.locator('.filters summary').click();
    const tagged = page.locator('.filters a[href^="/cases/role/teller/tag/"]').first();
    const href = await tagged.getAttribute('href');
    await tagged.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await page.locator('.card-list a').first().click();
    await expect(page).toHaveURL(/\/cases\/02\d{3}\/$/);
    await expect(page.locator('#story')).toBeVisible();
  });

  test('the home page offers no search box that would lead to a page needing JavaScript', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('search')).toBeHidden();
  });
});
