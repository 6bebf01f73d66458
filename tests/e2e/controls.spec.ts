import { expect, test, type Page } from '@playwright/test';
import { PAGE_TYPES } from './site.ts';

const headingText = (heading: ReturnType<Page['locator']>) => heading.evaluate((h) => h.firstChild!.textContent!.trim());

test('copy link puts a WeChat-ready line on the clipboard, with a 44px target', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${PAGE_TYPES.section}?from=singlemessage&isappinstalled=0`);
  const heading = page.locator('main h2[id]').first();
  const id = await heading.getAttribute('id');
  const text = await headingText(heading);
  const control = heading.locator('a.heading-link');
  const box = (await control.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
  await expect(control).toHaveAccessibleName(`复制“${text}”的链接`);
  await control.click();
  await expect(page.locator('.copy-status')).toHaveText(/已复制/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`【2.17 共情】${text} ${baseURL}${PAGE_TYPES.section}#${id}`);
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
});

test('a case is shared with its title; without the clipboard API the text is shown to copy by hand', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await page.goto(PAGE_TYPES.case);
  const title = (await page.locator('h1').evaluate((h) => h.lastChild!.textContent!)).trim();
  await page.locator('#story a.heading-link').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox')).toHaveValue(new RegExp(`^【案例 01001 ${title}】案例经过 http.*/cases/01001/#story$`));
});

test('a phrase card in a list shares the card’s own short address', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(PAGE_TYPES.phrasePart);
  const card = page.locator('[data-phrase-card]').first();
  const id = await card.getAttribute('data-phrase-card');
  const situation = await headingText(card.locator('[data-card-situation]'));
  await card.locator('a.heading-link').click();
  await expect(page.locator('.copy-status')).toHaveText(/已复制/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`【话术】${situation} ${baseURL}/phrases/${id}/`);
});

test('an anchor in a shared link lands on its heading', async ({ page }) => {
  await page.goto(`${PAGE_TYPES.section}#three-f`);
  await expect(page.locator('#three-f')).toBeInViewport();
});

test('font size grows, is remembered on the next page, and the buttons say when they are at the limit', async ({ page }) => {
  await page.goto(PAGE_TYPES.section);
  const controls = page.locator('.reader-controls');
  const size = () => page.locator('main p').first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const before = await size();
  await controls.getByRole('button', { name: '放大字号' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-font', 'l');
  expect(await size()).toBeGreaterThan(before);
  await page.goto('/book/2/18/');
  await expect(page.locator('html')).toHaveAttribute('data-font', 'l');
  await controls.getByRole('button', { name: '放大字号' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-font', 'xl');
  await expect(controls.getByRole('button', { name: '放大字号' })).toHaveAttribute('aria-disabled', 'true');
  // A reader can still tap it: it says why nothing happens.
  await controls.getByRole('button', { name: '放大字号' }).click({ force: true });
  await expect(page.locator('.copy-status')).toHaveText('已经是最大字号');
  await expect(page.locator('html')).toHaveAttribute('data-font', 'xl');
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark' });

  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  test('follows the system, and the toggle overrides it across pages', async ({ page }) => {
    await page.goto('/book/4/1/');
    expect(await background(page)).toBe('rgb(27, 29, 33)');
    const nodeFill = await page.locator('figure.diagram svg .node rect, figure.diagram svg .node polygon').first().evaluate((n) => getComputedStyle(n).fill);
    expect(nodeFill).toBe('rgb(42, 46, 53)');
    await page.locator('.reader-controls').getByRole('button', { name: '切换深色/浅色' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background(page)).toBe('rgb(247, 245, 240)');
    await page.goto('/cases/');
    expect(await background(page)).toBe('rgb(247, 245, 240)');
  });
});
