import { expect, test } from '@playwright/test';
import { allPages, PAGE_TYPES } from './site.ts';

test('every page reads without sideways scrolling, in body text of at least 16px', async ({ page }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  for (const path of allPages()) {
    await page.goto(path);
    const { scrollWidth, innerWidth, fontSize } = await page.evaluate(() => {
      const text = document.querySelector('main > p, main article > p, main .card-list p') ?? document.body;
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        fontSize: parseFloat(getComputedStyle(text).fontSize),
      };
    });
    if (scrollWidth > innerWidth) problems.push(`${path}: page is ${scrollWidth}px wide on a ${innerWidth}px screen`);
    if (fontSize < 16) problems.push(`${path}: body text is ${fontSize}px`);
  }
  expect(problems).toEqual([]);
});

test('each page type has lang, title, description, canonical URL and Open Graph tags', async ({ page }) => {
  for (const path of Object.values(PAGE_TYPES)) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page).toHaveTitle(/投诉处理之道与术/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${path.replaceAll('/', '\\/')}$`));
    for (const property of ['og:title', 'og:description', 'og:image', 'og:url']) {
      await expect(page.locator(`meta[property="${property}"]`), `${path} ${property}`).toHaveAttribute('content', /\S/);
    }
    await expect(page.locator('main')).toHaveCount(1);
    await expect(page.locator('header nav')).toHaveAttribute('aria-label', /\S/);
  }
});

test('no request leaves the site', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== new URL(baseURL!).origin) foreign.push(request.url());
  });
  for (const path of Object.values(PAGE_TYPES)) {
    await page.goto(path, { waitUntil: 'networkidle' });
  }
  expect(foreign).toEqual([]);
});

test('WeChat query strings do not change the page', async ({ page }) => {
  const response = await page.goto('/book/2/17/?from=singlemessage&isappinstalled=0');
  expect(response!.status()).toBe(200);
  await expect(page.locator('h1')).toContainText('共情');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/book\/2\/17\/$/);
});

test('the 404 page helps the reader on', async ({ page }) => {
  const response = await page.goto('/book/99/1/');
  expect(response!.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('没有找到这个页面');
  await expect(page.getByRole('search').getByRole('searchbox')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: '全书目录' })).toHaveAttribute('href', '/book/');
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('sections, cases and filters work', async ({ page }) => {
    await page.goto('/book/4/1/');
    await expect(page.locator('figure.diagram svg')).toBeVisible();
    await expect(page.locator('main')).toContainText('受理');
    await page.goto('/cases/');
    await page.getByRole('link', { name: /^高柜柜员（\d+）$/ }).click();
    await expect(page).toHaveURL(/\/cases\/role\/teller\/$/);
    await expect(page.locator('h1')).toHaveText('高柜柜员案例');
    await page.locator('.card-list a').first().click();
    await expect(page).toHaveURL(/\/cases\/02\d{3}\/$/);
    await expect(page.locator('#story')).toBeVisible();
    await expect(page.locator('.reader-controls')).toBeHidden();
  });
});
