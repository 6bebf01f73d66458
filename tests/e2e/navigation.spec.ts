import { expect, test } from '@playwright/test';
import { PAGE_TYPES } from './site.ts';

test('from the home page into the book and along it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '目录' }).click();
  await expect(page).toHaveURL(/\/book\/$/);
  await page.getByRole('link', { name: /^2\.17\s*共情$/ }).click();
  await expect(page).toHaveURL(/\/book\/2\/17\/$/);
  await expect(page.getByRole('navigation', { name: '位置' })).toContainText('第2篇');

  await page.getByRole('link', { name: /下一节/ }).click();
  await expect(page).toHaveURL(/\/book\/2\/18\/$/);
  await page.getByRole('link', { name: /上一节/ }).click();
  await expect(page).toHaveURL(/\/book\/2\/17\/$/);
});

test('the last section of a part leads to the next part', async ({ page }) => {
  await page.goto('/book/1/5/');
  await page.getByRole('link', { name: /下一节/ }).click();
  await expect(page).toHaveURL(/\/book\/2\/$/);
});

test('related cases and sections link both ways', async ({ page }) => {
  await page.goto(PAGE_TYPES.section);
  const related = page.locator('section[aria-labelledby="related-cases"] .card-list a').first();
  const href = await related.getAttribute('href');
  await related.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator('section[aria-labelledby="related-sections"]')).toContainText('2.17');
});

test('cases walk within their role', async ({ page }) => {
  await page.goto('/cases/01001/');
  await expect(page.getByRole('link', { name: /上一个案例/ })).toHaveCount(0);
  await page.getByRole('link', { name: /下一个案例/ }).click();
  await expect(page).toHaveURL(/\/cases\/01002\/$/);
});

test('role × tag: the cases of one role with one tag, reachable from either', async ({ page }) => {
  await page.goto(PAGE_TYPES.roleAndTag);
  const cards = page.locator('.card-list > li');
  expect(await cards.count()).toBeGreaterThan(0);
  for (const href of await page.locator('.card-list > li > a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname))) {
    expect(href).toMatch(/^\/cases\/01\d{3}\/$/); // lobby cases only
  }
  await page.locator('.card-list > li > a').first().click();
  await expect(page.getByRole('navigation', { name: '标签' })).toContainText('老年客户');
  await page.goto(PAGE_TYPES.role);
  await expect(page.getByRole('link', { name: /培训师手册/ })).toHaveAttribute('href', /\/pdf\/trainer-lobby\.pdf$/);
});

test('继续阅读 starts at the beginning, then returns to the page and heading last reached, cases included', async ({ page }) => {
  await page.goto('/');
  const resume = page.locator('[data-resume]');
  await expect(resume).toContainText('从头开始读');
  const box = await resume.boundingBox();

  await page.goto(PAGE_TYPES.section);
  const heading = page.locator('main article h2[id]').nth(2);
  const id = await heading.getAttribute('id');
  await heading.evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('lastRead') ?? '{}').anchor)).toBe(id);
  await page.goto('/');
  await expect(resume).toContainText('继续阅读');
  await expect(resume).toContainText('2.17 共情');
  await expect(resume).toHaveAttribute('href', `${PAGE_TYPES.section}#${id}`);
  expect((await resume.boundingBox())!.y).toBe(box!.y); // nothing above it moved

  await page.goto(PAGE_TYPES.case);
  await page.goto('/');
  await expect(resume).toHaveAttribute('href', new RegExp(`^${PAGE_TYPES.case}`));
});

test('the phrase book is one tap from the home page, and a card has its own page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: /^话术速查 \d+ 张卡片/ }).click();
  await expect(page).toHaveURL(/\/phrases\/$/);
  await page.getByRole('navigation', { name: '话术分类' }).getByRole('link', { name: /^大堂经理（\d+）$/ }).click();
  const card = page.locator('[data-phrase-card]').first();
  await expect(card.locator('[data-card-say] li').first()).toBeVisible();
  await card.getByRole('link', { name: '单独打开' }).click();
  await expect(page).toHaveURL(/\/phrases\/[0-9][0-9a-z-]*\/$/);
  await expect(page.locator('h1[data-card-situation]')).toBeVisible();
});
