/**
 * Builds the classroom PDFs from a built site (dist/). Each document (lib/pdf/documents.ts) is
 * assembled from the pages' articles (assemble.ts) and printed by Chromium's own page layout
 * (printLayout below: each part printed on its own with the page numbers it has in the whole, then the
 * whole once with its contents filled in from the parts' bookmarks). A document whose input (its HTML,
 * the stylesheet, the fonts, the browser) is unchanged comes from the cache. Any failure throws: the
 * build never ends with some PDFs missing. Then the download links in dist/ get the files' sizes.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { visit, EXIT } from 'unist-util-visit';
import QRCode from 'qrcode';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../chromium.ts';
import { rewriteHtml, seconds } from '../build/dist-files.ts';
import { assembleDocument, entryId } from './assemble.ts';
import { formatSize, pdfDocuments, pdfLayouts, type PdfDocument, type PdfEntry, type PdfLayout, type PdfManifest } from './documents.ts';
import { readOutline, type OutlineItem } from './outline.ts';

export interface PdfBuildOptions {
  /** The built site. */
  dist: string;
  /** The project root (for node_modules and src/styles). */
  root: string;
  /** Ignore the cache. */
  force?: boolean;
  log: (line: string) => void;
}

export interface PdfBuildResult {
  files: { file: string; pages: number; bytes: number }[];
  /** Files printed now (the others came from the cache). */
  printed: string[];
}

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff' };
/** The documents' own policy: no script runs and nothing is fetched from elsewhere, whatever the content says. */
export const PDF_CSP = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
/** Chromium sometimes repeats a heading's text in its bookmark ("标题标题"). */
const cleanTitle = (title: string) => (title.length % 2 === 0 && title.slice(0, title.length / 2) === title.slice(title.length / 2) ? title.slice(0, title.length / 2) : title);

export interface Pagination {
  total: number;
  /** First page of each entry, by its anchor. */
  entries: Record<string, number>;
}

/** Where each entry landed, from the bookmarks of a print (Chromium writes one per heading, in order). */
export function paginate(entries: PdfEntry[], outline: { pageCount: number; items: OutlineItem[] }, what: string): Pagination {
  const items = outline.items.map((i) => ({ ...i, title: cleanTitle(i.title) }));
  const pages: Record<string, number> = {};
  let at = 0;
  for (const entry of entries) {
    const found = items.findIndex((item, i) => i >= at && item.title === entry.label);
    if (found < 0) throw new Error(`${what}: no bookmark for “${entry.label}” (its heading is missing from the print)`);
    pages[entryId(entry)] = items[found]!.page;
    at = found + 1;
  }
  return { total: outline.pageCount, entries: pages };
}

/** The inner HTML of a built page's <article>. */
function articleOf(dist: string, url: string): string {
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

export async function buildPdfs(options: PdfBuildOptions): Promise<PdfBuildResult> {
  const { dist, root, log } = options;
  const out = join(dist, 'pdf');
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as PdfManifest;
  const layouts = pdfLayouts(manifest);
  const documents = pdfDocuments(manifest);
  if (!manifest.site) log('PDFs: no SITE_URL set: these are PREVIEW PDFs, marked 预览版, without QR codes or online links');

  const urls = new Set(layouts.flatMap((l) => l.entries.flatMap((e) => (e.url ? [e.url] : []))));
  const articles = new Map([...urls].map((u) => [u, articleOf(dist, u)]));
  const qrCodes = new Map<string, string>();
  if (manifest.site) {
    for (const u of [manifest.site, ...[...urls].map((u) => manifest.site + u)]) qrCodes.set(u, await QRCode.toString(u, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' }));
  }
  const assemble: LayoutTools['assemble'] = (layout, doc, options = {}) =>
    assembleDocument({
      layout,
      title: doc.subtitle,
      group: doc.group,
      withoutAnswers: doc.withoutAnswers,
      site: manifest.site,
      edition: manifest.edition,
      articles,
      qr: (u) => qrCodes.get(u) ?? '',
      styles: ['/fonts/400.css', '/fonts/700.css', '/pdf.css'],
      csp: PDF_CSP,
      pageNumbers: options.pagination && new Map(Object.entries(options.pagination.entries)),
      firstPage: options.firstPage,
      frontOnly: options.frontOnly,
    });

  const stylesheet = join(root, 'src/styles/pdf.css');
  const fonts = join(root, 'node_modules/@fontsource/noto-sans-sc');
  // What else decides the output: the stylesheet, the fonts, the browser.
  const tools = createHash('sha256').update(readFileSync(stylesheet));
  tools.update(readFileSync(join(fonts, 'package.json')));
  tools.update(readFileSync(join(root, 'node_modules/playwright-core/package.json')));
  const launch = chromiumLaunchOptions();
  if (launch.executablePath) tools.update(`${launch.executablePath}:${statSync(launch.executablePath).size}:${statSync(launch.executablePath).mtimeMs}`);
  const toolsHash = tools.digest('hex');
  const cache = new PdfCache(join(root, 'node_modules/.cache/handbook-pdf'), toolsHash, options.force ?? false);

  // Documents are served over loopback (fonts and the stylesheet load as from a site).
  const served = new Map<string, string>();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    const headers = { 'content-security-policy': PDF_CSP };
    const html = served.get(path);
    if (html) return void res.writeHead(200, { ...headers, 'content-type': CONTENT_TYPES['.html']! }).end(html);
    const file = path === '/pdf.css' ? stylesheet : path.startsWith('/fonts/') ? join(fonts, path.slice('/fonts/'.length)) : undefined;
    if (!file || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { ...headers, 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  let browser: Promise<Browser> | undefined;
  const printer = async (): Promise<Printer> => {
    browser ??= chromium.launch(launch);
    const page = await (await browser).newPage();
    // A big document on a busy machine can take minutes to load and print; a hung print still ends.
    page.setDefaultTimeout(10 * 60_000);
    // Nothing leaves the loopback server, whatever the content says.
    await page.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
    return new Printer(page, origin, served);
  };

  const printed: string[] = [];
  try {
    // One pipeline per layout, side by side.
    await Promise.all(
      layouts.map(async (layout) => {
        let tab: Printer | undefined;
        const use = async () => (tab ??= await printer());
        const started = performance.now();
        const docs = documents.filter((d) => d.layout === layout.id);
        await printLayout(layout, docs, { cache, printed, use, assemble, log: (file) => log(`  ${file} ${seconds(started)}`) });
        if (tab) log(`PDFs: ${layout.id}: ${docs.length} files in ${seconds(started)}`);
        await tab?.close();
      }),
    );
  } finally {
    await (await browser)?.close();
    server.close();
  }

  mkdirSync(out, { recursive: true });
  const files = documents.map((doc) => {
    copyFileSync(cache.pdf(doc), join(out, doc.file));
    return { file: doc.file, pages: cache.pages(doc), bytes: statSync(join(out, doc.file)).size };
  });
  cache.prune();

  const sizes = new Map(files.map((f) => [f.file, formatSize(f.bytes)]));
  rewriteHtml(dist, (html) => html.replace(/(<span data-pdf-size="([^"]+)">)[^<]*(<\/span>)/g, (_, open: string, name: string, close: string) => `${open}${sizes.has(name) ? `（PDF，${sizes.get(name)}）` : ''}${close}`));
  return { files, printed };
}

interface LayoutTools {
  cache: PdfCache;
  printed: string[];
  use: () => Promise<Printer>;
  assemble: (layout: PdfLayout, doc: PdfDocument, options?: { pagination?: Pagination | undefined; firstPage?: number; frontOnly?: boolean }) => string;
  log: (file: string) => void;
}

/**
 * The documents of one layout, each page laid out as few times as its contents' page numbers allow:
 * - when every part (or role) has a document of its own, the cover and contents are printed alone to
 *   learn their length, then each part on its own starting at its page number in the whole (so a part
 *   keeps the whole's numbers), and last the whole once, its contents filled from the parts' bookmarks
 *   (and checked against its own bookmarks);
 * - otherwise (the phrase book) the whole is printed once, its contents without page numbers;
 * - student editions are printed once, numbered on their own.
 * A part's own list of sections, on its title page, has no page numbers: they would need a second print.
 */
async function printLayout(layout: PdfLayout, docs: PdfDocument[], tools: LayoutTools): Promise<void> {
  const { cache, printed, use, assemble, log } = tools;
  const whole = docs.find((d) => !d.group)!;
  const groups = layout.entries.filter((e) => e.level === 1);
  const ranges = groups.map((g) => docs.find((d) => d.group === g.group && !d.withoutAnswers));

  if (ranges.every(Boolean)) {
    const front = await cache.get({ ...whole, file: `${whole.file}.front` }, assemble(layout, whole, { frontOnly: true }), async (html) => (await use()).once(html), printed);
    const entries: Record<string, number> = {};
    let next = front.pages + 1;
    for (const [i, doc] of (ranges as PdfDocument[]).entries()) {
      const members = layout.entries.filter((e) => e.group === groups[i]!.group);
      const part = await cache.get(doc, assemble(layout, doc, { firstPage: next }), async (html) => (await use()).once(html, members), printed);
      for (const [anchor, page] of Object.entries(part.pagination!.entries)) entries[anchor] = next + page - 1;
      next += part.pages;
      log(doc.file);
    }
    const pagination: Pagination = { total: next - 1, entries };
    const printedWhole = await cache.get(whole, assemble(layout, whole, { pagination }), async (html) => (await use()).once(html, layout.entries), printed);
    for (const [anchor, page] of Object.entries(entries)) {
      if (printedWhole.pagination!.entries[anchor] !== page) throw new Error(`${whole.file}: ${anchor} is on page ${printedWhole.pagination!.entries[anchor]} of the whole but on page ${page} when its part is printed alone (a part must lay out as in the whole)`);
    }
  } else {
    // No part has a file of its own (the phrase book): the whole once, its contents without numbers.
    await cache.get(whole, assemble(layout, whole), async (html) => (await use()).once(html), printed);
  }
  log(whole.file);
  for (const doc of docs.filter((d) => d.withoutAnswers)) {
    await cache.get(doc, assemble(layout, doc), async (html) => (await use()).once(html), printed);
    log(doc.file);
  }
}

/** One browser tab that prints documents served on loopback. */
class Printer {
  private readonly page: Page;
  private readonly origin: string;
  private readonly served: Map<string, string>;
  constructor(page: Page, origin: string, served: Map<string, string>) {
    this.page = page;
    this.origin = origin;
    this.served = served;
  }

  /** A document printed once; with entries, where each landed (from the bookmarks). */
  async once(html: string, entries?: PdfEntry[]): Promise<Printed> {
    const pdf = await this.print(html);
    return { pdf, ...(entries ? { pagination: paginate(entries, await readOutline(pdf), 'print') } : {}) };
  }

  /** The PDF of a document; tagged, because Chromium writes bookmarks only into a tagged PDF. */
  private async print(html: string): Promise<Uint8Array> {
    const path = `/doc/${createHash('sha256').update(html).digest('hex').slice(0, 12)}.html`;
    this.served.set(path, html);
    try {
      await this.page.goto(`${this.origin}${path}`, { waitUntil: 'load' });
      await this.page.evaluate(() => document.fonts.ready);
      return await this.page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true });
    } finally {
      this.served.delete(path);
    }
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

interface Printed {
  pdf: Uint8Array;
  pagination?: Pagination;
}

/**
 * Printed PDFs by the hash of their input (the document's HTML and the tools), with their page count
 * and, where asked, where each entry landed.
 */
class PdfCache {
  private readonly files = new Map<string, string>();
  private readonly dir: string;
  private readonly tools: string;
  private readonly force: boolean;
  constructor(dir: string, tools: string, force: boolean) {
    this.dir = dir;
    this.tools = tools;
    this.force = force;
  }

  pdf(doc: PdfDocument): string {
    return this.files.get(doc.file)!;
  }
  pages(doc: PdfDocument): number {
    return (JSON.parse(readFileSync(`${this.pdf(doc)}.json`, 'utf8')) as { pages: number }).pages;
  }

  /** The document printed from this HTML: from the cache, or printed now. */
  async get(doc: PdfDocument, html: string, print: (html: string) => Promise<Printed>, printed: string[]): Promise<{ pages: number; pagination?: Pagination }> {
    const base = join(this.dir, `${doc.file}-${createHash('sha256').update(this.tools).update(html).digest('hex').slice(0, 16)}`);
    this.files.set(doc.file, base);
    if (!this.force && existsSync(base) && existsSync(`${base}.json`)) return JSON.parse(readFileSync(`${base}.json`, 'utf8')) as { pages: number; pagination?: Pagination };
    const { pdf, pagination } = await print(html);
    const result = { pages: (await readOutline(pdf)).pageCount, ...(pagination ? { pagination } : {}) };
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(base, pdf);
    writeFileSync(`${base}.json`, JSON.stringify(result));
    printed.push(doc.file);
    return result;
  }

  /** Removes what this build did not use (older versions of the documents). */
  prune(): void {
    const current = new Set([...this.files.values()].flatMap((base) => [base, `${base}.json`]));
    for (const name of existsSync(this.dir) ? readdirSync(this.dir) : []) {
      if (!current.has(join(this.dir, name))) rmSync(join(this.dir, name), { force: true, recursive: true });
    }
  }
}
