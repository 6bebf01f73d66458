/**
 * After Astro has written dist/: Pagefind's full-text index (its Node API, as Starlight does), then the
 * instant index built from Pagefind's own page fragments (lib/search/instant.ts), written under a name
 * with its content hash; the search page's placeholder URL is replaced with that name.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { rewriteHtml, seconds } from '../lib/build/dist-files.ts';
import { compareDocs, instantDoc, type InstantIndex } from '../lib/search/instant.ts';
import { readFragments } from '../lib/search/pagefind-fragments.ts';
import { INSTANT_INDEX_PLACEHOLDER, instantIndexUrl, pagefindDir } from '../lib/site/urls.ts';

export default function searchIndex(): AstroIntegration {
  return {
    name: 'handbook-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const dist = fileURLToPath(dir);
        const fail = (what: string, errors: string[]) => {
          throw new Error(`search index: ${what} failed: ${errors.join('; ')}`);
        };
        const { index, errors } = await pagefind.createIndex({});
        if (!index) return fail('creating the Pagefind index', errors);
        try {
          const added = await index.addDirectory({ path: dist });
          if (added.errors.length) fail('indexing dist/', added.errors);
          const written = await index.writeFiles({ outputPath: join(dist, pagefindDir) });
          if (written.errors.length) fail('writing the Pagefind index', written.errors);
          const files = await index.getFiles();
          if (files.errors.length) fail('reading the Pagefind index', files.errors);

          const docs = readFragments(files.files).map(({ id, fragment }) => instantDoc(id, fragment)).sort(compareDocs);
          const json = JSON.stringify({ docs } satisfies InstantIndex);
          const url = instantIndexUrl(createHash('sha256').update(json).digest('hex').slice(0, 10));
          mkdirSync(dirname(join(dist, url)), { recursive: true });
          writeFileSync(join(dist, url), json);
          const pages = rewriteHtml(dist, (html) => html.replaceAll(INSTANT_INDEX_PLACEHOLDER, url));
          if (pages === 0) throw new Error(`search index: no page refers to ${INSTANT_INDEX_PLACEHOLDER}; the search page cannot find the instant index`);
          logger.info(`step search index: ${added.page_count} pages; instant index ${(gzipSync(json).length / 1024).toFixed(1)} KB gzip → ${url}; ${seconds(started)}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
