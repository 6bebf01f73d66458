/** The built stylesheet and scripts, as browsers get them (after the minifier). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { staticImports } from '../../src/lib/build/module-preload.ts';
import { lexiconOf, type InstantIndex } from '../../src/lib/search/instant.ts';
import { length } from '../../src/lib/search/vocabulary.ts';
import { searchDataPath } from '../../scripts/lib/serve-dist.ts';
import { builtPages, dist, elements } from './built.ts';

const assets = readdirSync(join(dist, '_astro'));
const css = assets.filter((f) => f.endsWith('.css')).map((f) => readFileSync(join(dist, '_astro', f), 'utf8')).join('\n');

test('the reading-progress bar keeps its scroll timeline (a timeline folded into the animation shorthand is rejected by browsers)', () => {
  assert.match(css, /animation-timeline:/);
  assert.doesNotMatch(css, /animation:[^;}]*\b(scroll|view)\(/);
});

test('every page preloads, in its head and before its scripts, each module those scripts import (no round trip to discover them)', () => {
  const read = (path: string) => readFileSync(join(dist, path), 'utf8');
  let checked = 0;
  for (const page of builtPages()) {
    const scripts = elements(page, (e) => e.tagName === 'script' && e.properties.type === 'module' && typeof e.properties.src === 'string').map((e) => String(e.properties.src));
    const preloaded = elements(page, (e) => e.tagName === 'link' && String(e.properties.rel) === 'modulepreload').map((e) => String(e.properties.href));
    for (const module of new Set(scripts.flatMap((src) => staticImports(src, read)))) {
      assert.ok(preloaded.includes(module), `${page.path}: ${module} is imported by a script but not preloaded`);
      checked++;
    }
    const firstScript = page.html.indexOf('<script type="module"');
    for (const href of preloaded) assert.ok(page.html.indexOf(`href="${href}"`) < firstScript, `${page.path}: the preload of ${href} comes after a script`);
  }
  assert.ok(checked > 0, 'the pages import modules (else this test checks nothing)');
});

test('the search page names its everyday words: words of two to four characters, none of them the search vocabulary’s', () => {
  const everyday = JSON.parse(readFileSync(searchDataPath('everyday'), 'utf8')) as string[];
  const index = JSON.parse(readFileSync(searchDataPath('index'), 'utf8')) as InstantIndex;
  const lexicon = lexiconOf(index.vocabulary, index.docs);
  assert.ok(everyday.length > 0, 'no everyday words: is the dictionary of @node-rs/jieba read?');
  for (const word of everyday) {
    assert.ok(length(word) >= 2 && length(word) <= 4, `“${word}” is not two to four characters`);
    assert.equal(lexicon.termOf(word), undefined, `“${word}” is in the search vocabulary, so it is the handbook's own word`);
  }
});
