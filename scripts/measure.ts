/**
 * Prints the figures the engine is judged by (a benchmark, not a test):
 *   - cold build time per step (no dist/, no Astro cache, no diagram cache), with --cold;
 *   - first-load transfer, gzip-compressed, of the home page, a section and a case, split into
 *     HTML / CSS / JS / other, as loaded by Chromium at phone size.
 * Usage: npm run measure            (uses the existing dist/)
 *        npm run measure -- --cold  (rebuilds from nothing first)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { fileFor, serveDist } from './lib/serve-dist.ts';

const PAGES = { home: '/', section: '/book/2/17/', case: '/cases/01001/' };

if (process.argv.includes('--cold')) {
  for (const dir of ['dist', '.astro', 'node_modules/.cache/handbook-mermaid', 'node_modules/.astro']) rmSync(dir, { recursive: true, force: true });
  // The same steps as npm run build, timed one by one.
  const steps: [string, string[]][] = [
    ['astro build', ['astro', 'build']],
    ['pagefind', ['pagefind', '--site', 'dist']],
    ['instant index', ['node', 'scripts/instant-index.ts']],
    ['PDFs', ['node', 'scripts/pdf.ts']],
  ];
  let total = 0;
  for (const [name, [cmd, ...args]] of steps) {
    const started = performance.now();
    const step = spawnSync(cmd!, args, { stdio: 'ignore' });
    if (step.status !== 0) throw new Error(`${name} failed: run npm run build to see why`);
    const seconds = (performance.now() - started) / 1000;
    total += seconds;
    console.log(`cold ${name}: ${seconds.toFixed(1)} s`);
  }
  console.log(`cold build in all (npm run build): ${total.toFixed(1)} s`);
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
  await page.goto(origin + path, { waitUntil: 'networkidle' });
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
