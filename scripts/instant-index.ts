/**
 * Writes the instant search index (lib/search/instant.ts) from Pagefind's page fragments, so it
 * knows Pagefind's id for every page. Runs after `pagefind --site dist` in npm run build.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { compareDocs, instantDoc, type InstantIndex, type PagefindFragment } from '../src/lib/search/instant.ts';
import { instantIndexUrl } from '../src/lib/urls.ts';
import { dist } from './lib/serve-dist.ts';

/** Pagefind's files are gzip with this signature in front of the payload. */
const SIGNATURE = 'pagefind_dcd';
const fragments = join(dist, 'pagefind', 'fragment');

const docs = readdirSync(fragments)
  .filter((f) => f.endsWith('.pf_fragment'))
  .map((file) => {
    const raw = gunzipSync(readFileSync(join(fragments, file)));
    if (raw.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`${file}: not a Pagefind fragment (was it written by another Pagefind version?)`);
    const fragment = JSON.parse(raw.subarray(SIGNATURE.length).toString()) as PagefindFragment;
    return instantDoc(file.replace(/\.pf_fragment$/, ''), fragment);
  })
  .sort(compareDocs);

const index: InstantIndex = { docs };
const json = JSON.stringify(index);
const out = join(dist, instantIndexUrl);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, json);
console.log(`instant index: ${docs.length} pages, ${(Buffer.byteLength(json) / 1024).toFixed(1)} KB (${(gzipSync(json).length / 1024).toFixed(1)} KB gzip) → ${instantIndexUrl}`);
