import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { remarkContentLinks, remarkHeadingAnchors } from '../../src/lib/markdown/remark-handbook.ts';
import { rehypeCallouts, rehypeHeadingLinks, rehypeScrollTables } from '../../src/lib/markdown/rehype-handbook.ts';
import { diagramKey, renameSvgId } from '../../src/lib/markdown/mermaid.ts';
import remarkGfm from 'remark-gfm';

const render = (md: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkHeadingAnchors)
      .use(remarkContentLinks)
      .use(remarkRehype)
      .use(rehypeCallouts)
      .use(rehypeScrollTables)
      .use(rehypeHeadingLinks)
      .use(rehypeStringify)
      .processSync(md),
  );

test('headings get their written anchor and a link to themselves', () => {
  const html = render('## 先接住情绪 [#feel]\n');
  assert.match(html, /<h2 id="feel">先接住情绪<a class="heading-link" href="#feel"/);
  assert.doesNotMatch(html, /\[#feel\]/);
});

test('book: and case: links become site URLs', () => {
  const html = render('见[共情](book:2.17#three-f)和[案例](case:01003)，外链[网站](https://example.com)。');
  assert.match(html, /href="\/book\/2\/17\/#three-f"/);
  assert.match(html, /href="\/cases\/01003\/"/);
  assert.match(html, /href="https:\/\/example.com"/);
});

test('labelled block quotes become call-outs; others stay quotes', () => {
  const html = render('> **可以这样说**\n>\n> - “您先坐。”\n\n> **编者注**：已更正。\n\n> 普通引用\n');
  assert.match(html, /<aside class="callout callout-do" aria-label="可以这样说">/);
  assert.match(html, /<aside class="callout callout-note" aria-label="编者注">/);
  assert.match(html, /<blockquote>\s*<p>普通引用/);
});

test('tables scroll inside their own box', () => {
  assert.match(render('| a | b |\n|---|---|\n| 1 | 2 |\n'), /<section class="scroll-box" tabindex="0" aria-label="[^"]+"><table>/);
});

test('diagram keys follow the source and the config; ids are renamed everywhere', () => {
  assert.equal(diagramKey('flowchart TD\nA-->B', { v: 1 }), diagramKey('flowchart TD\nA-->B\n', { v: 1 }));
  assert.notEqual(diagramKey('flowchart TD\nA-->B', { v: 1 }), diagramKey('flowchart TD\nA-->B', { v: 2 }));
  const svg = '<svg id="mermaid-1"><style>#mermaid-1 .node{}</style><marker id="mermaid-1_arrow"/><path marker-end="url(#mermaid-1_arrow)"/><g id="mermaid-10"/></svg>';
  assert.equal(
    renameSvgId(svg, 'mermaid-1', 'diagram-abc'),
    '<svg id="diagram-abc"><style>#diagram-abc .node{}</style><marker id="diagram-abc_arrow"/><path marker-end="url(#diagram-abc_arrow)"/><g id="mermaid-10"/></svg>',
  );
});

test('diagrams without their own title are labelled by their steps', async () => {
  const { fromHtmlIsomorphic } = await import('hast-util-from-html-isomorphic');
  const { diagramLabel } = await import('../../src/lib/markdown/mermaid.ts');
  const tree = fromHtmlIsomorphic('<svg><g><foreignObject><div><span class="nodeLabel"><p>受理</p></span></div></foreignObject><foreignObject><span class="edgeLabel">能</span></foreignObject><foreignObject><span class="nodeLabel">受理</span></foreignObject><foreignObject><span class="nodeLabel">答复</span></foreignObject></g></svg>', { fragment: true });
  assert.equal(diagramLabel(tree.children[0] as never), '流程图：受理；答复');
});
