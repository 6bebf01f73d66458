import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { printedUrl } from '../../src/lib/images/build.ts';
import { hash, ImageCache } from '../../src/lib/images/cache.ts';
import { flattenDiagram, type FlatDiagram } from '../../src/lib/images/diagram-flatten.ts';
import { pageFindings, pageMeta, pagePath, pictureSources } from '../../src/lib/images/extract.ts';
import { FontSet, parseUnicodeRange, subsetsFor } from '../../src/lib/images/fonts.ts';
import { cardPicture, diagramFit, diagramPicture, fitFontSize, ogPicture, PHONE_WIDTH, PICTURE_SCALE, textWidthEm, type SatoriElement } from '../../src/lib/images/layouts.ts';
import { PageMemo } from '../../src/lib/images/page-memo.ts';
import { encodePng, pngSize } from '../../src/lib/images/png.ts';
import { readPng } from './png-pixels.ts';
import { standaloneSvg } from '../../src/lib/images/standalone-svg.ts';
import { customProperties, palette, pictureDiagramCss, standaloneDiagramCss } from '../../src/lib/images/theme.ts';
import { MIN_READABLE_SCALE } from '../../src/lib/markdown/mermaid.ts';

const root = join(import.meta.dirname, '../..');
const CSS = `:root {
  --bg: #f7f5f0; --surface: #ffffff; --fg: #1f2328; --muted: #57606a; --line: #d8d4ca; --accent: #a3321f;
  --do-bg: #e9f5ec; --do-line: #2c7a3f; --dont-bg: #fbecea; --dont-line: #b3261e;
}
:root[data-theme='dark'] { --surface: #23262b; --fg: #e6e3dc; --diagram-line: #c9c5bc; }
figure.diagram svg { width: 100%; max-width: var(--diagram-width); }
figure.diagram svg .node rect, figure.diagram svg .node path {
  fill: var(--surface) !important; stroke: var(--fg) !important;
}
@media print {
  figure.diagram svg .node rect { fill: #fff; }
}
`;
const colors = palette(CSS);

/** The text of a satori tree, in order. */
function texts(node: SatoriElement | string): string[] {
  if (typeof node === 'string') return [node];
  const children = node.props.children;
  return (Array.isArray(children) ? children : children === undefined ? [] : [children]).flatMap(texts);
}

/** The style of the element whose text is `text`. */
function styleOf(node: SatoriElement | string, text: string): Record<string, string | number> | undefined {
  if (typeof node === 'string') return undefined;
  const children = node.props.children;
  if (children === text || (Array.isArray(children) && children.length === 1 && children[0] === text)) return node.props.style;
  return (Array.isArray(children) ? children : children === undefined ? [] : [children]).map((c) => styleOf(c, text)).find(Boolean);
}

test('PNG: the size is read from the header, anything else is refused', () => {
  const png = encodePng(new Uint8Array(3 * 2 * 4).fill(255), 3, 2);
  assert.deepEqual(pngSize(png), { width: 3, height: 2 });
  assert.throws(() => pngSize(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), /not a PNG/);
  assert.throws(() => pngSize(png.subarray(0, 20)), /not a PNG/);
});

test('PNG: a picture of at most 256 colours is stored indexed, one with more as RGB; every pixel exactly; a transparent pixel is an error', () => {
  const few = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 255, 255, 0, 0, 255, 9, 8, 7, 255]);
  const indexed = readPng(encodePng(few, 2, 2));
  assert.equal(indexed.colourType, 3);
  assert.deepEqual(indexed.pixels, [[255, 0, 0], [0, 255, 0], [255, 0, 0], [9, 8, 7]]);
  // 257 colours: one more than a palette holds.
  const many = new Uint8Array(257 * 4);
  for (let i = 0; i < 257; i++) many.set([i % 256, i >> 8, 7, 255], i * 4);
  const rgb = readPng(encodePng(many, 257, 1));
  assert.equal(rgb.colourType, 2);
  assert.deepEqual(rgb.pixels[256], [0, 1, 7]);
  assert.deepEqual(rgb.pixels[255], [255, 0, 7]);
  assert.throws(() => encodePng(Uint8Array.from([1, 2, 3, 254]), 1, 1), /pixel 0,0 is transparent/);
  many[256 * 4 + 3] = 0;
  assert.throws(() => encodePng(many, 257, 1), /pixel 256,0 is transparent/);
  assert.throws(() => encodePng(few, 3, 2), /24/);
});

test('fonts: unicode ranges are parsed, and each character is found in its subset or reported', () => {
  assert.deepEqual(parseUnicodeRange('U+4e00-4e0f, U+2713'), [[0x4e00, 0x4e0f], [0x2713, 0x2713]]);
  assert.throws(() => parseUnicodeRange('U+4e??'), /U\+4e\?\?/);
  const ranges = { '1': parseUnicodeRange('U+2713'), '2': parseUnicodeRange('U+2190-21ff') };
  assert.deepEqual(subsetsFor('✓ → Ⅱ ✓', ranges), { subsets: ['1', '2'], uncovered: ['Ⅱ'] });
});

test('fonts: a character outside the base subsets loads its subset once; one the font lacks is reported', () => {
  const fonts = new FontSet(root);
  assert.ok(fonts.base.length >= 4 && fonts.base.every((f) => f.data.length > 1000));
  const uncovered = new Set<string>();
  const loaded = fonts.additional('✓', uncovered);
  assert.deepEqual([...new Set(loaded.map((f) => f.weight))], [400, 700]);
  assert.equal(uncovered.size, 0);
  // Asked again for a character of that subset: the subset lacks it (✗ is in its range, not in the font).
  assert.deepEqual(fonts.additional('✗', uncovered), []);
  fonts.additional('Ⅱ', uncovered);
  assert.deepEqual([...uncovered], ['✗', 'Ⅱ']);
});

test('theme: the pictures take the light palette from :root and say which colour is missing', () => {
  assert.equal(colors['do-line'], '#2c7a3f');
  assert.equal(customProperties(CSS, ":root[data-theme='dark']").fg, '#e6e3dc');
  assert.throws(() => palette(':root { --bg: #fff; }'), /declares no --surface, --fg/);
  assert.throws(() => customProperties('body {}', ':root'), /no “:root \{ … \}” rule/);
});

test('theme: a standalone diagram gets the page diagram rules, with light and dark values for their variables', () => {
  const css = standaloneDiagramCss(CSS);
  assert.match(css, /^svg\{--surface:#ffffff;--fg:#1f2328;background:var\(--surface\)\}/);
  assert.match(css, /@media \(prefers-color-scheme: dark\)\{svg\{--surface:#23262b;--fg:#e6e3dc\}\}/);
  assert.match(css, /svg \.node rect,svg \.node path\{fill: var\(--surface\) !important; stroke: var\(--fg\) !important;\}/);
  assert.doesNotMatch(css, /figure|diagram-width|#fff;/, 'the column-fitting rule and print rules stay on the page');
  assert.throws(() => standaloneDiagramCss(':root { --surface: #fff; }'), /no “figure\.diagram svg …” rules/);
  assert.throws(() => standaloneDiagramCss(`${CSS}\nfigure.diagram svg .x { fill: var(--nope); }`), /use --nope/);
});

const STYLES = { standalone: 'svg{}', picture: (id: string) => `#${id} .node rect{fill:#fff}` };
const PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>x</title>
<meta property="og:title" content="2.17 共情 &amp; “倾听”">
<meta property="og:description" content="先接住情绪。">
<meta property="og:image" content="https://h.example.com/og/book-2-17.png"></head>
<body><header><h2>站点</h2></header><main><h1>共情</h1>
<figure class="diagram" data-diagram="aaa111"><svg id="diagram-aaa111" width="200" height="100" viewBox="0 0 200 100"><g><foreignObject width="60" height="48"><div xmlns="http://www.w3.org/1999/xhtml">第一行<br>第二行&nbsp;</div></foreignObject></g></svg></figure>
<h2 id="three-f">3F法<a class="heading-link" href="#three-f" data-screen-only>#</a></h2><p>正文</p>
<figure class="diagram" data-diagram="bbb222"><section><svg id="diagram-bbb222" width="512.5" height="90" viewBox="0 0 512.5 90"></svg></section></figure>
<article data-phrase-card="angry-video">
  <h2 data-card-situation id="angry-video">客户拍视频、说要曝光<a class="heading-link" href="#angry-video" data-screen-only>#</a></h2>
  <p data-card-source><a href="/book/5/1/11/#video">5.1.11 客户拍视频、说要曝光</a></p>
  <div data-card-say><ul><li>“您拍视频是您的权利，
    我们先把事情办好。”</li><li>“我现在就帮您查。”</li></ul></div>
  <div data-card-avoid><ul><li>“不许拍！”</li></ul></div>
</article>
</main></body></html>`;

test('pages: the og: properties are read from the head, character references decoded', () => {
  assert.deepEqual(pageMeta(PAGE), { title: '2.17 共情 & “倾听”', description: '先接住情绪。', image: 'https://h.example.com/og/book-2-17.png' });
  assert.equal(pageMeta('<html><head><title>x</title></head></html>'), undefined);
  assert.equal(pagePath('book/2/17/index.html'), '/book/2/17/');
  assert.equal(pagePath('index.html'), '/');
  assert.equal(pagePath('404.html'), '/404.html');
});

test('pages: each flowchart with the nearest heading above it, each phrase card with its parts (screen-only controls left out)', () => {
  const { diagrams, cards } = pictureSources(PAGE);
  assert.deepEqual(diagrams.map((d) => [d.key, d.anchor, d.svg.tagName]), [['aaa111', undefined, 'svg'], ['bbb222', 'three-f', 'svg']]);
  assert.deepEqual(cards, [
    { id: 'angry-video', situation: '客户拍视频、说要曝光', source: '5.1.11 客户拍视频、说要曝光', say: ['“您拍视频是您的权利， 我们先把事情办好。”', '“我现在就帮您查。”'], avoid: ['“不许拍！”'] },
  ]);
  assert.deepEqual(pictureSources(PAGE.replace(' data-card-avoid', '')).cards[0]!.avoid, [], 'a card may have no lines to avoid');
  assert.throws(() => pictureSources(PAGE.replace(' data-card-source', '')), /phrase card “angry-video” has no source \(an element with data-card-source\)/);
  assert.throws(() => pictureSources('<figure data-diagram="k"><p>?</p></figure>'), /figure\[data-diagram="k"\] holds no <svg>/);
  assert.deepEqual(pictureSources('<main><p>没有图</p></main>'), { diagrams: [], cards: [] });
});

test('pages: the findings carry standalone SVGs with their widths, and refuse an SVG without one', () => {
  const found = pageFindings(PAGE, STYLES);
  assert.deepEqual(found.diagrams.map((d) => [d.key, d.width]), [['aaa111', 200], ['bbb222', 512.5]]);
  assert.equal(found.cards.length, 1);
  assert.throws(() => pageFindings(PAGE.replace('width="200"', 'width="100%"'), STYLES), /aaa111.*no width in px/);
  assert.deepEqual(pageFindings('<head><meta property="og:title" content="搜索"></head><p>x</p>', STYLES), { meta: { title: '搜索', description: '' }, diagrams: [], cards: [] });
});

test('standalone SVG: XML a browser can open on its own, with its styles inside', () => {
  const svg = pictureSources(PAGE).diagrams[0]!.svg;
  const xml = standaloneSvg(svg, 'svg .node rect{fill:red}');
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(xml, /<svg[^>]*><style>svg \.node rect\{fill:red\}<\/style><g>/);
  assert.match(xml, /第一行<br \/>第二行\u00a0<\/div>/, 'void elements closed, no named references (XML knows none)');
  assert.match(xml, /<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">/);
  assert.throws(() => standaloneSvg(fromHtml('<p>x</p>', { fragment: true }).children[0] as Element, ''), /expected an <svg> element/);
});

test('share image: 1200×630 with the title, summary and site name; long titles get a smaller size', () => {
  const picture = ogPicture({ title: '2.17 共情', description: '先接住情绪。' }, '培训手册', colors);
  assert.deepEqual([picture.width, picture.height, picture.scale], [1200, 630, 1]);
  assert.deepEqual(texts(picture.element), ['2.17 共情', '先接住情绪。', '培训手册']);
  const long = ogPicture({ title: `案例 01003 ${'长'.repeat(30)}`, description: '' }, '培训手册', colors);
  const size = (p: typeof picture) => styleOf(p.element, texts(p.element)[0]!)?.fontSize;
  assert.ok(Number(size(long)) < Number(size(picture)), `long title at ${size(long)} px, short at ${size(picture)} px`);
});

test('text sizes: CJK characters count a full em, others about half; the largest size that fits is chosen', () => {
  assert.equal(textWidthEm('共情'), 2);
  assert.ok(textWidthEm('2.17 ') < 3);
  assert.equal(fitFontSize('共'.repeat(10), 1000, 1, [68, 60]), 68);
  assert.equal(fitFontSize('共'.repeat(16), 1000, 1, [68, 60]), 60);
  assert.equal(fitFontSize('共'.repeat(40), 1000, 1, [68, 60]), 60, 'the smallest when nothing fits');
});

test('phrase card picture: phone width at 2×, the two labels as the call-outs name them, the address at the bottom', () => {
  const card = pictureSources(PAGE).cards[0]!;
  const picture = cardPicture(card, 'h.example.com/phrases/angry-video/', '培训手册', colors);
  assert.deepEqual([picture.width, picture.height, picture.scale], [PHONE_WIDTH, undefined, PICTURE_SCALE]);
  const words = texts(picture.element);
  assert.deepEqual(words.slice(0, 2), ['客户拍视频、说要曝光', '5.1.11 客户拍视频、说要曝光']);
  assert.ok(words.includes('√ 可以这样说') && words.includes('× 避免这样说'), words.join(' | '));
  assert.deepEqual(words.slice(-2), ['h.example.com/phrases/angry-video/', '培训手册']);
  const noAvoid = texts(cardPicture({ ...card, avoid: [] }, 'u', 's', colors).element);
  assert.ok(!noAvoid.includes('× 避免这样说'), 'no empty box');
});

test('diagram picture: phone width while labels stay readable, wider (never smaller labels) beyond', () => {
  assert.deepEqual(diagramFit(300), { drawn: 300, width: PHONE_WIDTH });
  assert.deepEqual(diagramFit(400), { drawn: 340, width: PHONE_WIDTH });
  const wide = diagramFit(922);
  assert.equal(wide.drawn, Math.ceil(922 * MIN_READABLE_SCALE));
  assert.equal(wide.width, wide.drawn + 50);
  const flat: FlatDiagram = { svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', width: 922, height: 300, fontSize: 16, labels: [{ x: 10, y: 20, width: 60, height: 24, lines: ['受理'], wrap: false, onEdge: false }] };
  const picture = diagramPicture({ flat, svgWidth: 922, title: '3.5 改进', url: 'h.example.com/book/3/5/#how', siteName: '培训手册', colors });
  assert.equal(picture.width, wide.width);
  assert.equal(picture.scale, PICTURE_SCALE);
  assert.deepEqual(texts(picture.element), ['3.5 改进', '受理', 'h.example.com/book/3/5/#how', '培训手册']);
  const images = (node: SatoriElement | string): SatoriElement[] =>
    typeof node === 'string' ? [] : [...(node.type === 'img' ? [node] : []), ...(Array.isArray(node.props.children) ? node.props.children : node.props.children === undefined ? [] : [node.props.children]).flatMap(images)];
  const [image] = images(picture.element);
  assert.match(image!.props.src!, /^data:image\/svg\+xml;base64,/);
  assert.equal(image!.props.width, wide.drawn);
  assert.equal(image!.props.height, Math.round(300 * (wide.drawn / 922) * 100) / 100);
});

test('printed address: host and path without the scheme; a preview says so', () => {
  assert.equal(printedUrl('https://h.example.com', '/book/3/5/#how'), 'h.example.com/book/3/5/#how');
  assert.equal(printedUrl('http://127.0.0.1:4321/', '/phrases/x/'), '127.0.0.1:4321/phrases/x/');
  assert.equal(printedUrl(undefined, '/phrases/x/'), '预览版 /phrases/x/');
});

test('cache: pictures by key, copied out, and the unused ones removed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'images-cache-'));
  try {
    assert.notEqual(hash('a', 'b'), hash('ab'));
    const cache = new ImageCache(join(dir, 'cache'));
    assert.equal(cache.has('k1'), false);
    cache.put('k1', Buffer.from('one'));
    cache.put('k2', Buffer.from('two'));
    writeFileSync(join(dir, 'cache', 'pages.json'), '{}');
    cache.copy('k1', join(dir, 'dist/og/x.png'));
    assert.equal(readFileSync(join(dir, 'dist/og/x.png'), 'utf8'), 'one');
    const next = new ImageCache(join(dir, 'cache'));
    assert.ok(next.has('k2'));
    assert.equal(next.prune(), 1);
    assert.deepEqual(readdirSync(join(dir, 'cache')).sort(), ['k2.png', 'pages.json']);
    assert.equal(new ImageCache(join(dir, 'cache'), true).has('k2'), false, 'forced: nothing is cached');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('page memo: a page read before is not parsed again; another extraction version starts afresh', () => {
  const dir = mkdtempSync(join(tmpdir(), 'images-memo-'));
  const file = join(dir, 'pages.json');
  try {
    const memo = new PageMemo(file, 'v1', STYLES);
    const found = memo.findings(PAGE);
    memo.save();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { pages: Record<string, unknown> };
    assert.deepEqual(Object.values(saved.pages), [found]);
    // Tamper with the memo: a second reader must take the remembered findings, not parse the page.
    const key = Object.keys(saved.pages)[0]!;
    writeFileSync(file, JSON.stringify({ ...saved, pages: { [key]: { diagrams: [], cards: [] } } }));
    assert.deepEqual(new PageMemo(file, 'v1', STYLES).findings(PAGE), { diagrams: [], cards: [] });
    assert.deepEqual(new PageMemo(file, 'v2', STYLES).findings(PAGE), found);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A flowchart as Mermaid writes it: nodes and edge labels placed by translate(), labels as HTML. */
const FLOWCHART = `<svg id="diagram-k1" width="116" height="66" viewBox="-8 -8 116 66"><style>#diagram-k1{font-family:x;font-size:14px;}</style>
<g class="nodes"><g class="node" transform="translate(50, 20)"><rect width="40" height="24"></rect><g class="label" transform="translate(-20, -12)"><rect></rect>
<foreignObject width="40" height="24"><div xmlns="http://www.w3.org/1999/xhtml" style="display:table-cell;white-space:nowrap"><span class="nodeLabel"><p>受理</p></span></div></foreignObject></g></g></g>
<g class="edgeLabels"><g class="edgeLabel" transform="translate(10, 30)"><g class="label" transform="translate(-5, -12)"><foreignObject width="10" height="48"><div xmlns="http://www.w3.org/1999/xhtml" style="display:table-cell;white-space:break-spaces;max-width:200px"><span class="edgeLabel"><p>能</p><p>不能</p></span></div></foreignObject></g></g>
<g class="edgeLabel"><g class="label" transform="translate(0, 0)"><foreignObject width="0" height="0"><div xmlns="http://www.w3.org/1999/xhtml"><span class="edgeLabel"></span></div></foreignObject></g></g></g></svg>`;
const flowchart = () => fromHtml(FLOWCHART, { fragment: true, space: 'svg' }).children.find((c): c is Element => c.type === 'element')!;

test('flattened diagram: labels become boxes in the viewBox with their lines; the SVG keeps the shapes and takes the picture colours last', () => {
  const flat = flattenDiagram(flowchart(), (id) => `#${id} .node rect{fill:#fdfcf9}`);
  assert.equal(flat.width, 116);
  assert.equal(flat.height, 66);
  assert.equal(flat.fontSize, 14);
  assert.deepEqual(flat.labels, [
    { x: 38, y: 16, width: 40, height: 24, lines: ['受理'], wrap: false, onEdge: false },
    { x: 13, y: 26, width: 10, height: 48, lines: ['能', '不能'], wrap: true, onEdge: true },
  ]);
  assert.doesNotMatch(flat.svg, /foreignObject|受理/);
  assert.match(flat.svg, /<rect width="40" height="24" \/>/);
  assert.match(flat.svg, /<style>#diagram-k1 \.node rect\{fill:#fdfcf9\}<\/style><\/svg>\n$/);
});

test('flattened diagram: a transform it cannot place, or an SVG without id or viewBox, is an error naming the diagram', () => {
  const rotated = flowchart();
  const node = (rotated.children.find((c): c is Element => c.type === 'element' && c.tagName === 'g')!.children.find((c): c is Element => c.type === 'element'))!;
  node.properties.transform = 'rotate(45)';
  assert.throws(() => flattenDiagram(rotated, () => ''), /diagram-k1.*rotate\(45\).*fix: flattenDiagram/);
  const bare = flowchart();
  delete bare.properties.viewBox;
  assert.throws(() => flattenDiagram(bare, () => ''), /no id or viewBox/);
});

test('picture diagram colours: the light theme written out, no !important, each selector under the diagram', () => {
  const css = ':root{--diagram-node:#fdfcf9;--diagram-line:#4a4f57;}\nfigure.diagram svg .node rect,figure.diagram svg .node polygon{fill: var(--diagram-node) !important; stroke: var(--diagram-line) !important;}';
  assert.equal(pictureDiagramCss(css)('diagram-k1'), '#diagram-k1 .node rect,#diagram-k1 .node polygon{fill: #fdfcf9; stroke: #4a4f57;}');
});
