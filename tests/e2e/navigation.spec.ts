import { expect, test } from '@playwright/test';

test('from the home page into the book and along it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '目录' }).click();
  await expect(page).toHaveURL(/\/book\/$/);
  await page.getByRole('link', { name: /^2\.17\s*共情$/ }).click();
  await expect(page).toHaveURL(/\/book\/2\/17\/$/);
  await expect(page.locator('h1')).toHaveText(/2\.17\s*共情/);
  await expect(page.getByRole('navigation', { name: '位置' })).toContainText('第2篇 理念原则篇');

  await page.getByRole('link', { name: /下一篇/ }).click();
  await expect(page).toHaveURL(/\/book\/2\/18\/$/);
  await page.getByRole('link', { name: /上一篇/ }).click();
  await expect(page).toHaveURL(/\/book\/2\/17\/$/);
});

test('the last section of a part leads to the next part', async ({ page }) => {
  await page.goto('/book/1/5/');
  await page.getByRole('link', { name: /下一篇/ }).click();
  await expect(page).toHaveURL(/\/book\/2\/$/);
  await expect(page.locator('h1')).toHaveText(/第2篇\s*理念原则篇/);
});

test('related cases and sections link both ways', async ({ page }) => {
  await page.goto('/book/2/17/');
  const related = page.locator('section[aria-labelledby="related-cases"] .card-list a').first();
  const href = await related.getAttribute('href');
  await related.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator('section[aria-labelledby="related-sections"]')).toContainText('2.17');
});

test('cases walk within their role', async ({ page }) => {
  await page.goto('/cases/01001/');
  await expect(page.getByRole('link', { name: /上一篇/ })).toHaveCount(0);
  await page.getByRole('link', { name: /下一篇/ }).click();
  await expect(page).toHaveURL(/\/cases\/01002\/$/);
  await expect(page.getByRole('navigation', { name: '位置' })).toContainText('大堂经理');
});

test('a tag page lists only cases with that tag', async ({ page }) => {
  await page.goto('/cases/tag/vip/');
  const count = await page.locator('.card-list li').count();
  expect(count).toBeGreaterThan(0);
  await page.locator('.card-list a').first().click();
  await expect(page.getByRole('navigation', { name: '标签' })).toContainText('贵宾客户');
});

test('继续阅读 offers the last section read', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-resume]')).toBeHidden();
  await page.goto('/book/2/17/');
  await page.goto('/');
  const resume = page.getByRole('link', { name: /继续阅读/ });
  await expect(resume).toBeVisible();
  await expect(resume).toHaveAttribute('href', '/book/2/17/');
  await expect(resume).toContainText('2.17 共情');
});
