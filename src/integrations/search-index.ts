/**
 * After Astro has written dist/: Pagefind's full-text index (its Node API, as Starlight does), then the
 * instant index built from Pagefind's own page fragments and the search vocabulary
 * (lib/search/index-build.ts), written under a name with its content hash; the search page's
 * placeholder URL is replaced with that name.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { rewriteHtml, seconds } from '../lib/build/dist-files.ts';
import { FILTER, TYPE } from '../lib/search/fields.ts';
import { buildInstantIndex } from '../lib/search/index-build.ts';
import type { InstantIndex, Topic } from '../lib/search/instant.ts';
import { readFragments } from '../lib/search/pagefind-fragments.ts';
import { readVocabulary, VOCABULARY_FILE } from '../lib/search/vocabulary-schema.ts';
import { chineseWords } from '../lib/search/words.ts';
import { contentPaths } from '../lib/content/paths.ts';
import { TAGS } from '../lib/taxonomy.ts';
import { INSTANT_INDEX_PLACEHOLDER, instantIndexUrl, pagefindDir, tagUrl } from '../lib/site/urls.ts';

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

          const pages = readFragments(files.files);
          const vocabulary = readVocabulary(join(contentPaths().root, VOCABULARY_FILE));
          const used = new Set(pages.flatMap((p) => p.fragment.filters[FILTER.tag] ?? []));
          const isPart = (f: (typeof pages)[number]['fragment']) => f.filters[FILTER.type]?.[0] === TYPE.book && !f.filters[FILTER.number]?.[0]?.includes('.');
          const parts = pages.filter((p) => isPart(p.fragment)).map((p) => ({ name: p.fragment.meta.title ?? '', url: p.fragment.url }));
          const topics: Topic[] = [...TAGS.filter((t) => used.has(t.name)).map((t) => ({ name: t.name, url: tagUrl(t.slug) })), ...parts];
          const json = JSON.stringify(buildInstantIndex(pages, vocabulary, topics, chineseWords()!) satisfies InstantIndex);
          const url = instantIndexUrl(createHash('sha256').update(json).digest('hex').slice(0, 10));
          mkdirSync(dirname(join(dist, url)), { recursive: true });
          writeFileSync(join(dist, url), json);
          const rewritten = rewriteHtml(dist, (html) => html.replaceAll(INSTANT_INDEX_PLACEHOLDER, url));
          if (rewritten === 0) throw new Error(`search index: no page refers to ${INSTANT_INDEX_PLACEHOLDER}; the search page cannot find the instant index`);
          logger.info(`step search index: ${added.page_count} pages; vocabulary ${vocabulary.words.length} words, ${vocabulary.synonyms.length} synonym groups; instant index ${(gzipSync(json).length / 1024).toFixed(1)} KB gzip → ${url}; ${seconds(started)}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
