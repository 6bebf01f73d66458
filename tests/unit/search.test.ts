import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactNumberOf } from '../../src/lib/search/fields.ts';
import { findMatches, highlightParam, highlightTerms } from '../../src/lib/search/highlight.ts';
import { cut, excerptOf } from '../../src/lib/search/excerpt.ts';
import { bodyText } from '../../src/lib/search/fragment.ts';
import { readState, writeState } from '../../src/lib/search/url-state.ts';
import { closestTopics } from '../../src/lib/search/suggest.ts';
import { compileLexicon, Lexicon } from '../../src/lib/search/vocabulary.ts';
import { parseVocabulary, readVocabulary, VOCABULARY_FILE } from '../../src/lib/search/vocabulary-schema.ts';
import { ECHO_CHARS, echoQuery, parseQuery } from '../../src/lib/search/query.ts';
import { chineseWords } from '../../src/lib/search/words.ts';

test('section numbers and case ids typed as queries are looked up exactly', () => {
  assert.equal(exactNumberOf('2.17'), '2.17');
  assert.equal(exactNumberOf(' 4.1.3 '), '4.1.3');
  assert.equal(exactNumberOf('案例 01003'), '01003');
  assert.equal(exactNumberOf('共情'), undefined);
  assert.equal(exactNumberOf('12378'), undefined);
});

test('highlight terms: the words of ?highlight=, longest first; matches do not overlap and come in text order', () => {
  assert.deepEqual(highlightTerms('挂失  理财亏损 挂失'), ['理财亏损', '挂失']);
  assert.equal(highlightParam(['吞卡', '卡被吞', '吞卡']), '卡被吞 吞卡');
  assert.deepEqual(findMatches('理财亏损了，理财经理解释亏损原因', ['理财', '理财亏损', '亏损']), [[0, 4], [6, 8], [12, 14]]);
  assert.deepEqual(findMatches('LPR和lpr', ['LPR']), [[0, 3], [4, 7]]);
});

test('the shipped vocabulary is valid', () => {
  const vocabulary = readVocabulary(new URL(`../../content/${VOCABULARY_FILE}`, import.meta.url).pathname);
  assert.ok(vocabulary.words.length > 0 && vocabulary.synonyms.length > 0 && vocabulary.fillers.length > 0);
});

test('a wrong vocabulary fails with the place and a fix', () => {
  const bad = (v: unknown) => () => parseVocabulary(JSON.stringify(v), 'content/vocabulary.json');
  assert.throws(bad({ words: ['年'], synonyms: [], fillers: [] }), /words\.0: has one character.*\n.*fix: see “Search vocabulary”/s);
  assert.throws(bad({ words: ['吞卡'], synonyms: [['吞卡', '卡被吞']], fillers: [] }), /words\.0: “吞卡” is also in synonym group 1/);
  assert.throws(bad({ words: ['年 费'], synonyms: [], fillers: [] }), /has a space/);
  assert.throws(bad({ words: [], synonyms: [['零钱']], fillers: [] }), /at least two words/);
  assert.throws(() => parseVocabulary('{', 'content/vocabulary.json'), /content\/vocabulary\.json: not valid JSON/);
  assert.throws(() => readVocabulary('/nowhere/vocabulary.json'), /\/nowhere\/vocabulary\.json: the search vocabulary is missing; fix: create it/);
});

const lexicon = new Lexicon(compileLexicon({ words: ['年费', '吞卡', '挂失'], synonyms: [['零钱', '硬币'], ['ATM', '取款机']], fillers: ['怎么办', '客户', '要', '的'] }, ['ATM吞卡']));
const splitter = chineseWords()!;

test('queries: fillers and single characters are left out, lexicon words stay whole, a compound keyword counts as its words', () => {
  const q = parseQuery('ATM吞卡怎么办', lexicon, splitter);
  assert.deepEqual(q.terms.map((t) => t.typed), ['atm', '吞卡']);
  assert.deepEqual(q.phrases[0], { text: 'atm吞卡', terms: [0, 1], complete: true });
  assert.deepEqual(q.ignored, ['怎么办']);
  assert.deepEqual(parseQuery('客户要', lexicon, splitter).terms, []);
});

test('queries: a run of characters no dictionary knows gets the lexicon words one character away', () => {
  const q = parseQuery('挂矢', lexicon, splitter);
  assert.equal(q.terms.length, 1);
  assert.deepEqual([...q.terms[0]!.terms.keys()].map((t) => lexicon.terms[t]![0]), ['挂失']);
});

test('queries: a typo is looked for in the whole run or a three-character piece of it, not a two-character piece', () => {
  const withHotline = new Lexicon(compileLexicon({ words: ['热线', '溢缴款'], synonyms: [], fillers: [] }, []));
  // 号线 is one character away from 热线, but shares a single character with it.
  assert.deepEqual([...parseQuery('几号线', withHotline, splitter).terms[0]!.terms.keys()], []);
  const typo = parseQuery('退溢交款', withHotline, splitter).terms[0]!;
  assert.deepEqual([...typo.terms.keys()].map((t) => withHotline.terms[t]![0]), ['溢缴款']);
});

test('queries: an everyday word is marked as such', () => {
  const q = parseQuery('今天年费', lexicon, splitter, new Set(['今天']));
  assert.deepEqual(q.terms.map((t) => [t.typed, t.everyday ?? false]), [['今天', true], ['年费', false]]);
});

test('words count only where they stand whole', () => {
  assert.deepEqual(lexicon.find('今年费用', splitter), []);
  assert.deepEqual(lexicon.find('扣了10元年费', splitter).map((o) => o.form), ['年费']);
});

test('excerpts start at a sentence or clause boundary, hold the words, and name their heading', () => {
  const body = '为什么. 硬币很重。 怎么做. 大妈攒了一大包硬币，跑了几家银行都没换成，大堂经理把她留下，全网点一起动手，很快点清了。';
  const headings = [{ anchor: 'why', text: '为什么' }, { anchor: 'how', text: '怎么做' }];
  const excerpt = excerptOf(body, ['大堂经理'], headings, 30)!;
  assert.equal(excerpt.heading?.anchor, 'how');
  assert.ok(excerpt.text.startsWith('…大堂经理把她留下'), excerpt.text);
  assert.equal(excerptOf(body, ['没有'], headings), undefined);
  assert.equal(cut('，比如这样。', ['比如']), '比如这样。');
});

test('a page body leaves out its head: title, the 岗位/来源 line and the summary', () => {
  const content = '案例 ​01003​硬币. ​岗位​：​大堂​经理 ​· ​来源​：​案例集. ​一句话概括一位大妈攒了硬币。 ​案例经过. ​正文。';
  assert.equal(bodyText({ content }, { title: '案例 01003 硬币', summary: '一位大妈攒了硬币。' }), ' 案例经过. 正文。');
});

test('the search state reads from and writes to the URL', () => {
  const state = readState(new URLSearchParams('q=挂失&role=大堂经理&tag=老年客户&x=1'));
  assert.deepEqual(state, { query: '挂失', filters: { 岗位: ['大堂经理'], 标签: ['老年客户'] } });
  assert.equal(writeState(state), '?q=%E6%8C%82%E5%A4%B1&role=%E5%A4%A7%E5%A0%82%E7%BB%8F%E7%90%86&tag=%E8%80%81%E5%B9%B4%E5%AE%A2%E6%88%B7');
  assert.equal(writeState({ query: '', filters: {} }), '');
});

test('when nothing is found, the topics sharing most with the query are offered', () => {
  const topics = [{ name: '现金存取', url: '/t/cash/' }, { name: '信用卡', url: '/t/cc/' }, { name: '第2篇 理念原则篇', url: '/book/2/' }];
  assert.deepEqual(closestTopics('取现金', topics).map((t) => t.url), ['/t/cash/']);
  assert.deepEqual(closestTopics('xyz', topics), []);
});

test('a query is echoed short: spaces squeezed, a pasted paragraph cut with …', () => {
  assert.equal(echoQuery('  ATM   吞卡 '), 'ATM 吞卡');
  const long = '客户'.repeat(200);
  const echoed = echoQuery(long);
  assert.equal([...echoed].length, ECHO_CHARS + 1);
  assert.ok(echoed.endsWith('…'));
  assert.equal(echoQuery('𠀀'.repeat(ECHO_CHARS)), '𠀀'.repeat(ECHO_CHARS), 'counts characters, not UTF-16 units');
});
