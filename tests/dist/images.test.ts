/**
 * The pictures of the built site (run after `npm run build`): every page's share image, every
 * flowchart's standalone SVG and picture, every phrase card's picture exist, with the sizes the pages
 * promise; and no page loads any of them unless a reader asks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { diagramFit, OG_SIZE, PHONE_WIDTH, PICTURE_SCALE } from '../../src/lib/images/layouts.ts';
import { pngSize } from '../../src/lib/images/png.ts';
import { diagramUrl, ogImageUrl, phraseCardImageUrl } from '../../src/lib/site/urls.ts';

const dist = join(import.meta.dirname, '../../dist');
if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ has no built site: run `SITE_URL=http://127.0.0.1:4321 npm run build` first');

const pages = (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((file) => ({ file, path: `/${file}`.replace(/index\.html$/, ''), tree: fromHtml(readFileSync(join(dist, file), 'utf8')) }));

function elements(tree: Root | Element, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (e: Element) => {
    if (test(e)) found.push(e);
  });
  return found;
}
const meta = (tree: Root, property: string) => elements(tree, (e) => e.tagName === 'meta' && e.properties.property === property).map((e) => String(e.properties.content));
/** A picture in dist/, by its URL (absolute or root-relative). */
function picture(url: string, where: string): { width: number; height: number } {
  const file = join(dist, new URL(url, 'http://x').pathname);
  assert.ok(existsSync(file), `${where}: ${url} is not in dist/ (the images step did not draw it)`);
  return pngSize(readFileSync(file));
}

/** Pages people share one by one (sections, cases, phrase cards) have their own image; the others show the home page's. */
const OWN_IMAGE = /^\/(book\/[\d/]+|cases\/\d{5}|phrases\/\d[\w-]*)\/$|^\/$/;

test('every section, case and phrase card has its own share image; every page has one, 1200×630, and its meta tags say so', (t) => {
  const canonical = (tree: Root) => elements(tree, (e) => e.tagName === 'link' && String(e.properties.rel) === 'canonical').map((e) => String(e.properties.href))[0];
  if (!pages.some((p) => canonical(p.tree))) return t.skip('built without SITE_URL: the pages carry no share images');
  for (const { path, tree } of pages) {
    // The 404 page is served at any address, so it names none of its own.
    const address = path === '/404.html' ? `${new URL(canonical(pages.find((p) => p.path === '/')!.tree)!).origin}/404.html` : canonical(tree);
    assert.ok(address, `${path}: no <link rel="canonical"> although other pages have one`);
    const [image, ...more] = meta(tree, 'og:image');
    assert.ok(image && !more.length, `${path}: one og:image (found ${more.length + (image ? 1 : 0)})`);
    const own = OWN_IMAGE.test(new URL(address).pathname);
    assert.equal(new URL(image).pathname, ogImageUrl(own ? new URL(address).pathname : '/'), `${path}: og:image is ${own ? "the page's own file" : "the home page's"}`);
    assert.deepEqual(picture(image, path), OG_SIZE, `${path}: ${image} is 1200×630`);
    assert.deepEqual([meta(tree, 'og:image:width'), meta(tree, 'og:image:height')], [[String(OG_SIZE.width)], [String(OG_SIZE.height)]], `${path}: og:image:width and height`);
    assert.ok(meta(tree, 'og:title')[0] && meta(tree, 'og:description')[0], `${path}: og:title and og:description, which the image shows`);
  }
});

test('every flowchart has its standalone SVG and its picture, linked from its caption', () => {
  const figures = pages.flatMap(({ path, tree }) => elements(tree, (e) => e.tagName === 'figure' && e.properties.dataDiagram !== undefined).map((figure) => ({ path, figure })));
  for (const { path, figure } of figures) {
    const key = String(figure.properties.dataDiagram);
    const where = `${path} figure ${key}`;
    const links = elements(figure, (e) => e.tagName === 'a').map((a) => String(a.properties.href));
    assert.ok(links.includes(diagramUrl(key, 'svg')) && links.includes(diagramUrl(key, 'png')), `${where}: its caption links ${diagramUrl(key, 'svg')} and ${diagramUrl(key, 'png')}`);
    const svgFile = join(dist, diagramUrl(key, 'svg'));
    assert.ok(existsSync(svgFile), `${where}: ${diagramUrl(key, 'svg')} is not in dist/`);
    const svg = readFileSync(svgFile, 'utf8');
    assert.match(svg, /^<\?xml [^>]*\?>\n<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*><style>/, `${where}: the SVG is an XML file with its own styles`);
    assert.doesNotMatch(svg, /<br>|&nbsp;/, `${where}: the SVG has HTML-only syntax, which an XML parser refuses`);
    const [drawn] = elements(figure, (e) => e.tagName === 'svg');
    const expected = diagramFit(Number(drawn!.properties.width)).width * PICTURE_SCALE;
    assert.equal(picture(diagramUrl(key, 'png'), where).width, expected, `${where}: the picture is ${expected} px wide`);
  }
});

test('every phrase card has its picture, a phone screen wide at 2×', () => {
  const cards = pages.flatMap(({ path, tree }) => elements(tree, (e) => e.properties.dataPhraseCard !== undefined).map((card) => ({ path, id: String(card.properties.dataPhraseCard) })));
  for (const { path, id } of cards) assert.equal(picture(phraseCardImageUrl(id), `${path} card ${id}`).width, PHONE_WIDTH * PICTURE_SCALE, `${path} card ${id}: picture width`);
});

test('no page loads a picture unless asked: share images only in meta tags, pictures only behind links', () => {
  const isPicture = (url: string) => /^(https?:\/\/[^/]+)?\/(og\/|diagrams\/)|\/card\.png$/.test(url);
  for (const { path, tree } of pages) {
    const loaded = elements(tree, (e) => ['img', 'source', 'link', 'script', 'iframe', 'object', 'embed', 'image', 'use'].includes(e.tagName))
      .flatMap((e) => [e.properties.src, e.properties.href, e.properties.srcSet, e.properties.data, e.properties.xLinkHref].filter((v) => v !== undefined).map(String))
      .filter(isPicture);
    assert.deepEqual(loaded, [], `${path}: loads share images or pictures with the page`);
  }
});
