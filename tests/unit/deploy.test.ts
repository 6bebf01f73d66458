import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompressionCache, compress, isCompressible } from '../../src/lib/deploy/compress.ts';
import { hashesAllow, headerPolicy, pagePolicy, scriptHash, scriptHashes, sharedPolicy } from '../../src/lib/deploy/csp.ts';
import { CACHE_IMMUTABLE, CACHE_REVALIDATE, cacheControl, cacheRules, headersFile, nginxHeaders, securityHeaders } from '../../src/lib/deploy/headers.ts';
import { pageSecurityProblems } from '../../src/lib/deploy/page-security.ts';
import { everydayWordsUrl, instantIndexUrl } from '../../src/lib/site/urls.ts';

const THEME = "document.documentElement.dataset.theme='dark'";
const POLICY = `default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' '${scriptHash(THEME)}'; style-src 'self' 'unsafe-inline' ;`;
const page = (head = '', body = '') =>
  `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${POLICY}"><script>${THEME}</script>${head}</head><body>${body}</body></html>`;

test('the policy is read from the meta tag, and the header adds frame-ancestors in the same order', () => {
  assert.equal(pagePolicy(page()), POLICY);
  assert.equal(pagePolicy('<meta content="default-src &#39;self&#39;" http-equiv="Content-Security-Policy">'), "default-src 'self'");
  assert.equal(pagePolicy('<meta charset="utf-8">'), undefined);
  assert.equal(
    headerPolicy(POLICY),
    `default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' '${scriptHash(THEME)}'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'`,
  );
  assert.deepEqual([...scriptHashes(POLICY)], [scriptHash(THEME)]);
  assert.ok(hashesAllow(scriptHashes(POLICY), THEME));
  assert.ok(!hashesAllow(scriptHashes(POLICY), `${THEME};`));
});

test('every page must carry the same policy: a page that differs, or has none, is named', () => {
  const same = [{ file: 'dist/index.html', html: page() }, { file: 'dist/404.html', html: page().replace(';img-src', '; img-src') }];
  assert.equal(sharedPolicy(same), POLICY);
  assert.throws(() => sharedPolicy([...same, { file: 'dist/book/2/17/index.html', html: page().replace("'wasm-unsafe-eval'", "'unsafe-eval'") }]), /dist\/book\/2\/17\/index\.html has a different Content-Security-Policy from dist\/index\.html/);
  assert.throws(() => sharedPolicy([...same, { file: 'dist/x/index.html', html: '<p>no policy</p>' }]), /dist\/x\/index\.html has no <meta http-equiv="content-security-policy">/);
  assert.throws(() => sharedPolicy([]), /no HTML page/);
});

test('content-hashed files are cached for good; pages, Pagefind entry files, PDFs and images are revalidated', () => {
  const immutable = ['/_astro/Base.DD8mDcfZ.css', '/pagefind/index/zh-cn_17c9723.pf_index', '/pagefind/fragment/zh-cn_1.pf_fragment', '/pagefind/filter/zh-cn_2.pf_filter', '/pagefind/pagefind.zh-cn_780dfcfd7af9c.pf_meta', instantIndexUrl('18d0cce792'), everydayWordsUrl('dbde4e4bef')];
  const revalidate = ['/index.html', '/book/2/17/index.html', '/404.html', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.unknown.pagefind', '/pdf/book.pdf', '/og.png', '/favicon.svg', '/search/index.html', instantIndexUrl('not-hex'), everydayWordsUrl('not-hex'), '/search/other.18d0cce792.json', '/pagefind/index/deeper/x.pf_index'];
  for (const path of immutable) assert.equal(cacheControl(path), CACHE_IMMUTABLE, path);
  for (const path of revalidate) assert.equal(cacheControl(path), CACHE_REVALIDATE, path);
});

test('_headers: security headers on every path, and exactly one Cache-Control rule per file', () => {
  const paths = ['/index.html', '/404.html', '/_astro/a.1.css', '/_astro/b.2.js', '/book/index.html', '/book/2/17/index.html', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/pagefind.zh_1.pf_meta', '/pagefind/index/zh_1.pf_index', '/search/index.html', instantIndexUrl('abc123')];
  const rules = cacheRules(paths);
  assert.deepEqual(rules, [
    ['/404.html', CACHE_REVALIDATE],
    ['/', CACHE_REVALIDATE],
    ['/index.html', CACHE_REVALIDATE],
    ['/_astro/*', CACHE_IMMUTABLE],
    ['/book/*', CACHE_REVALIDATE],
    ['/pagefind/pagefind-entry.json', CACHE_REVALIDATE],
    ['/pagefind/pagefind.js', CACHE_REVALIDATE],
    ['/pagefind/pagefind.zh_1.pf_meta', CACHE_IMMUTABLE],
    ['/pagefind/index/*', CACHE_IMMUTABLE],
    ['/search/', CACHE_REVALIDATE],
    ['/search/index.html', CACHE_REVALIDATE],
    [instantIndexUrl('abc123'), CACHE_IMMUTABLE],
  ]);
  // Hosts join the values of every matching rule: each file and page URL must match exactly one.
  const matches = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
  for (const path of [...paths, '/', '/book/2/17/', '/search/']) {
    const matching = rules.filter(([pattern]) => matches(pattern, path));
    assert.equal(matching.length, 1, `${path}: ${matching.map(([p]) => p).join(', ')}`);
    assert.equal(matching[0]![1], cacheControl(path.endsWith('/') ? `${path}index.html` : path), path);
  }
  const file = headersFile(paths, securityHeaders(POLICY));
  assert.match(file, /^\/\*\n {2}Content-Security-Policy: default-src 'self'; .*frame-ancestors 'none'\n {2}X-Content-Type-Options: nosniff\n/m);
  assert.match(file, /^\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
  assert.throws(() => headersFile(paths, [['Content-Security-Policy', `default-src 'self' ${'x'.repeat(2000)}`]]), /more than the 2000 Cloudflare Pages reads/);
  assert.throws(() => headersFile(Array.from({ length: 120 }, (_, i) => (i % 2 ? `/d${i}/a.html` : `/_astro/${i}.js`)).concat(Array.from({ length: 120 }, (_, i) => `/${i}.html`)), []), /rules, more than the 100/);
});

test('the nginx include sends every security header, always (404s too), and refuses what nginx cannot quote', () => {
  const include = nginxHeaders(securityHeaders(POLICY));
  assert.match(include, /^add_header Content-Security-Policy "default-src 'self'; .*; frame-ancestors 'none'" always;$/m);
  assert.match(include, /^add_header X-Content-Type-Options "nosniff" always;$/m);
  assert.match(include, /^add_header Referrer-Policy "same-origin" always;$/m);
  assert.throws(() => nginxHeaders([['Content-Security-Policy', "script-src 'self' $x"]]), /cannot quote/);
});

test('text files get gzip and Brotli copies that decompress to the file, cached by content', async () => {
  const text = Buffer.from('<p>投诉处理之道与术</p>\n'.repeat(200));
  const copies = await compress(text);
  assert.deepEqual(gunzipSync(copies.gzip), text);
  assert.deepEqual(brotliDecompressSync(copies.br), text);
  assert.ok(copies.br.length < copies.gzip.length);

  const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
  try {
    const first = new CompressionCache(dir);
    assert.deepEqual(await first.get(text), copies);
    await first.get(Buffer.from('old page'));
    assert.equal(first.hits, 0);
    const second = new CompressionCache(dir);
    assert.deepEqual(await second.get(text), copies);
    assert.equal(second.hits, 1);
    second.prune(); // the old page was not asked for this time
    assert.equal(readdirSync(dir).length, 2);
  } finally {
    rmSync(dir, { recursive: true });
  }
  assert.ok(isCompressible('/a/index.html') && isCompressible('/pagefind/pagefind.js') && isCompressible('/x.svg'));
  for (const path of ['/pagefind/index/a.pf_index', '/pagefind/wasm.unknown.pagefind', '/pdf/book.pdf', '/og.png', '/index.html.gz']) assert.ok(!isCompressible(path), path);
});

/** Each problem as "<tag …> problem". */
const problemsOf = (body: string, head = '') =>
  pageSecurityProblems(fromHtml(page(head, body)), { scriptHashes: scriptHashes(POLICY), origin: 'https://handbook.example.cn' }).map((p) => `${p.element} ${p.problem}`);

test('a clean page passes: hashed inline script, same-site resources, links to other sites, data: images', () => {
  const body = [
    '<script type="module" src="/_astro/reader.js"></script>',
    '<script type="application/json">{"not":"run"}</script>',
    '<link rel="canonical" href="https://handbook.example.cn/book/2/17/">',
    '<a href="https://www.nfra.gov.cn/">监管</a><a href="#top">top</a><a href="/book/2/17/?highlight=共情">x</a>',
    '<img src="/og.png" alt=""><img src="data:image/png;base64,AAAA" alt=""><img srcset="/a.png 1x, /b.png 2x" alt="">',
    '<svg><use href="#arrow"></use><path style="marker-end:url(#arrow)"></path></svg>',
    '<form action="/search/"></form><p style="color:red">styled</p>',
  ].join('');
  assert.deepEqual(problemsOf(body), []);
});

test('every planted attack is reported with its element', () => {
  const attacks: [head: string, body: string, expected: RegExp][] = [
    ['', '<script>alert(1)</script>', /^<script> inline script whose hash \(sha256-\S+\) is not in the Content-Security-Policy/],
    ['', '<script type="module">import("x")</script>', /^<script type="module"> inline script whose hash/],
    ['', '<img src="/x.png" onerror="alert(1)" alt="">', /^<img .*onerror="alert\(1\)".*> event-handler attribute onerror/],
    ['', '<img src="https://evil.example/t.gif" alt="">', /^<img .*> <img src> loads "https:\/\/evil.example\/t.gif" from another origin \(https:\/\/evil.example\)/],
    ['', '<img srcset="/ok.png 1x, //evil.example/t.png 2x" alt="">', /<img srcset> loads "\/\/evil.example\/t.png" from another origin/],
    ['', '<iframe src="https://evil.example/"></iframe>', /^<iframe .*> <iframe src> loads "https:\/\/evil.example\/"/],
    ['', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', /^<iframe .*> srcdoc: a page inside the page/],
    ['', '<object data="https://evil.example/x.swf"></object>', /<object data> loads "https:\/\/evil.example\/x.swf"/],
    ['', '<script src="data:text/javascript,alert(1)"></script>', /<script src> loads "data:text\/javascript,alert\(1\)" from a data: URL/],
    ['', '<video poster="http://evil.example/p.jpg"></video>', /<video poster> loads "http:\/\/evil.example\/p.jpg"/],
    ['', '<svg><image href="https://evil.example/x.svg"></image></svg>', /<image href> loads "https:\/\/evil.example\/x.svg"/],
    ['', '<p style="background:url(https://evil.example/b.png)">x</p>', /a style attribute loads "https:\/\/evil.example\/b.png"/],
    ['', '<style>@import "https://evil.example/a.css";</style>', /<style> loads "https:\/\/evil.example\/a.css"/],
    ['', '<form action="https://evil.example/steal"></form>', /<form action> loads "https:\/\/evil.example\/steal"/],
    ['', '<a href="javascript:alert(1)">x</a>', /^<a href="javascript:alert\(1\)"> javascript: URL in href$/],
    ['', '<a href="  java\tscript:alert(1)">x</a>', /javascript: URL in href$/],
    ['', '<base href="https://evil.example/">', /^<base .*> <base> changes where every relative link of the page points$/],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', '', /^<meta .*> meta refresh: sends readers to another address/],
    ['<link rel="stylesheet" href="https://cdn.example/x.css">', '', /<link href> loads "https:\/\/cdn.example\/x.css" from another origin/],
  ];
  for (const [head, body, expected] of attacks) {
    const problems = problemsOf(body, head);
    assert.equal(problems.length, 1, `${head}${body}: ${problems.join(' | ')}`);
    assert.match(problems[0]!, expected);
  }
  // The site's own public origin counts as the site.
  assert.deepEqual(problemsOf('<img src="https://handbook.example.cn/og.png" alt="">'), []);
});

test('problems carry the line of the page they are on', () => {
  const [problem] = pageSecurityProblems(fromHtml('<!doctype html>\n<p>a</p>\n<script>alert(1)</script>'), { scriptHashes: new Set() });
  assert.equal(problem!.line, 3);
  assert.equal(problem!.element, '<script>');
});
