import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildImages } from '../../src/lib/images/build.ts';
import { pngSize } from '../../src/lib/images/png.ts';

const root = join(import.meta.dirname, '../..');
const SITE = 'https://h.example.cn';

function page(title: string, path: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:title" content="${title}"><meta property="og:description" content="一句话。">
<meta property="og:image" content="${SITE}/og/${path.replace(/^\/|\/$/g, '').replaceAll('/', '-')}.png"></head><body><main>${body}</main></body></html>`;
}
const DIAGRAM = `<h2 id="flow">流程</h2><figure class="diagram" data-diagram="k1"><svg id="diagram-k1" width="120" height="60" viewBox="0 0 120 60" xmlns="http://www.w3.org/2000/svg"><rect width="120" height="60" fill="#eee"/><foreignObject x="10" y="10" width="100" height="40"><div xmlns="http://www.w3.org/1999/xhtml">受理<br>登记</div></foreignObject></svg></figure>`;
const CARD = (situation: string) => `<article data-phrase-card="calm"><h1 data-card-situation>${situation}</h1><p data-card-source>2.17 共情</p><div data-card-say><ul><li>“您先坐。”</li></ul></div></article>`;

test('the image step: share images, standalone diagrams and pictures, card pictures; then only what changed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'images-build-'));
  const dist = join(dir, 'dist');
  const write = (file: string, html: string) => {
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), html);
  };
  try {
    write('book/2/17/index.html', page('2.17 共情', '/book/2/17/', DIAGRAM));
    write('phrases/calm/index.html', page('客户情绪激动', '/phrases/calm/', CARD('客户情绪激动')));
    // A list that comes before the card's own page, showing the card differently.
    write('phrases/all/index.html', page('话术速查', '/phrases/all/', CARD('在列表上的样子')));
    const options = { dist, root, site: SITE, cacheDir: join(dir, 'cache') };

    const cold = await buildImages(options);
    assert.deepEqual([cold.shareImages, cold.diagrams, cold.cards, cold.drawn], [3, 1, 1, 5]);
    for (const og of ['book-2-17', 'phrases-calm', 'phrases-all']) assert.deepEqual(pngSize(readFileSync(join(dist, 'og', `${og}.png`))), { width: 1200, height: 630 });
    assert.equal(pngSize(readFileSync(join(dist, 'phrases/calm/card.png'))).width, 780);
    assert.equal(pngSize(readFileSync(join(dist, 'diagrams/k1.png'))).width, 780);
    assert.match(readFileSync(join(dist, 'diagrams/k1.svg'), 'utf8'), /<br \/>/);

    const warm = await buildImages(options);
    assert.equal(warm.drawn, 0, 'nothing changed, nothing drawn');

    // The card's own page decides its picture (the list shows it too): a change there is drawn again.
    const before = readFileSync(join(dist, 'phrases/calm/card.png'));
    write('phrases/calm/index.html', page('客户情绪激动', '/phrases/calm/', CARD('客户情绪很激动')));
    rmSync(join(dist, 'og'), { recursive: true });
    const changed = await buildImages(options);
    assert.equal(changed.drawn, 1, 'the card picture only (the page’s title and summary are unchanged)');
    assert.notDeepEqual(readFileSync(join(dist, 'phrases/calm/card.png')), before);
    assert.ok(existsSync(join(dist, 'og/book-2-17.png')), 'unchanged pictures are copied from the cache');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the image step: a page whose standalone diagram an SVG reader refuses fails the build and says which', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'images-build-'));
  try {
    mkdirSync(join(dir, 'dist/book/3'), { recursive: true });
    // An SVG a browser refuses as an image: an unknown namespace prefix is not well-formed XML.
    writeFileSync(join(dir, 'dist/book/3/index.html'), page('第3篇', '/book/3/', DIAGRAM.replace('<rect ', '<x:rect ')));
    await assert.rejects(buildImages({ dist: join(dir, 'dist'), root, site: SITE, cacheDir: join(dir, 'cache') }), /diagram k1 \(\/book\/3\/\): the standalone SVG cannot be read \(.*\); fix: look at/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
