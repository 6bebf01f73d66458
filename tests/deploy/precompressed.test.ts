/**
 * What the last build step wrote for servers, checked in Node (no nginx needed): every .gz and .br
 * copy is its file compressed (a step that rewrites a page after the build would leave a stale copy
 * that nginx sends instead of the page), and _headers gives every file exactly one Cache-Control.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ENCODINGS, isCompressible, isPrecompressedCopy } from '../../src/lib/deploy/compress.ts';
import { cacheControl, HEADERS_FILE, NGINX_HEADERS_FILE } from '../../src/lib/deploy/headers.ts';
import { dist } from '../../scripts/lib/serve-dist.ts';

const files = existsSync(dist) ? (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => statSync(join(dist, f)).isFile()).sort() : [];
const served = files.filter((f) => f !== HEADERS_FILE && f !== NGINX_HEADERS_FILE && !isPrecompressedCopy(f));

test('every precompressed copy is its file, and every text file over 1 KB has both', () => {
  assert.ok(served.length > 0, 'dist/ is empty: run npm run build first');
  const problems: string[] = [];
  for (const copy of files.filter(isPrecompressedCopy)) {
    const original = copy.replace(/\.(gz|br)$/, '');
    if (!existsSync(join(dist, original))) problems.push(`dist/${copy}: a copy of nothing`);
    else {
      const unpacked = copy.endsWith(ENCODINGS.br) ? brotliDecompressSync(readFileSync(join(dist, copy))) : gunzipSync(readFileSync(join(dist, copy)));
      if (!unpacked.equals(readFileSync(join(dist, original)))) problems.push(`dist/${copy}: stale, not dist/${original} compressed (was the page changed after the build's last step, src/integrations/precompress.ts?)`);
    }
  }
  for (const file of served.filter(isCompressible)) {
    if (statSync(join(dist, file)).size < 1024) continue;
    for (const suffix of Object.values(ENCODINGS)) if (!existsSync(join(dist, file + suffix))) problems.push(`dist/${file}: no ${suffix} copy`);
  }
  assert.deepEqual(problems, []);
});

test('_headers gives every file and page exactly one Cache-Control rule, with its value', () => {
  const rules: [string, string][] = [];
  let pattern = '';
  for (const line of readFileSync(join(dist, HEADERS_FILE), 'utf8').split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('#')) pattern = line;
    const value = /^\s+Cache-Control: (.+)$/.exec(line)?.[1];
    if (value) rules.push([pattern, value]);
  }
  const matches = (rule: string, path: string) => (rule.endsWith('*') ? path.startsWith(rule.slice(0, -1)) : path === rule);
  const problems: string[] = [];
  for (const file of served) {
    const path = `/${file}`;
    for (const url of file.endsWith('index.html') ? [path, path.slice(0, -'index.html'.length)] : [path]) {
      const found = rules.filter(([rule]) => matches(rule, url));
      if (found.length !== 1 || found[0]![1] !== cacheControl(path)) problems.push(`${url}: ${found.length ? found.map(([r, v]) => `${r} → ${v}`).join(', ') : 'no rule'}, expected one rule with ${cacheControl(path)}`);
    }
  }
  assert.deepEqual(problems, [], `dist/${HEADERS_FILE} does not cover the files of dist/ (was a file added after the build?)`);
});
