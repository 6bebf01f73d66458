import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfDocuments, type PdfManifest } from '../../src/lib/pdf/documents.ts';

const dir = join(import.meta.dirname, '../../dist/pdf');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as PdfManifest;
const docs = pdfDocuments(manifest);
const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', join(dir, file)))![1]);

test.describe('classroom PDFs', () => {
  // The PDFs are files, not screens: check them once.
  test.beforeEach(({}, info) => test.skip(info.project.name !== 'desktop', 'checked once'));

  test('every PDF exists with a plausible page count', () => {
    for (const doc of docs) {
      expect(existsSync(join(dir, doc.file)), doc.file).toBe(true);
      const pages = pagesOf(doc.file);
      const withText = doc.entries.filter((e) => e.url).length;
      expect(pages, doc.file).toBeGreaterThanOrEqual(2 + Math.ceil(withText / 3));
      expect(pages, doc.file).toBeLessThan(2 + withText * 12);
    }
    expect(pagesOf('book.pdf')).toBeGreaterThan(pagesOf('part-2.pdf'));
  });

  test('every font is embedded and none is Type 3', () => {
    for (const doc of docs) {
      const rows = run('pdffonts', join(dir, doc.file)).trim().split('\n').slice(2);
      expect(rows.length, doc.file).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row, `${doc.file}: ${row}`).not.toMatch(/Type 3/);
        expect(row, `${doc.file}: ${row}`).toMatch(/\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+$/);
      }
    }
  });

  test('bookmarks follow the parts and sections', () => {
    const xml = run('pdftohtml', '-xml', '-i', '-stdout', '-q', join(dir, 'book.pdf'));
    const outline = [...xml.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    const book = docs.find((d) => d.file === 'book.pdf')!;
    for (const entry of book.entries.filter((e) => e.level <= 2)) expect(outline, entry.label).toContain(entry.label);
  });

  test('the page numbers in the table of contents are where the headings are', () => {
    for (const file of ['book.pdf', 'cases.pdf', 'trainer-teller.pdf']) {
      const pages = run('pdftotext', '-layout', join(dir, file), '-').split('\f');
      const doc = docs.find((d) => d.file === file)!;
      const tocLines = pages.slice(1, 6).join('\n').split('\n').map((l) => /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(l)).filter((m) => m !== null);
      let checked = 0;
      for (const entry of doc.entries) {
        const line = tocLines.find((m) => entry.label.startsWith(m[1]!.trim()) && m[1]!.trim().length >= Math.min(6, entry.label.length));
        if (!line) continue;
        const page = Number(line[2]);
        const compact = (s: string) => s.replace(/\s+/g, '');
        expect(compact(pages[page - 1] ?? ''), `${file}: “${entry.label}” listed on page ${page}`).toContain(compact(entry.label).slice(0, 12));
        checked++;
      }
      expect(checked, `${file}: entries checked`).toBeGreaterThan(Math.min(10, doc.entries.length / 2));
    }
  });

  test('a rendered page is not blank', () => {
    const pgm = execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', '4', '-l', '4', join(dir, 'book.pdf')]);
    const header = pgm.subarray(0, 20).toString('latin1').split(/\s+/);
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(pgm.length - width * height);
    const dark = pixels.filter((v) => v < 160).length;
    expect(dark / pixels.length).toBeGreaterThan(0.01);
  });

  test('the whole book stays under 15 MB', () => {
    expect(readFileSync(join(dir, 'book.pdf')).length).toBeLessThan(15 * 1024 * 1024);
  });
});

test('download links show the file size', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: /全书（PDF，[\d.]+ (MB|KB)）/ })).toHaveAttribute('href', '/pdf/book.pdf');
  await page.goto('/book/2/');
  await expect(page.getByRole('link', { name: /第2篇 理念原则篇（PDF，/ })).toHaveAttribute('href', '/pdf/part-2.pdf');
  await page.goto('/cases/');
  await expect(page.getByRole('link', { name: /培训师手册：高柜柜员案例（PDF，/ })).toHaveAttribute('href', '/pdf/trainer-teller.pdf');
  const response = await page.request.get('/pdf/trainer-teller.pdf');
  expect(response.headers()['content-type']).toContain('pdf');
});

test('printing a page from the browser drops the site chrome and fits diagrams', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto('/book/4/1/');
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.pager')).toBeHidden();
  const fits = await page.locator('figure.diagram svg').first().evaluate((svg) => svg.getBoundingClientRect().width <= document.querySelector('main')!.getBoundingClientRect().width + 1);
  expect(fits).toBe(true);
});
