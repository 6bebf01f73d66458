/**
 * Checks the built site in dist/: every same-site link and #anchor resolves.
 * Run by the test command after the build; exits 1 listing page and link for each problem.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkLinks } from '../src/lib/checks/links.ts';
import { dist, htmlFiles } from './lib/serve-dist.ts';

const origin = 'http://site.invalid';
const pages = htmlFiles().map((f) => ({
  path: `/${f.replace(/(^|\/)index\.html$/, '$1')}`,
  html: readFileSync(join(dist, f), 'utf8'),
}));
if (pages.length === 0) {
  console.error('Link check: dist/ has no pages. Run npm run build first.');
  process.exit(1);
}
const problems = checkLinks(pages, (path) => {
  const file = join(dist, decodeURIComponent(path));
  return existsSync(file) && statSync(file).isFile();
}, origin);

if (problems.length > 0) {
  console.error(`Link check failed: ${problems.length} broken link(s) in dist/\n`);
  for (const p of problems) console.error(`${p.page}  ${p.link}\n    ${p.reason}`);
  process.exit(1);
}
console.log(`link check: ${pages.length} pages, every same-site link and anchor resolves`);
