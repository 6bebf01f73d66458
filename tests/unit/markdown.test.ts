import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { remarkContentLinks, remarkHeadingAnchors } from '../../src/lib/markdown/remark-handbook.ts';
import { rehypeCallouts, rehypeFoldCaseAnswers, rehypeHeadingLinks, rehypeScrollTables } from '../../src/lib/markdown/rehype-handbook.ts';
import { syntaxPlugins } from '../../src/lib/markdown/syntax.ts';
import { explainMermaidError } from '../../src/lib/markdown/mermaid-errors.ts';
import { diagramKey, renameSvgId } from '../../src/lib/markdown/mermaid.ts';
import remarkGfm from 'remark-gfm';

const render = (md: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(syntaxPlugins)
      .use(remarkHeadingAnchors)
      .use(remarkContentLinks)
      .use(remarkRehype)
      .use(rehypeCallouts)
      .use(rehypeScrollTables)
      .use(rehypeHeadingLinks)
      .use(rehypeFoldCaseAnswers)
      .use(rehypeStringify)
      .processSync(md),
  );

test('headings get their written anchor and a link to themselves', () => {
  const html = render('## 先接住情绪 [#feel]\n');
  assert.match(html, /<h2 id="feel">先接住情绪<a class="heading-link" href="#feel"/);
  assert.doesNotMatch(html, /\[#feel\]/);
});

test('bold that ends in Chinese punctuation before a Chinese character still closes', () => {
  assert.match(render('**见到信号就上报。**客户走了。'), /<strong>见到信号就上报。<\/strong>客户走了。/);
});

test('book: and case: links become site URLs, in every link form', () => {
  const html = render('见[共情](book:2.17#three-f)和[案例](case:01003 "标题")，又见[那里][r]，外链[网站](https://example.com)。\n\n[r]: book:4.1.3');
  assert.match(html, /href="\/book\/4\/1\/3\/"/);
  assert.match(html, /href="\/book\/2\/17\/#three-f"/);
  assert.match(html, /href="\/cases\/01003\/"/);
  assert.match(html, /href="https:\/\/example.com"/);
});

test('labelled block quotes become call-outs; others stay quotes', () => {
  const html = render('> **可以这样说**\n>\n> - “您先坐。”\n\n> **编者注**：已更正。\n\n> 普通引用\n');
  assert.match(html, /<div class="callout callout-do" role="note">/);
  assert.match(html, /<div class="callout callout-note" role="note">/);
  assert.match(html, /<blockquote>\s*<p>普通引用/);
  assert.match(render('> **可以这样说：客户要求见行长**\n>\n> - “我来处理。”\n'), /<div class="callout callout-do" role="note">/);
});

test('answers for trainers are folded: 参考答案 call-outs, and a case’s 参考要点', () => {
  const quiz = render('## 自测 [#check]\n\n1. 问？\n\n> **参考答案**\n>\n> 1. 答。\n');
  assert.match(quiz, /<details class="callout callout-answers">\s*<summary>参考答案<span class="fold-hint" data-screen-only(?:="")?>（点击展开）<\/span><\/summary>\s*<ol>/);
  const kase = render('## 讨论题 [#questions]\n\n1. 问？\n\n## 参考要点 [#answers]\n\n1. 答。\n\n## 今天怎么看 [#today]\n\n今天。\n');
  assert.match(kase, /<h2 id="answers">参考要点<a [^>]*>#<\/a><\/h2><details class="answers"><summary><span class="fold-hint" data-screen-only(?:="")?>[^<]+<\/span><\/summary>\s*<ol>\s*<li>答。<\/li>\s*<\/ol>\s*<\/details>\s*<h2 id="today">/);
});

test('Mermaid errors in words, with the line inside the diagram', () => {
  const bracket = explainMermaidError("Parse error on line 3:\n...否当场解决  B -- 能 --> C[答复\n----------------------^\nExpecting 'SQE', 'DOUBLECIRCLEEND', got 'PS'");
  assert.equal(bracket.diagramLine, 3);
  assert.match(bracket.fix, /double quotes/);
  assert.match(explainMermaidError('No diagram type detected matching given configuration').fix, /flowchart TD/);
  assert.equal(explainMermaidError('Lexical error on line 2. Unrecognized text.').diagramLine, 2);
});

test('tables scroll inside their own box; several boxes on a page get names of their own', () => {
  const table = '| a | b |\n|---|---|\n| 1 | 2 |\n';
  assert.match(render(table), /<section class="scroll-box" tabindex="0" aria-label="[^"]+"><table>/);
  const names = [...render(`${table}\n段落\n\n${table}`).matchAll(/<section class="scroll-box"[^>]* aria-label="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(names.length, 2);
  assert.equal(new Set(names).size, 2, names.join(' / '));
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
