/**
 * Prints the figures the build is judged by (a benchmark, not a test):
 *   - the build, as `npm run build` runs it, with the time of each step (the Astro pages, the search
 *     index, the PDFs, the images), cold (no dist/, no caches) with --cold, and then warm (nothing changed);
 *   - first-load transfer, gzip-compressed, of the home page, a section and a case, split into
 *     HTML / CSS / JS / other, as loaded by Chromium at phone size.
 * Usage: npm run measure            (uses the existing dist/)
 *        npm run measure -- --cold  (builds from nothing, then once more with everything cached)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { fileFor, serveDist } from './lib/serve-dist.ts';

const PAGES = { home: '/', section: '/book/2/17/', case: '/cases/01001/' };
/** Everything a build reuses: removed for a cold build. */
const CACHES = ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache'];

/** Runs the build and prints each step's time, as the build's own log reports it. */
function build(label: string): void {
  const started = performance.now();
  const run = spawnSync('astro', ['build'], { encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${label} build failed: run npm run build to see why\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`);
  const log = run.stdout;
  const pages = /\[build\] (\d+) page\(s\) built in ([\d.]+m )?([\d.]+)s/.exec(log);
  console.log(`\n${label} build: ${seconds.toFixed(1)} s in all (npm run build)`);
  if (pages) console.log(`  Astro pages and content check: ${pages[1]} pages; whole Astro run ${pages[2] ?? ''}${pages[3]}s (includes the steps below)`);
  for (const line of log.split('\n').filter((l) => /\] step /.test(l))) console.log(`  ${line.replace(/^.*?\] step /, '')}`);
}

if (process.argv.includes('--cold')) {
  for (const dir of CACHES) rmSync(dir, { recursive: true, force: true });
  build('cold');
  build('warm');
}

const { origin, server } = await serveDist();
const browser = await chromium.launch(chromiumLaunchOptions());
const kindOf = (path: string) => {
  const ext = extname(fileFor(path));
  return ext === '.html' ? 'html' : ext === '.css' ? 'css' : ext === '.js' ? 'js' : 'other';
};
console.log('\nfirst load, gzip bytes (what a phone downloads on a first visit):');
console.log('page'.padEnd(10), 'html'.padStart(7), 'css'.padStart(7), 'js'.padStart(7), 'other'.padStart(7), 'total'.padStart(8));
for (const [name, path] of Object.entries(PAGES)) {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const loaded = new Set<string>();
  page.on('request', (r) => loaded.add(new URL(r.url()).pathname));
  await page.goto(origin + path);
  await page.waitForLoadState('load');
  await page.close();
  const sizes = { html: 0, css: 0, js: 0, other: 0 };
  for (const p of loaded) {
    const body = readFileSync(fileFor(p));
    if (kindOf(p) !== 'html') {
      sizes[kindOf(p)] += gzipSync(body).length;
      continue;
    }
    // Astro inlines small scripts: count them as JS, the rest of the page as HTML.
    const scripts = [...body.toString().matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
    sizes.js += scripts ? gzipSync(scripts).length : 0;
    sizes.html += gzipSync(body.toString().replace(/<script[^>]*>[\s\S]*?<\/script>/g, '')).length;
  }
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(name.padEnd(10), ...Object.values(sizes).map((n) => String(n).padStart(7)), String(total).padStart(8));
}
await browser.close();
server.close();
