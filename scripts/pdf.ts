/**
 * Builds the classroom PDFs from the built site into dist/pdf/ (run after astro build):
 * the whole book, one per part, the case library by role, and a trainer pack per role.
 * Each PDF is one HTML document laid out by Paged.js in Chromium (real page numbers in the table of
 * contents, running headers, 第 N 页 / 共 M 页) and printed with bookmarks; fonts are the static
 * Noto Sans SC weights, embedded as TrueType subsets. Then the download links in dist/ get the sizes.
 * Usage: npm run pdf [-- book.pdf part-2.pdf]   (default: all)
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit, EXIT } from 'unist-util-visit';
import type { Element } from 'hast';
import QRCode from 'qrcode';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { assembleDocument } from '../src/lib/pdf/assemble.ts';
import { formatSize, pdfDocuments, type PdfManifest } from '../src/lib/pdf/documents.ts';
import { CONTENT_TYPES, dist, htmlFiles } from './lib/serve-dist.ts';

const root = join(import.meta.dirname, '..');
const out = join(dist, 'pdf');
const started = performance.now();

const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as PdfManifest;
const only = process.argv.slice(2);
const docs = pdfDocuments(manifest).filter((d) => only.length === 0 || only.includes(d.file));

/** The inner HTML of a built page's <article>. */
function articleOf(url: string): string {
  const tree = fromHtml(readFileSync(join(dist, url, 'index.html'), 'utf8'));
  let article: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'article') return undefined;
    article = node;
    return EXIT;
  });
  if (!article) throw new Error(`${url}: the built page has no <article>`);
  return toHtml(article.children);
}

const urls = new Set(docs.flatMap((d) => d.entries.flatMap((e) => (e.url ? [e.url] : []))));
const articles = new Map([...urls].map((u) => [u, articleOf(u)]));
const qrCodes = new Map<string, string>();
for (const u of [manifest.site, ...[...urls].map((u) => manifest.site + u)]) {
  qrCodes.set(u, await QRCode.toString(u, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' }));
}

// Documents are served over loopback: Paged.js fetches stylesheets, which file:// URLs would block.
const ASSETS: Record<string, string> = {
  '/paged.js': join(root, 'node_modules/pagedjs/dist/paged.polyfill.min.js'),
  '/pdf.css': join(root, 'src/styles/pdf.css'),
};
const FONTS = join(root, 'node_modules/@fontsource/noto-sans-sc');
const pages = new Map(
  docs.map((doc) => [
    `/doc/${doc.file}.html`,
    assembleDocument({
      doc,
      site: manifest.site,
      edition: manifest.edition,
      articles,
      qr: (u) => qrCodes.get(u) ?? '',
      styles: ['/fonts/400.css', '/fonts/700.css', '/pdf.css'],
      scripts: ['/paged-config.js', '/paged.js'],
    }),
  ]),
);
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
  const page = pages.get(path);
  if (page) return void res.writeHead(200, { 'content-type': CONTENT_TYPES['.html']! }).end(page);
  if (path === '/paged-config.js') {
    return void res.writeHead(200, { 'content-type': CONTENT_TYPES['.js']! }).end('window.PagedConfig = { after: () => { window.pagedDone = true; } };');
  }
  const file = ASSETS[path] ?? (path.startsWith('/fonts/') ? join(FONTS, path.slice('/fonts/'.length)) : undefined);
  if (!file || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

mkdirSync(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions());
const queue = [...docs];
async function worker(): Promise<void> {
  for (let doc = queue.shift(); doc; doc = queue.shift()) {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`${doc!.file}: ${e.message}`));
    await page.goto(`${origin}/doc/${doc.file}.html`);
    await page.waitForFunction(() => (window as unknown as { pagedDone?: boolean }).pagedDone === true, null, { timeout: 600_000 });
    await page.evaluate(() => document.fonts.ready);
    await page.pdf({ path: join(out, doc.file), preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
    const pageCount = await page.evaluate(() => document.querySelectorAll('.pagedjs_page').length);
    console.log(`${doc.file.padEnd(24)} ${String(pageCount).padStart(4)} pages  ${formatSize(statSync(join(out, doc.file)).size).padStart(8)}`);
    await page.close();
  }
}
await Promise.all([worker(), worker()]);
await browser.close();
server.close();

// Download links in the built pages show each file's size.
const sizes = new Map(readdirSync(out).filter((f) => f.endsWith('.pdf')).map((f) => [f, formatSize(statSync(join(out, f)).size)]));
for (const file of htmlFiles()) {
  const path = join(dist, file);
  const html = readFileSync(path, 'utf8');
  const filled = html.replace(/(<span data-pdf-size="([^"]+)">)[^<]*(<\/span>)/g, (_, open: string, name: string, close: string) => `${open}${sizes.has(name) ? `（PDF，${sizes.get(name)}）` : ''}${close}`);
  if (filled !== html) writeFileSync(path, filled);
}
console.log(`PDFs: ${docs.length} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
