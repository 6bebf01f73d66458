/**
 * Checks of every built page that need no browser: links and anchors, the tags every page must have,
 * ids, no raw Markdown left in the text, nothing from another site. (Behaviour is tested in Chromium
 * by tests/e2e; HTML validity by html-validate in `npm run check:dist`.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLinks } from '../../src/lib/checks/links.ts';
import { builtPages, elements, fileExists, siteOrigin, visibleText } from './built.ts';

const pages = builtPages();
const origin = siteOrigin();
/** What a list of problems looks like in a failure message: the first few, and how many in all. */
const report = (problems: string[]) => `${problems.length} problem(s):\n${problems.slice(0, 20).join('\n')}`;

test('every same-site link and #anchor resolves, and no content link is left unconverted', () => {
  const known = new Map<string, boolean>();
  const exists = (path: string) => known.get(path) ?? known.set(path, fileExists(path)).get(path)!;
  const problems = checkLinks(pages, exists, origin ?? 'http://site.invalid');
  assert.equal(problems.length, 0, report(problems.map((p) => `${p.page}  ${p.link}  ${p.reason}`)));
});

test('every page has its language, title, description, Open Graph tags and Content-Security-Policy', () => {
  const problems: string[] = [];
  for (const page of pages) {
    const meta = (key: string, value: string) => elements(page, (n) => n.tagName === 'meta' && String(n.properties[key]).toLowerCase() === value)[0]?.properties.content;
    const html = elements(page, (n) => n.tagName === 'html')[0]!;
    if (html.properties.lang !== 'zh-CN') problems.push(`${page.path}: lang is not zh-CN`);
    if (!elements(page, (n) => n.tagName === 'title')[0]) problems.push(`${page.path}: no <title>`);
    for (const [key, value] of [['name', 'description'], ['property', 'og:title'], ['property', 'og:description']] as const) {
      if (!String(meta(key, value) ?? '').trim()) problems.push(`${page.path}: no ${value}`);
    }
    if (!String(meta('httpEquiv', 'content-security-policy') ?? '').includes("script-src 'self'")) problems.push(`${page.path}: no Content-Security-Policy`);
    if (elements(page, (n) => n.tagName === 'main').length !== 1) problems.push(`${page.path}: not exactly one <main>`);
    if (origin && page.path !== '/404.html') {
      const canonical = elements(page, (n) => n.tagName === 'link' && String(n.properties.rel) === 'canonical')[0]?.properties.href;
      if (canonical !== `${origin}${page.path}`) problems.push(`${page.path}: canonical is ${String(canonical)}`);
      if (!String(meta('property', 'og:image') ?? '').startsWith(`${origin}/og/`)) problems.push(`${page.path}: og:image is not the page's own share image`);
    }
  }
  assert.equal(problems.length, 0, report(problems));
});

test('ids are unique on every page', () => {
  const problems: string[] = [];
  for (const page of pages) {
    const seen = new Set<string>();
    for (const node of elements(page, (n) => typeof n.properties.id === 'string')) {
      const id = String(node.properties.id);
      // Mermaid repeats marker ids inside each diagram's own SVG; those are scoped to the SVG.
      if (seen.has(id) && !/^diagram-/.test(id)) problems.push(`${page.path}: id "${id}" twice`);
      seen.add(id);
    }
  }
  assert.equal(problems.length, 0, report(problems));
});

test('no raw Markdown is left in what readers see (bold that did not close shows as **)', () => {
  const problems = pages.filter((p) => visibleText(p).includes('**')).map((p) => `${p.path}: “${visibleText(p).match(/.{0,20}\*\*.{0,20}/)![0]}”`);
  assert.equal(problems.length, 0, report(problems));
});

test('no page loads anything from another site', () => {
  const problems: string[] = [];
  const resource: Record<string, string> = { script: 'src', link: 'href', img: 'src', iframe: 'src', source: 'src', audio: 'src', video: 'src', embed: 'src', object: 'data' };
  for (const page of pages) {
    for (const node of elements(page, (n) => n.tagName in resource)) {
      if (node.tagName === 'link' && !['stylesheet', 'preload', 'icon', 'modulepreload'].some((r) => String(node.properties.rel).includes(r))) continue;
      const value = node.properties[resource[node.tagName]!];
      if (typeof value === 'string' && /^(https?:)?\/\//.test(value) && (!origin || !value.startsWith(origin))) problems.push(`${page.path}: <${node.tagName}> loads ${value}`);
    }
  }
  assert.equal(problems.length, 0, report(problems));
});
