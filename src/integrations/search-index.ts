/**
 * After Astro has written dist/: Pagefind's full-text index (its Node API, as Starlight does), then the
 * instant index built from Pagefind's own page fragments and the search vocabulary
 * (lib/search/index-build.ts) and the everyday words (lib/search/everyday.ts), each written under a
 * name with its content hash; the search page's placeholder URLs are replaced with those names.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { rewriteHtml, seconds } from '../lib/build/dist-files.ts';
import { FILTER, TYPE } from '../lib/search/fields.ts';
import { everydayWords, readFrequencies } from '../lib/search/everyday.ts';
import { buildInstantIndex } from '../lib/search/index-build.ts';
import { lexiconOf, type InstantIndex, type Topic } from '../lib/search/instant.ts';
import { pageText } from '../lib/search/fragment.ts';
import { readFragments } from '../lib/search/pagefind-fragments.ts';
import { readVocabulary, VOCABULARY_FILE } from '../lib/search/vocabulary-schema.ts';
import { chineseWords } from '../lib/search/words.ts';
import { contentPaths } from '../lib/content/paths.ts';
import { TAGS } from '../lib/taxonomy.ts';
import { EVERYDAY_WORDS_PLACEHOLDER, everydayWordsUrl, INSTANT_INDEX_PLACEHOLDER, instantIndexUrl, pagefindDir, tagUrl } from '../lib/site/urls.ts';

/** General Chinese word frequencies: jieba's dictionary as @node-rs/jieba ships it (only this file is used). */
const JIEBA_DICTIONARY = '@node-rs/jieba/dict.txt';

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
        const { index: full, errors } = await pagefind.createIndex({});
        if (!full) return fail('creating the Pagefind index', errors);
        try {
          const added = await full.addDirectory({ path: dist });
          if (added.errors.length) fail('indexing dist/', added.errors);
          const output = await full.writeFiles({ outputPath: join(dist, pagefindDir) });
          if (output.errors.length) fail('writing the Pagefind index', output.errors);
          const files = await full.getFiles();
          if (files.errors.length) fail('reading the Pagefind index', files.errors);

          const pages = readFragments(files.files);
          const vocabulary = readVocabulary(join(contentPaths().root, VOCABULARY_FILE));
          const used = new Set(pages.flatMap((p) => p.fragment.filters[FILTER.tag] ?? []));
          const isPart = (f: (typeof pages)[number]['fragment']) => f.filters[FILTER.type]?.[0] === TYPE.book && !f.filters[FILTER.number]?.[0]?.includes('.');
          const parts = pages.filter((p) => isPart(p.fragment)).map((p) => ({ name: p.fragment.meta.title ?? '', url: p.fragment.url }));
          const topics: Topic[] = [...TAGS.filter((t) => used.has(t.name)).map((t) => ({ name: t.name, url: tagUrl(t.slug) })), ...parts];
          const index = buildInstantIndex(pages, vocabulary, topics, chineseWords()!);
          const everyday = everydayWords(pages.map((p) => pageText(p.fragment)), readFrequencies(readFileSync(createRequire(import.meta.url).resolve(JIEBA_DICTIONARY), 'utf8')), lexiconOf(index.vocabulary, index.docs));
          const [instantFile, everydayFile] = [write(dist, instantIndexUrl, JSON.stringify(index satisfies InstantIndex)), write(dist, everydayWordsUrl, JSON.stringify(everyday))];
          const rewritten = rewriteHtml(dist, (html) => html.replaceAll(INSTANT_INDEX_PLACEHOLDER, instantFile.url).replaceAll(EVERYDAY_WORDS_PLACEHOLDER, everydayFile.url));
          if (rewritten === 0) throw new Error(`search index: no page refers to ${INSTANT_INDEX_PLACEHOLDER}; the search page cannot find the instant index`);
          logger.info(
            `step search index: ${added.page_count} pages; vocabulary ${vocabulary.words.length} words, ${vocabulary.synonyms.length} synonym groups; instant index ${instantFile.kb} KB gzip → ${instantFile.url}; ${everyday.length} everyday words, ${everydayFile.kb} KB gzip; ${seconds(started)}`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}

/** Writes a search data file under the name `url` gives its content hash; its URL and gzip size. */
function write(dist: string, url: (hash: string) => string, json: string): { url: string; kb: string } {
  const named = url(createHash('sha256').update(json).digest('hex').slice(0, 10));
  mkdirSync(dirname(join(dist, named)), { recursive: true });
  writeFileSync(join(dist, named), json);
  return { url: named, kb: (gzipSync(json).length / 1024).toFixed(1) };
}
