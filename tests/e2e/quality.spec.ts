import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PAGE_TYPES } from './site.ts';

/** Every page type, plus the 404 page. */
const PAGES = { ...PAGE_TYPES, notFound: '/no-such-page/' };

/** Records CSP violations the browser reports, from the first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)), ...console];
}

test('the Content-Security-Policy allows no inline script and is never violated', async ({ page }) => {
  test.setTimeout(120_000); // every page type, then a search
  const violations = await watchCsp(page);
  const found: string[] = [];
  for (const [name, path] of Object.entries(PAGES)) {
    await page.goto(path);
    await page.waitForLoadState('load');
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp, name).toMatch(/script-src 'self'/);
    expect(csp!.match(/script-src[^;]*/)![0], name).not.toContain("'unsafe-inline'");
    found.push(...(await violations()).map((v) => `${name}: ${v}`));
  }
  // Search runs Pagefind (WebAssembly, dynamic script): exercise it too.
  await page.goto('/search/?q=共情');
  await expect(page.locator('.search-results a').first()).toBeVisible();
  found.push(...(await violations()).map((v) => `search results: ${v}`));
  await page.locator('.reader-controls').getByRole('button', { name: '放大字号' }).click();
  found.push(...(await violations()));
  expect(found).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`accessibility, ${scheme}`, () => {
    test.use({ colorScheme: scheme });

    test('no serious or critical axe violations, headings in order, on every page type', async ({ page }, info) => {
      test.skip(info.project.name !== 'phone', 'checked at phone size (390×844)');
      test.setTimeout(240_000); // sixteen pages, each analysed by axe
      const problems: string[] = [];
      for (const [name, path] of Object.entries(PAGES)) {
        await page.goto(path);
        await page.waitForLoadState('load');
        const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical' || v.id === 'heading-order') {
            problems.push(`${name} (${path}): ${v.id} [${v.impact}] ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });
}

test('a section page loads at most 5 KB of JavaScript (gzip) before search opens', async ({ page }, info) => {
  test.skip(info.project.name !== 'phone', 'measured once');
  const { gzipSync } = await import('node:zlib');
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body());
  });
  await page.goto(PAGE_TYPES.section);
  await page.waitForLoadState('load');
  const scripts = await Promise.all(bodies);
  const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).map((s) => s.textContent ?? '').join('\n'));
  const bytes = scripts.reduce((n, b) => n + gzipSync(b).length, 0) + gzipSync(inline).length;
  expect(bytes).toBeLessThanOrEqual(5 * 1024);
});
