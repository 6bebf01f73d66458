/**
 * Performance budget (a benchmark that prints figures, not a test): Lighthouse's mobile preset on
 * the home page, a section, a case and the search page, served from dist/ with gzip.
 * Goals: every score ≥ 98. Usage: npm run build && npm run lighthouse
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { serveDist } from './lib/serve-dist.ts';

const PAGES = { home: '/', section: '/book/2/17/', case: '/cases/01001/', search: '/search/' };
const { origin, server } = await serveDist();
const { executablePath, args } = chromiumLaunchOptions();
const chrome = await chromeLauncher.launch({ ...(executablePath ? { chromePath: executablePath } : {}), chromeFlags: ['--headless=new', ...args] });

console.log('page'.padEnd(9), 'perf', 'a11y', 'best', ' seo', '  LCP ms', '   CLS', ' TBT ms');
for (const [name, path] of Object.entries(PAGES)) {
  const result = await lighthouse(origin + path, { port: chrome.port, output: 'json', logLevel: 'error' });
  const { categories, audits } = result!.lhr;
  const score = (id: string) => String(Math.round((categories[id]?.score ?? 0) * 100)).padStart(4);
  console.log(
    name.padEnd(9),
    score('performance'),
    score('accessibility'),
    score('best-practices'),
    score('seo'),
    String(Math.round(audits['largest-contentful-paint']!.numericValue!)).padStart(8),
    audits['cumulative-layout-shift']!.numericValue!.toFixed(3).padStart(6),
    String(Math.round(audits['total-blocking-time']!.numericValue!)).padStart(7),
  );
}
chrome.kill();
server.close();
