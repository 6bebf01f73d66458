import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardPicture, diagramPicture, ogPicture } from '../../src/lib/images/layouts.ts';
import { pngSize } from '../../src/lib/images/png.ts';
import { DrawPool } from '../../src/lib/images/pool.ts';
import { renderer } from '../../src/lib/images/render.ts';
import { palette, pictureDiagramCss, STYLESHEET } from '../../src/lib/images/theme.ts';
import { flattenDiagram } from '../../src/lib/images/diagram-flatten.ts';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { readPng } from './png-pixels.ts';

const root = join(import.meta.dirname, '../..');
const colors = palette(readFileSync(join(root, STYLESHEET), 'utf8'));
const card = { id: 'x', situation: '客户拍视频、说要曝光', source: '5.1.11 客户拍视频', say: ['“您先别急，我来帮您查。”'], avoid: ['“不许拍！”'] };


test('drawing: a share image is 1200×630, text on the page colour; a card is 780 px wide', async () => {
  const draw = renderer(root);
  const og = await draw(ogPicture({ title: '2.17 共情', description: '先接住客户的情绪，让客户觉得被理解。' }, '投诉处理之道与术 · 培训手册', colors));
  assert.deepEqual(pngSize(og.png), { width: 1200, height: 630 });
  assert.deepEqual(og.uncovered, []);
  const px = readPng(og.png).pixels;
  const hex = (p: number[]) => `#${p.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  assert.equal(hex(px[630 * 1200 - 1]!), colors.bg, 'the background is the page colour');
  const dark = px.filter(([r, g, b]) => r! + g! + b! < 150).length;
  assert.ok(dark > 2000, `the title is drawn (${dark} dark pixels)`);

  const picture = await draw(cardPicture(card, 'h.example.cn/phrases/x/', '培训手册', colors));
  const size = pngSize(picture.png);
  assert.equal(size.width, 780);
  assert.ok(size.height > 400 && size.height < 1600, `height ${size.height}`);
});

test('drawing: a diagram picture shows the diagram’s shapes in the site’s colours and its label in the pictures’ font', async () => {
  const draw = renderer(root);
  const css = readFileSync(join(root, STYLESHEET), 'utf8');
  // One node, as Mermaid writes it: a box placed by translate() and its label as HTML.
  const picture = (label: string) => {
    const svg = fromHtml(
      `<svg id="diagram-t" width="200" height="100" viewBox="0 0 200 100"><g class="node" transform="translate(100, 50)"><rect x="-90" y="-40" width="180" height="80"></rect>
<g class="label" transform="translate(-40, -12)"><foreignObject width="80" height="24"><div xmlns="http://www.w3.org/1999/xhtml" style="white-space:nowrap"><span class="nodeLabel"><p>${label}</p></span></div></foreignObject></g></g></svg>`,
      { fragment: true, space: 'svg' },
    ).children[0] as Element;
    return diagramPicture({ flat: flattenDiagram(svg, pictureDiagramCss(css)), svgWidth: 200, title: '4.1 流程', url: 'h.example.cn/book/4/1/', siteName: '培训手册', colors });
  };
  const drawn = await draw(picture('受理投诉'));
  assert.deepEqual(drawn.uncovered, []);
  assert.equal(pngSize(drawn.png).width, 780);
  const hex = (p: number[]) => `#${p.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
  const pixels = readPng(drawn.png).pixels;
  // The node's box is filled with the site's node colour (Mermaid's own rules would leave it black here).
  const nodeColour = /--diagram-node:\s*([^;]+);/.exec(css)![1]!.trim();
  assert.ok(pixels.filter((p) => hex(p) === nodeColour).length > 20000, `the node is filled with ${nodeColour}`);
  // Its label is set: the same picture without it has far fewer dark pixels.
  const dark = (png: Buffer) => readPng(png).pixels.filter(([r, g, b]) => r! + g! + b! < 150).length;
  const unlabelled = await draw(picture(''));
  assert.ok(dark(drawn.png) - dark(unlabelled.png) > 400, `the label is drawn (${dark(drawn.png)} against ${dark(unlabelled.png)} dark pixels)`);
});

test('drawing: a character no font has is written as its equivalent (Ⅱ → II), or else reported (it would show as a box)', async () => {
  const draw = renderer(root);
  // ✗ is in the unicode range of the subset that has ✓, but not in the font: the first layout loads
  // that subset for both, only a second layout finds ✗ still missing.
  const first = await draw(ogPicture({ title: 'Ⅱ类账户 ✓ ✗', description: '' }, '手册', colors));
  assert.deepEqual(first.uncovered, ['✗']);
  const again = await draw(ogPicture({ title: '✗ 错误', description: 'Ⅱ' }, '手册', colors));
  assert.deepEqual(again.uncovered, ['✗']);
  const same = await draw(ogPicture({ title: 'II类账户', description: '' }, '手册', colors));
  const roman = await draw(ogPicture({ title: 'Ⅱ类账户', description: '' }, '手册', colors));
  assert.deepEqual(roman.png, same.png, 'Ⅱ is drawn as II');
});

test('drawing threads: pictures come back in one piece, in any number; a picture asked for before any thread waits for one', async () => {
  const pool = new DrawPool(root);
  try {
    const asked = [1, 2, 3].map((n) => pool.draw(cardPicture({ ...card, say: card.say.concat(Array(n).fill('再说一句。')) }, 'u', 's', colors)));
    pool.addThread();
    pool.addThread();
    assert.equal(pool.threads, 2);
    const drawn = await Promise.all(asked);
    const heights = drawn.map((d) => pngSize(d.png).height);
    assert.ok(heights[0]! < heights[1]! && heights[1]! < heights[2]!, `each its own picture: ${heights.join(', ')}`);
    await assert.rejects(pool.draw({ element: { type: 'div', props: { style: { display: 'grid-nope' } } }, width: 10, height: 10, scale: 1 }), /grid-nope|display/);
  } finally {
    await pool.close();
  }
});
