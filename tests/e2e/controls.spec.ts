import { expect, test } from '@playwright/test';

test('copy link puts a WeChat-ready line on the clipboard', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/book/2/17/?from=singlemessage&isappinstalled=0');
  const heading = page.locator('main h2[id]').first();
  const id = await heading.getAttribute('id');
  const text = (await heading.evaluate((h) => h.firstChild!.textContent ?? '')).trim();
  await heading.locator('a.heading-link').click();
  await expect(page.getByRole('status')).toHaveText(/已复制/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`【2.17 共情】${text} ${baseURL}/book/2/17/#${id}`);
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
});

test('without the clipboard API the text is shown to copy by hand', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await page.goto('/cases/01001/');
  await page.locator('#story a.heading-link').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox')).toHaveValue(/^【案例 01001】案例经过 http.*\/cases\/01001\/#story$/);
});

test('an anchor in a shared link lands on its heading', async ({ page }) => {
  await page.goto('/book/2/17/#three-f');
  await expect(page.locator('#three-f')).toBeInViewport();
});

test('font size grows and is remembered on the next page', async ({ page }) => {
  await page.goto('/book/2/17/');
  const size = () => page.locator('main p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const before = await size();
  await page.getByRole('button', { name: '放大字号' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-font', 'l');
  expect(await size()).toBeGreaterThan(before);
  await page.goto('/book/2/18/');
  await expect(page.locator('html')).toHaveAttribute('data-font', 'l');
  expect(await size()).toBeGreaterThan(before);
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  const background = (page: import('@playwright/test').Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  test('follows the system, and the toggle overrides it across pages', async ({ page }) => {
    await page.goto('/book/4/1/');
    expect(await background(page)).toBe('rgb(27, 29, 33)');
    const nodeFill = await page.locator('figure.diagram svg .node rect, figure.diagram svg .node polygon').first().evaluate((n) => getComputedStyle(n).fill);
    expect(nodeFill).toBe('rgb(42, 46, 53)');
    await page.getByRole('button', { name: '切换深色/浅色' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background(page)).toBe('rgb(247, 245, 240)');
    await page.goto('/cases/');
    expect(await background(page)).toBe('rgb(247, 245, 240)');
  });
});
