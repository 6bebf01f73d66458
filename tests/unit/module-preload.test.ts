import { test } from 'node:test';
import assert from 'node:assert/strict';
import { staticImports, withModulePreload } from '../../src/lib/build/module-preload.ts';

const MODULES: Record<string, string> = {
  '/_astro/search.js': 'import{a as e}from"./fields.js";import{h}from"./highlight.js";const later=()=>import("./pagefind.js");e(h,later);',
  '/_astro/highlight.js': 'import{a}from"./fields.js";export const h=a;',
  '/_astro/fields.js': 'export const a=1;',
  '/_astro/reader.js': 'import"./fields.js";console.log(import.meta.url);',
  '/_astro/pagefind.js': 'export {}',
};
const read = (path: string) => {
  const text = MODULES[path];
  if (text === undefined) throw new Error(`no module ${path}`);
  return text;
};

test('module preload: the modules a script imports statically, directly or not, each once; dynamic imports are left out', () => {
  assert.deepEqual(staticImports('/_astro/search.js', read), ['/_astro/fields.js', '/_astro/highlight.js']);
  assert.deepEqual(staticImports('/_astro/reader.js', read), ['/_astro/fields.js']);
  assert.deepEqual(staticImports('/_astro/fields.js', read), []);
});

test('module preload: a page lists them before its first module script, once for all its scripts, and a second pass changes nothing', () => {
  const page = '<html><head><title>x</title><script type="module" src="/_astro/search.js"></script><script type="module" src="/_astro/reader.js"></script></head><body></body></html>';
  const once = withModulePreload(page, read);
  assert.equal(
    once,
    '<html><head><title>x</title><link rel="modulepreload" href="/_astro/fields.js"><link rel="modulepreload" href="/_astro/highlight.js"><script type="module" src="/_astro/search.js"></script><script type="module" src="/_astro/reader.js"></script></head><body></body></html>',
  );
  assert.equal(withModulePreload(once, read), once);
  const noScripts = '<html><head></head><body><script>inline()</script></body></html>';
  assert.equal(withModulePreload(noScripts, read), noScripts);
});
