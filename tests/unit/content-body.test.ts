/**
 * The content check on the syntax tree the renderer builds: every link form, every heading form, and
 * nothing in content that runs code or ships HTML the checks don't see. Each test plants one fault.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProblems, validateContent, type Problem } from '../../src/lib/content/validate.ts';
import { files, kase, section } from './helpers.ts';

/** The mini book with section 2.17's body replaced. */
const check = (body: string, over: Parameters<typeof files>[0] = {}) =>
  validateContent(files({ book: [...files().book.slice(0, 3), section('2.17', '共情', 'cases: ["01001"]\n', body)], ...over }));

const one = (problems: Problem[], pattern: RegExp): Problem => {
  const found = problems.filter((p) => pattern.test(p.message));
  assert.equal(found.length, 1, `expected one problem matching ${pattern}\n${formatProblems(problems)}`);
  return found[0]!;
};

const BODY_START = 8; // the line of the body's first line in section(): frontmatter of 6 lines + blank

test('links with a title, and reference-style links, are checked like any other', () => {
  const problems = check('## 为什么 [#why]\n\n见[案例](case:09999 "标题")。\n\n又见[那一节][r]。\n\n[r]: book:2.99\n');
  assert.equal(one(problems, /case 09999, which is not written/).line, BODY_START + 2);
  assert.equal(one(problems, /section 2\.99, which is not written/).line, BODY_START + 6);
});

test('a link to the site by its full address must be a content link', () => {
  const problems = check('## 为什么 [#why]\n\n见[这里](https://handbook.bank.cn/book/2/17/)。\n', { siteHosts: ['handbook.bank.cn'] });
  assert.match(one(problems, /points at this site by its full address/).fix, /book:2\.17/);
  assert.deepEqual(check('## 为什么 [#why]\n\n见[监管](https://www.nfra.gov.cn/)。\n', { siteHosts: ['handbook.bank.cn'] }), []);
});

test('links that can run code, and images, are refused', () => {
  const problems = check('## 为什么 [#why]\n\n[点我](javascript:alert(1)) 和 [数据](data:text/html,x)\n\n![图](https://tracker.example/p.png)\n');
  assert.equal(problems.filter((p) => /scheme that can run code/.test(p.message)).length, 2);
  one(problems, /an image in the text/);
});

test('headings in every form need an anchor: indented, setext, in a quote, in a list', () => {
  const body = '## 为什么 [#why]\n\n   ## 缩进的标题\n\n设置式标题\n---\n\n> ### 引用里的标题\n\n- ### 列表里的标题\n';
  const problems = check(body);
  assert.deepEqual(
    problems.map((p) => p.message),
    ['heading "缩进的标题" has no anchor', 'heading "设置式标题" has no anchor', 'heading "引用里的标题" has no anchor', 'heading "列表里的标题" has no anchor'],
  );
});

test('content cannot run code: expressions, import/export', () => {
  const problems = check('## 为什么 [#why]\n\n路径是{process.env.HOME}。\n\nexport const x = process.env.PATH\n');
  assert.match(one(problems, /\{process\.env\.HOME\} is code in MDX/).fix, /full-width ｛ ｝|\\\{/);
  assert.equal(one(problems, /import\/export is code/).line, BODY_START + 4);
});

test('raw HTML is refused outside a short allow-list without attributes', () => {
  const problems = check('## 为什么 [#why]\n\n<meta http-equiv="refresh" content="0;url=https://evil.example/" />\n\n<iframe src="https://evil.example/"></iframe>\n\n第一行<br />第二行，H<sub>2</sub>O，<sup class="x">注</sup>\n');
  one(problems, /<meta> is raw HTML/);
  one(problems, /<iframe> is raw HTML/);
  one(problems, /<sup> has attributes/);
  assert.equal(problems.length, 3, formatProblems(problems));
});

test('text MDX cannot read names the line and says what to write instead', () => {
  const p = one(check('## 为什么 [#why]\n\n金额<5万元时不用登记。\n'), /cannot be read as MDX/);
  assert.equal(p.line, BODY_START + 2);
  const brace = one(check('## 为什么 [#why]\n\n一个{没关上的括号\n'), /cannot be read as MDX/);
  assert.match(brace.fix, /full-width ｛ ｝/);
});

test('a file with a byte-order mark is named as the cause', () => {
  const bom = { ...section('2.18', '追求共同利益'), text: `\uFEFF${section('2.18', '追求共同利益').text}` };
  const p = one(validateContent(files({ book: [...files().book, bom] })), /byte-order mark/);
  assert.equal(p.path, 'content/book/2/18.mdx');
});

test('a section whose frontmatter cannot be read is not also reported as "not written" by links to it', () => {
  const broken = { path: 'content/book/2/18.mdx', text: '---\nnumber: "2.18\n---\n\n## 为什么 [#why]\n' };
  const problems = validateContent(files({ book: [...files().book.slice(0, 3), section('2.17', '共情', 'cases: ["01001"]\n', '## 为什么 [#why]\n\n见[下一节](book:2.18)。\n'), broken] }));
  assert.deepEqual(problems.map((p) => [p.path, /not valid YAML/.test(p.message)]), [['content/book/2/18.mdx', true]]);
});

test('every 自测 has a 参考答案 with one answer per question', () => {
  const missing = check('## 自测 [#check]\n\n1. 问题一？\n2. 问题二？\n');
  assert.match(one(missing, /自测 has 2 questions but no 参考答案/).fix, /> \*\*参考答案\*\*/);
  const short = check('## 自测 [#check]\n\n1. 问题一？\n2. 问题二？\n\n> **参考答案**\n>\n> 1. 答一。\n');
  one(short, /2 numbered questions but 参考答案 has 1 answers/);
  assert.deepEqual(check('## 自测 [#check]\n\n1. 问题一？\n\n> **参考答案**\n>\n> 1. 答一。\n'), []);
});

test('a sentence citing an invented case says 情景示例', () => {
  const cases = [kase('01001', { source: 'scenario' })];
  const bare = check('## 案例 [#cases]\n\n[案例01001](case:01001)里，员工先请客户坐下。\n', { cases });
  assert.match(one(bare, /invented scenario/).fix, /情景示例/);
  assert.deepEqual(check('## 案例 [#cases]\n\n情景示例[案例01001](case:01001)里，员工先请客户坐下。\n', { cases }), []);
});

test('the outline itself is checked', () => {
  const problems = validateContent(files({ outline: { path: 'content/outline.json', text: '{"book": "测试", "parts": [{"number": "1.2", "title": "导言", "page": 1, "sections": []}]}' } }));
  const p = one(problems, /parts\.0\.number/);
  assert.equal(p.path, 'content/outline.json');
});

test('a heading may not take an id the page itself uses', () => {
  const p = one(check('## 这一节包括 [#contents]\n'), /anchor \[#contents\] is used by the page itself/);
  assert.equal(p.line, BODY_START);
});
