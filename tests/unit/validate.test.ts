import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProblems, validateContent, type Problem } from '../../src/lib/content/validate.ts';
import { CASE_BODY, files, kase, section } from './helpers.ts';

const only = (problems: Problem[]) => {
  assert.equal(problems.length, 1, formatProblems(problems));
  return problems[0]!;
};

test('valid content has no problems', () => {
  assert.deepEqual(validateContent(files()), []);
});

test('a missing field names the file, the line of the frontmatter and the field', () => {
  const bad = { path: 'content/book/1/1.mdx', text: '---\nnumber: "1.1"\ntitle: 读者对象\n---\n\n## 为什么 [#why]\n' };
  const p = only(validateContent(files({ book: [bad, section('2.17', '共情', 'cases: ["01001"]\n')] })));
  assert.equal(p.path, 'content/book/1/1.mdx');
  assert.match(p.message, /field "summary" is missing/);
});

test('a duplicate section number is reported on the file in the wrong place', () => {
  const twin = { ...section('2.17', '共情'), path: 'content/book/2/18.mdx' };
  const p = only(validateContent(files({ book: [...files().book, twin] })));
  assert.equal(p.path, 'content/book/2/18.mdx');
  assert.match(p.message, /number "2\.17" does not match the file's place \(content\/book\/2\/18\.mdx is 2\.18\)/);
});

test('only .mdx files named by their number are sections', () => {
  const p = only(validateContent(files({ book: [...files().book, { ...section('2.18', '追求共同利益'), path: 'content/book/2/18.md' }] })));
  assert.match(p.message, /does not follow the numbering/);
  assert.match(p.fix, /content\/book\/2\/18\.mdx/);
});

test('the number must match the file place, with a fix naming both', () => {
  const moved = { ...section('2.18', '追求共同利益'), path: 'content/book/2/19.mdx' };
  const p = only(validateContent(files({ book: [...files().book, moved] })));
  assert.equal(p.line, 2);
  assert.match(p.message, /2\.18.*2\.19/);
  assert.match(p.fix, /content\/book\/2\/18\.mdx/);
});

test('titles must agree with the outline', () => {
  const p = only(validateContent(files({ book: [...files().book, section('2.18', '共同利益')] })));
  assert.equal(p.line, 3);
  assert.match(p.message, /differs from the outline's "追求共同利益"/);
  assert.equal(p.fix, 'set title: 追求共同利益');
});

test('numbers outside the outline are refused; subsections need their section', () => {
  const problems = validateContent(files({ book: [...files().book, section('2.40', '新节'), section('2.18.1', '小节')] }));
  assert.deepEqual(problems.map((p) => [p.path, p.message]), [
    ['content/book/2/18/1.mdx', 'subsection 2.18.1 has no section 2.18 to belong to'],
    ['content/book/2/40.mdx', 'number "2.40" is not in the book\'s outline (content/outline.json)'],
  ]);
});

test('an unknown case id in a section names the line of that id', () => {
  const p = only(validateContent(files({ book: [section('2.17', '共情', 'cases:\n  - "01001"\n  - "09999"\n')] })));
  assert.equal(p.line, 7);
  assert.match(p.message, /"09999", which is not a case/);
});

test('in-text links must reach a written page and an existing anchor', () => {
  const body = '## 为什么 [#why]\n\n见[导言](book:1.1)和[未写](book:2.18)。\n\n另见[案例](case:01001#nothing)和[旧式](/book/1/1/)。\n';
  const problems = validateContent(files({ book: [...files().book.slice(0, 3), section('2.17', '共情', '', body)] }));
  assert.equal(problems.length, 3, formatProblems(problems));
  assert.deepEqual(problems.map((p) => p.line), [9, 11, 11]);
  assert.match(problems[0]!.message, /section 2\.18, which is not written/);
  const anchor = problems.find((p) => /case 01001 has no heading \[#nothing\]/.test(p.message));
  assert.match(anchor!.fix, /story, analysis/);
  assert.ok(problems.some((p) => /written as a URL/.test(p.message)));
});

test('headings need a valid, unique ASCII anchor', () => {
  const body = '## 为什么\n\n## 怎么做 [#How]\n\n## 话术 [#why]\n\n### 再说 [#why]\n\n```md\n## 代码里的标题不算\n```\n';
  const problems = validateContent(files({ book: [...files().book.slice(0, 3), section('2.17', '共情', '', body)] }));
  assert.deepEqual(problems.map((p) => p.message), [
    'heading "为什么" has no anchor',
    'anchor [#How] is not valid',
    'anchor [#why] is used twice in this file',
  ]);
});

test('cases: unknown role and tag, with the list of valid values as the fix', () => {
  const problems = validateContent(files({ cases: [kase('01001', { role: 'manager', tags: '[贵宾客户, 首问负责, 不存在]' })] }));
  assert.equal(problems.length, 2, formatProblems(problems));
  assert.match(problems[0]!.fix, /lobby \(大堂经理\)/);
  assert.equal(problems[1]!.line, 6);
  assert.match(problems[1]!.fix, /src\/lib\/taxonomy\.ts/);
});

test('cases: the id prefix must be the role code', () => {
  const p = only(validateContent(files({ cases: [kase('01001'), kase('02005', { role: 'lobby' })] })));
  assert.match(p.message, /case 02005 starts with 02 but its role is lobby/);
  assert.match(p.fix, /set role: teller/);
});

test('cases: the five headings in order and one answer per question', () => {
  const noAnswers = CASE_BODY.replace(/## 参考要点[\s\S]*$/, '');
  const unequal = CASE_BODY.replace('2. 答二。', '');
  const problems = validateContent(files({ cases: [kase('01001'), kase('01002', {}, noAnswers), kase('01003', {}, unequal)] }));
  assert.equal(problems.length, 2, formatProblems(problems));
  assert.match(problems[0]!.message, /missing "## 参考要点 \[#answers\]"/);
  assert.match(problems[1]!.message, /2 numbered questions but 参考要点 has 1/);
});

test('cases: related sections must exist, duplicates must point to a case', () => {
  const problems = validateContent(
    files({ cases: [kase('01001'), kase('01002', { sections: '["2.18", "7.99"]' }), kase('01003', { duplicateOf: '"01009"' }, '短页。\n')] }),
  );
  assert.equal(problems.length, 2, formatProblems(problems));
  assert.match(problems[0]!.message, /"7\.99", which is neither/);
  assert.match(problems[1]!.message, /duplicateOf "01009" is not another case/);
});

test('unknown fields and broken YAML are reported', () => {
  const broken = { path: 'content/cases/01002.mdx', text: '---\nid: "01002\n---\n' };
  const problems = validateContent(files({ cases: [kase('01001', { colour: 'red' }), broken] }));
  assert.equal(problems.length, 2, formatProblems(problems));
  assert.match(problems[0]!.message, /unknown field "colour"/);
  assert.match(problems[1]!.message, /not valid YAML/);
});

test('formatProblems puts file:line first and the fix under it', () => {
  const text = formatProblems([{ path: 'content/a.mdx', line: 3, message: 'bad', fix: 'do this' }]);
  assert.match(text, /content\/a\.mdx:3 {2}bad\n {4}fix: do this/);
});
