/**
 * Every page of dist/ (after the build): no inline script but those the Content-Security-Policy
 * names by hash, no resource from another origin, no meta refresh, no javascript: URL
 * (src/lib/deploy/page-security.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { htmlFiles } from '../../src/lib/build/dist-files.ts';
import { pagePolicy, scriptHashes } from '../../src/lib/deploy/csp.ts';
import { pageSecurityProblems } from '../../src/lib/deploy/page-security.ts';

const dist = join(import.meta.dirname, '../../dist');

test('no page of dist/ carries script, resources or redirects the site does not allow', () => {
  const files = htmlFiles(dist);
  assert.ok(files.length > 0, 'dist/ has no pages: run npm run build first');
  // The public origin the build was given (SITE_URL), from the home page's canonical link.
  const origin = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1];
  const problems: string[] = [];
  for (const file of files) {
    const html = readFileSync(join(dist, file), 'utf8');
    const policy = pagePolicy(html);
    if (!policy) {
      problems.push(`dist/${file}: no <meta http-equiv="content-security-policy">: build the page with src/layouts/Base.astro`);
      continue;
    }
    for (const p of pageSecurityProblems(fromHtml(html), { scriptHashes: scriptHashes(policy), origin: origin && new URL(origin).origin })) {
      problems.push(`dist/${file}:${p.line ?? '?'}  ${p.element}\n    ${p.problem}`);
    }
  }
  assert.equal(
    problems.length,
    0,
    `${problems.length} problem(s) in ${files.length} pages:\n${problems.slice(0, 40).join('\n')}\nfix: find the element in the page's content (content/…) or template (src/pages, src/components, src/layouts); the content check (npm run check:content) should have refused content like this: report it.`,
  );
  console.log(`security: ${files.length} pages, no unhashed inline script, external resource, meta refresh or javascript: URL`);
});
