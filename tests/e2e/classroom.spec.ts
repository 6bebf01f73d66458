import { expect, test } from '@playwright/test';
import { PAGE_TYPES } from './site.ts';

test('a case’s 参考要点 are folded, open with one tap, and open when a link points at them', async ({ page }) => {
  await page.goto(PAGE_TYPES.case);
  const answers = page.locator('details.answers');
  await expect(answers).not.toHaveAttribute('open');
  await expect(answers.locator('ol').first()).toBeHidden();
  await expect(page.locator('h2#answers')).toBeVisible();
  await answers.locator('summary').click();
  await expect(answers.locator('ol').first()).toBeVisible();
  await page.goto(`${PAGE_TYPES.case}#answers`);
  await expect(page.locator('details.answers')).toHaveAttribute('open', '');
});

test('a section’s 自测 answers are folded the same way', async ({ page }) => {
  await page.goto(PAGE_TYPES.section);
  const answers = page.locator('details.callout-answers');
  await expect(answers).toHaveCount(1);
  await expect(answers.locator('ol')).toBeHidden();
  await answers.locator('summary').click();
  await expect(answers.locator('ol')).toBeVisible();
});

test('projector view: large type and the case alone, on and off without a script', async ({ page }) => {
  await page.goto(PAGE_TYPES.case);
  const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await rootSize();
  await page.getByRole('link', { name: '投影模式（大字、只显示案例）' }).click();
  await expect(page).toHaveURL(/#projector$/);
  await expect(page.locator('.site-header')).toBeHidden();
  expect(await rootSize()).toBeGreaterThan(normal * 1.4);
  await page.getByRole('link', { name: '退出投影模式' }).click();
  await expect(page.locator('.site-header')).toBeVisible();
});

test('a wide flowchart fits the column or says it scrolls; the whole chart opens full size', async ({ page }, info) => {
  await page.goto('/book/4/1/');
  const figure = page.locator('figure.diagram').first();
  const { svgWidth, boxWidth, wide } = await figure.evaluate((f) => ({
    svgWidth: f.querySelector('svg')!.getBoundingClientRect().width,
    boxWidth: f.querySelector('.scroll-box')!.clientWidth,
    wide: f.classList.contains('wide'),
  }));
  if (svgWidth > boxWidth + 1) expect(wide, 'a diagram that scrolls says so').toBe(true);
  if (info.project.name === 'phone' && wide) await expect(figure.locator('.scroll-hint')).toBeVisible();
  const full = figure.getByRole('link', { name: '查看大图' });
  const response = await page.request.get((await full.getAttribute('href'))!);
  expect(response.headers()['content-type']).toContain('svg');
});

test('printing a section from the browser fits each diagram on the paper and leaves no blank page', async ({ page, browserName }, info) => {
  test.skip(info.project.name !== 'desktop' || browserName !== 'chromium', 'printed once, in Chromium');
  await page.goto(PAGE_TYPES.section);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  const { execFileSync } = await import('node:child_process');
  const { writeFileSync } = await import('node:fs');
  const file = info.outputPath('section.pdf');
  writeFileSync(file, pdf);
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((_, i, all) => i < all.length - 1);
  expect(pages.length).toBeGreaterThan(0);
  for (const [i, text] of pages.entries()) expect(text.replace(/\s+/g, '').length, `page ${i + 1} of ${pages.length}`).toBeGreaterThan(20);
});

test('PDF links open the file (no download attribute, which WeChat blocks) and say how to get it out of WeChat', async ({ page }) => {
  await page.goto('/');
  const link = page.locator('.downloads a').first();
  await expect(link).not.toHaveAttribute('download');
  await expect(page.locator('.downloads')).toContainText('在浏览器打开');
  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.headers()['content-type']).toContain('pdf');
});
