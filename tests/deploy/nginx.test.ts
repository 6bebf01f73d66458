/**
 * deploy/nginx/ on the built site, with real requests to real nginx (Debian's package) on a loopback
 * port: every file's headers, 404, redirects, compression, WeChat's query strings, revalidation; and,
 * in Chromium, that the CSP header lets search, highlighting and the reader script work. Skipped, with
 * a notice, where nginx is not installed. Prints the headers served per file type.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { extname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../src/lib/chromium.ts';
import { ENCODINGS, isPrecompressedCopy } from '../../src/lib/deploy/compress.ts';
import { HEADER_ONLY_DIRECTIVES, pagePolicy, parsePolicy } from '../../src/lib/deploy/csp.ts';
import { cacheControl, HEADERS_FILE, NGINX_HEADERS_FILE, securityHeaders } from '../../src/lib/deploy/headers.ts';
import type { InstantIndex } from '../../src/lib/search/instant.ts';
import { HIGHLIGHT_PARAM } from '../../src/lib/search/fields.ts';
import { searchUrl } from '../../src/lib/site/urls.ts';
import { dist, searchDataPath } from '../../scripts/lib/serve-dist.ts';
import { findNginx, startNginx, type RunningNginx } from './nginx.ts';

/** What nginx must send for each file type (Debian's mime.types, and the Pagefind types of handbook-rules.conf). */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};
/** What browsers send (Chromium, WeChat's WebView). */
const BROWSER = 'gzip, deflate, br';
const WECHAT_QUERY = '?from=singlemessage&isappinstalled=0';

interface Reply {
  status: number;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

function get(origin: string, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers as Record<string, string | undefined>, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(reply: Reply): Buffer {
  const encoding = reply.headers['content-encoding'];
  return encoding === 'br' ? brotliDecompressSync(reply.body) : encoding === 'gzip' ? gunzipSync(reply.body) : reply.body;
}

let served: string[] | undefined;
/** Every file dist/ serves, as URL paths; a page by its address ("/book/2/17/"). */
function servedPaths(): string[] {
  served ??= (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f !== HEADERS_FILE && f !== NGINX_HEADERS_FILE && !isPrecompressedCopy(f) && statSync(join(dist, f)).isFile())
    .map((f) => `/${f}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
  return served;
}

const fileOf = (path: string) => join(dist, path.endsWith('/') ? `${path}index.html` : path);

const nginx = findNginx();
const skip = 'unavailable' in nginx ? `${nginx.unavailable}.` : undefined;
if (skip) console.log(`deploy test SKIPPED: ${skip}`);

describe('nginx with deploy/nginx/handbook.conf serves dist/', { skip }, () => {
  let server: RunningNginx;
  let origin: string;
  const homePolicy = () => pagePolicy(readFileSync(join(dist, 'index.html'), 'utf8'))!;

  before(async () => {
    assert.ok(existsSync(join(dist, NGINX_HEADERS_FILE)), `dist/${NGINX_HEADERS_FILE} is missing: run npm run build first`);
    assert.ok('path' in nginx);
    server = await startNginx(nginx.path, dist);
    origin = server.origin;
    if (!server.brotli) console.log('deploy test: the Brotli module (libnginx-mod-http-brotli-static) is not installed: .br copies are not served, Brotli checks skipped');
  });
  after(async () => server?.stop());

  test('every file: its Cache-Control, Content-Type, security headers and precompressed copy', async () => {
    const security = securityHeaders(homePolicy());
    const problems: string[] = [];
    const paths = servedPaths();
    const check = async (path: string) => {
      const file = fileOf(path);
      const reply = await get(origin, path, { 'accept-encoding': BROWSER });
      const want = (name: string, expected: string | undefined) => {
        if (reply.headers[name] !== expected) problems.push(`${path}: ${name} is ${JSON.stringify(reply.headers[name])}, expected ${JSON.stringify(expected)}`);
      };
      if (reply.status !== 200) return void problems.push(`${path}: status ${reply.status}`);
      want('cache-control', cacheControl(path.endsWith('/') ? `${path}index.html` : path));
      const type = CONTENT_TYPES[extname(file)];
      if (!type) problems.push(`${path}: no expected Content-Type for ${extname(file)} files; add it to CONTENT_TYPES in tests/deploy/nginx.test.ts (and to handbook-rules.conf if nginx's mime.types lacks it)`);
      else want('content-type', type);
      for (const [name, value] of security) want(name.toLowerCase(), value);
      const encoding = server.brotli && existsSync(file + ENCODINGS.br) ? 'br' : existsSync(file + ENCODINGS.gzip) ? 'gzip' : undefined;
      want('content-encoding', encoding);
      if (encoding) want('vary', 'Accept-Encoding');
      if (!decoded(reply).equals(readFileSync(file))) problems.push(`${path}: the body (${encoding ?? 'identity'}) is not the file`);
      if (extname(file) === '.html') {
        // The header and the page's meta tag are enforced together: the same policy, plus frame-ancestors.
        const header = parsePolicy(reply.headers['content-security-policy'] ?? '');
        for (const name of Object.keys(HEADER_ONLY_DIRECTIVES)) header.delete(name);
        assert.deepEqual(header, parsePolicy(pagePolicy(readFileSync(file, 'utf8'))!), `${path}: the CSP header differs from the page's meta tag`);
      }
    };
    for (let i = 0; i < paths.length; i += 16) await Promise.all(paths.slice(i, i + 16).map(check));
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems in ${paths.length} files`);
    assert.ok(paths.some((p) => p.startsWith('/pagefind/fragment/')), 'dist/ has no Pagefind fragments: was the build complete?');
  });

  test('each encoding is sent only to browsers that accept it; Pagefind’s gzip data never gets a Content-Encoding', async () => {
    const samples = ['/', '/_astro/', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/favicon.svg'].map((prefix) => servedPaths().find((p) => p.startsWith(prefix) && existsSync(fileOf(p) + ENCODINGS.gzip))!);
    for (const path of samples) {
      const file = readFileSync(fileOf(path));
      const gzip = await get(origin, path, { 'accept-encoding': 'gzip' });
      assert.equal(gzip.headers['content-encoding'], 'gzip', path);
      assert.ok(decoded(gzip).equals(file), path);
      if (server.brotli) assert.equal((await get(origin, path, { 'accept-encoding': 'br' })).headers['content-encoding'], 'br', path);
      const plain = await get(origin, path);
      assert.equal(plain.headers['content-encoding'], undefined, path);
      assert.equal(plain.headers.vary, 'Accept-Encoding', `${path}: caches must keep the encodings apart`);
      assert.ok(plain.body.equals(file), path);
    }
    for (const path of servedPaths().filter((p) => /\.(pf_\w+|pagefind)$/.test(p)).slice(0, 5)) {
      const reply = await get(origin, path, { 'accept-encoding': BROWSER });
      assert.equal(reply.headers['content-encoding'], undefined, path);
      assert.ok(reply.body.equals(readFileSync(fileOf(path))), path);
    }
  });

  test('an unknown path gets the 404 page with status 404, its headers, and no cache', async () => {
    const page = readFileSync(join(dist, '404.html'));
    for (const path of ['/no-such-page/', '/book/no-such-page/', '/_astro/gone.css', `/${HEADERS_FILE}`, `/${NGINX_HEADERS_FILE}`]) {
      const reply = await get(origin, path, { 'accept-encoding': BROWSER });
      assert.equal(reply.status, 404, path);
      assert.ok(decoded(reply).equals(page), `${path}: the body is not dist/404.html`);
      assert.equal(reply.headers['content-type'], CONTENT_TYPES['.html'], path);
      assert.equal(reply.headers['cache-control'], 'no-cache', path);
      assert.match(reply.headers['content-security-policy'] ?? '', /frame-ancestors 'none'/, path);
    }
  });

  test('a page without its trailing slash redirects to it on the host the reader used, keeping the query', async () => {
    const page = servedPaths().find((p) => /^\/\w+\/\w+\/$/.test(p))!;
    const bare = page.slice(0, -1);
    for (const [query, host] of [['', undefined], [WECHAT_QUERY, 'handbook.example.com']] as const) {
      const reply = await get(origin, bare + query, host ? { host, 'x-forwarded-proto': 'https' } : {});
      assert.equal(reply.status, 301, bare + query);
      // Relative: behind a proxy that terminates HTTPS, an absolute Location would name nginx's own scheme and port.
      assert.equal(reply.headers.location, page + query, bare + query);
    }
  });

  test('WeChat’s query strings change nothing; unchanged files revalidate with 304; PDFs resume with ranges', async () => {
    const page = servedPaths().find((p) => /^\/\w+\/\w+\/$/.test(p))!;
    const plain = await get(origin, page, { 'accept-encoding': BROWSER });
    const wechat = await get(origin, page + WECHAT_QUERY, { 'accept-encoding': BROWSER });
    assert.equal(wechat.status, 200);
    assert.ok(wechat.body.equals(plain.body));
    for (const name of ['content-type', 'cache-control', 'etag', 'content-security-policy']) assert.equal(wechat.headers[name], plain.headers[name], name);

    for (const path of [page, '/pagefind/pagefind.js', servedPaths().find((p) => p.startsWith('/_astro/'))!]) {
      const first = await get(origin, path, { 'accept-encoding': BROWSER });
      assert.ok(first.headers.etag, `${path}: no ETag to revalidate with`);
      const again = await get(origin, path, { 'accept-encoding': BROWSER, 'if-none-match': first.headers.etag! });
      assert.equal(again.status, 304, path);
      assert.equal(again.headers['cache-control'], first.headers['cache-control'], path);
    }

    const pdf = servedPaths().find((p) => p.endsWith('.pdf'));
    if (pdf) {
      const part = await get(origin, pdf, { range: 'bytes=100-199' });
      assert.equal(part.status, 206, pdf);
      assert.ok(part.body.equals(readFileSync(fileOf(pdf)).subarray(100, 200)), pdf);
    }
  });

  test('in Chromium, the CSP header lets search, highlighting and the reader script work, and forbids framing', async () => {
    const { docs } = JSON.parse(readFileSync(searchDataPath('index'), 'utf8')) as InstantIndex;
    const doc = docs.find((d) => d.url.startsWith('/book/') && d.headings.length > 0) ?? docs.find((d) => d.headings.length > 0);
    assert.ok(doc, 'the instant index has no page with headings to search for');
    const words = doc.headings[0]!.text;

    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
      const served: string[] = [];
      page.on('response', (r) => r.status() === 200 && served.push(new URL(r.url()).pathname));
      /** Waits for what the page should do; a failure names it, with the browser's CSP messages. */
      const expectThat = async (what: string, done: Promise<unknown>) => {
        try {
          await done;
        } catch (error) {
          throw new Error(`${what}: not under nginx's headers (${String(error).split('\n')[0]})\nCSP messages: ${violations.join('\n') || 'none'}`);
        }
      };
      const timeout = 20_000;

      // Search: the instant index, then Pagefind's WebAssembly and index chunks, then results.
      const response = await page.goto(`${origin}${searchUrl}?q=${encodeURIComponent(words)}`);
      assert.match(response!.headers()['content-security-policy'] ?? '', /frame-ancestors 'none'/);
      await expectThat('Pagefind loads', page.locator('[data-search-form][data-full-text]').waitFor({ state: 'attached', timeout }));
      await expectThat(`the search for “${words}” finishes`, page.locator('[data-search-results][data-state="done"]').waitFor({ state: 'attached', timeout }));
      assert.ok((await page.locator('[data-search-results] > li').count()) > 0, `no results for “${words}”`);
      assert.ok(served.some((p) => p.endsWith('.pf_fragment')) && served.some((p) => p.endsWith('.pagefind')), `Pagefind did not load its files: ${served.join(' ')}`);

      // Highlighting, on the page a result leads to; then the reader script's font size button.
      await page.goto(`${origin}${doc.url}?${HIGHLIGHT_PARAM}=${encodeURIComponent(words)}`);
      await expectThat(`the page marks “${words}”`, page.locator('main article mark').first().waitFor({ timeout }));
      const before = await page.evaluate(() => document.documentElement.dataset.font ?? '');
      await page.locator('[data-font-step="1"]').click();
      await expectThat('the font size button works', page.waitForFunction((was) => (document.documentElement.dataset.font ?? '') !== was, before, { timeout }));
      assert.deepEqual(violations, []);

      // Framed by another site (another port is another origin): refused by frame-ancestors 'none'.
      const framing = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<iframe src="${origin}/"></iframe>`));
      await new Promise<void>((resolve) => framing.listen(0, '127.0.0.1', resolve));
      try {
        const refused = page.waitForEvent('console', { timeout, predicate: (m) => m.text().includes(`Framing '${origin}/' violates the following Content Security Policy directive: "frame-ancestors 'none'"`) });
        await page.goto(`http://127.0.0.1:${(framing.address() as { port: number }).port}/`);
        await expectThat('another site cannot frame the handbook', refused);
      } finally {
        framing.close();
      }
    } finally {
      await browser.close();
    }
  });

  test('prints the headers served per file type', async () => {
    const samples: [string, string | undefined][] = [
      ['page (HTML)', servedPaths().find((p) => /^\/\w+\/\w+\/$/.test(p))],
      ['404 page', '/no-such-page/'],
      ['CSS (_astro)', servedPaths().find((p) => p.startsWith('/_astro/') && p.endsWith('.css'))],
      ['JS (_astro)', servedPaths().find((p) => p.startsWith('/_astro/') && p.endsWith('.js'))],
      ['instant index', `/${searchDataPath('index').slice(dist.length + 1)}`],
      ['everyday words', `/${searchDataPath('everyday').slice(dist.length + 1)}`],
      ['pagefind.js', '/pagefind/pagefind.js'],
      ['pagefind-entry.json', '/pagefind/pagefind-entry.json'],
      ['Pagefind wasm', servedPaths().find((p) => p.endsWith('.pagefind'))],
      ['Pagefind .pf_meta', servedPaths().find((p) => p.endsWith('.pf_meta'))],
      ['Pagefind index', servedPaths().find((p) => p.endsWith('.pf_index'))],
      ['Pagefind fragment', servedPaths().find((p) => p.endsWith('.pf_fragment'))],
      ['Pagefind filter', servedPaths().find((p) => p.endsWith('.pf_filter'))],
      ['PDF', servedPaths().find((p) => p.endsWith('.pdf'))],
      ['PNG', servedPaths().find((p) => p.endsWith('.png'))],
      ['SVG', servedPaths().find((p) => p.endsWith('.svg'))],
    ];
    const lines = [`headers served by nginx (Accept-Encoding: ${BROWSER})`, '| file type | example | status | Content-Type | Content-Encoding | Cache-Control | Vary |', '|---|---|---|---|---|---|---|'];
    let last: Reply | undefined;
    for (const [kind, path] of samples) {
      if (!path) continue;
      last = await get(origin, path, { 'accept-encoding': BROWSER });
      const h = last.headers;
      lines.push(`| ${kind} | ${path.length > 40 ? `${path.slice(0, 37)}…` : path} | ${last.status} | ${h['content-type']} | ${h['content-encoding'] ?? '—'} | ${h['cache-control']} | ${h.vary ?? '—'} |`);
    }
    lines.push('every response, 404 included, also carries:');
    for (const [name] of securityHeaders(homePolicy())) lines.push(`  ${name}: ${last!.headers[name.toLowerCase()]}`);
    console.log(lines.join('\n'));
  });
});
