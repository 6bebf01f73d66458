import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareDocs, containsWhole, countWhole, createInstantSearch, instantDoc, keepStrongOnTop, lexiconOf, type InstantDoc, type PagefindFragment } from '../../src/lib/search/instant.ts';
import { buildInstantIndex } from '../../src/lib/search/index-build.ts';
import { chineseWords } from '../../src/lib/search/words.ts';
import { TYPE } from '../../src/lib/search/fields.ts';
import type { Vocabulary } from '../../src/lib/search/vocabulary.ts';

const splitter = chineseWords()!;
const VOCABULARY: Vocabulary = {
  words: ['年费', '首问负责'],
  synonyms: [
    ['吞卡', '卡被吞'],
    ['零钱', '硬币'],
  ],
  fillers: ['怎么办', '客户', '要'],
};

/** A page as Pagefind's fragment has it: head (title, summary), then the body. */
function page(id: string, url: string, number: string, title: string, summary: string, body: string, more: Partial<PagefindFragment> = {}) {
  const type = url.startsWith('/cases/') ? TYPE.case : url.startsWith('/phrases/') ? TYPE.phrase : TYPE.book;
  const fragment: PagefindFragment = {
    url,
    content: `${title}. ${summary} ${body}`,
    meta: { title, summary, ...more.meta },
    filters: { 类型: [type], 编号: [number], ...more.filters },
    anchors: more.anchors ?? [],
  };
  return { id, fragment };
}

const PAGES = [
  page('p17', '/book/2/17/', '2.17', '2.17 共情', '先接住客户的情绪。', '3F法. 感受、曾有同感、发现。', { anchors: [{ element: 'h2', id: 'three-f', text: '3F法' }], filters: { 篇: ['理念原则篇'] } }),
  page('p41', '/book/4/1/', '4.1', '4.1 投诉处理流程', '处理决定一般在15日内作出。', '2022年各项消费投诉都在增加。'),
  page('p411', '/book/4/1/1/', '4.1.1', '4.1.1 受理', '谁先接到投诉谁负责。', '当场接住客户。', { meta: { keywords: '首问负责' } }),
  page('c1003', '/cases/01003/', '01003', '案例 01003 4171元硬币的故事', '大妈攒了一大包硬币。', '兑换零钱费时费力。', { filters: { 岗位: ['大堂经理'], 标签: ['现金存取', '老年客户'] } }),
  page('c5005', '/cases/05005/', '05005', '案例 05005 周末夜里的吞卡电话', '客户称取款机吞卡。', '卡被吞以后，客户扬言找媒体。', { filters: { 岗位: ['客服座席员'], 标签: ['自助设备'] } }),
  page('c1006', '/cases/01006/', '01006', '案例 01006 扣划年费', '老大爷当晚被扣了10元年费。', '年费的收取要事先讲清。', { filters: { 岗位: ['大堂经理'], 标签: ['收费'] } }),
  page('k1', '/phrases/abuse/', 'abuse', '话术卡片 客户骂人时', '客户骂人时先停一停。', '不要顶回去。', { meta: { keywords: '骂人' } }),
];
const index = buildInstantIndex(PAGES, VOCABULARY, [{ name: '现金存取', url: '/cases/tag/cash/' }], splitter);
const search = createInstantSearch(index, splitter);
const urls = (q: string, filters = {}) => search.search(search.parse(q), filters).map((h) => h.doc.url);

test('a section number or case id puts exactly that page first, full-width digits too', () => {
  assert.deepEqual(urls('4.1'), ['/book/4/1/']);
  assert.deepEqual(urls('案例01003'), ['/cases/01003/']);
  assert.deepEqual(urls('０１００３'), ['/cases/01003/']);
});

test('a kept word matches that word, not its characters scattered over a page', () => {
  // 4.1 has 年 (2022年) and 费 (消费) but not 年费.
  assert.deepEqual(urls('年费'), ['/cases/01006/']);
});

test('a synonym finds the pages that use the other word, on both sides', () => {
  assert.deepEqual(urls('零钱'), ['/cases/01003/']);
  assert.deepEqual(urls('卡被吞'), ['/cases/05005/']);
});

test('filler words and single characters do not block a match, and a rare word outweighs a common one', () => {
  assert.deepEqual(urls('ATM吞卡怎么办')[0], '/cases/05005/');
  assert.deepEqual(urls('客户要兑换零钱')[0], '/cases/01003/');
  assert.deepEqual(urls('客户要'), []);
  assert.deepEqual(urls('的'), []);
});

test('a one-character typo finds the word one character away', () => {
  assert.deepEqual(urls('吞咔'), ['/cases/05005/']);
});

test('nonsense finds nothing', () => {
  assert.deepEqual(urls('tunka'), []);
  assert.deepEqual(urls('<script>'), []);
});

test('title and keyword matches are strong and come first', () => {
  const hits = search.search(search.parse('首问负责'));
  assert.deepEqual(hits.map((h) => [h.doc.url, h.strong]), [['/book/4/1/1/', true]]);
  assert.deepEqual(urls('3f'), ['/book/2/17/']);
});

test('a third page type (phrase cards) is found and sorted after the book and the cases', () => {
  assert.deepEqual(urls('客户骂人怎么说'), ['/phrases/abuse/']);
  const docs = index.docs.map((d) => d.url);
  assert.equal(docs.at(-1), '/phrases/abuse/');
});

test('filters narrow the hits, list their pages alone, and combine', () => {
  assert.deepEqual(urls('年费', { 岗位: ['客服座席员'] }), []);
  assert.deepEqual(search.list({ 岗位: ['大堂经理'] }).map((d) => d.url), ['/cases/01003/', '/cases/01006/']);
  assert.deepEqual(search.list({ 岗位: ['大堂经理'], 标签: ['老年客户'] }).map((d) => d.url), ['/cases/01003/']);
  assert.deepEqual(search.filterValues('标签').map(([v]) => v), ['老年客户', '收费', '现金存取', '自助设备']);
});

test('a field with the word as typed outranks one with only another word of its synonym group', () => {
  const pair = [
    page('a', '/book/3/2/', '3.2', '3.2 硬币兑换', '兑换的要点。', '正文。'),
    page('b', '/book/3/3/', '3.3', '3.3 其他服务', '服务的要点。', '正文。', { meta: { keywords: '零钱' } }),
  ];
  const small = createInstantSearch(buildInstantIndex(pair, VOCABULARY, [], splitter), splitter);
  const order = (q: string) => small.search(small.parse(q)).map((h) => h.doc.url);
  assert.deepEqual(order('零钱'), ['/book/3/3/', '/book/3/2/']);
  assert.deepEqual(order('硬币'), ['/book/3/2/', '/book/3/3/']);
});

test('what the full text says about a word outside the lexicon joins the ranking', () => {
  const parsed = search.parse('扬言');
  assert.deepEqual(search.search(parsed).map((h) => h.doc.url), []);
  const evidence = new Map([['扬言', { mentions: new Map([['c5005', 1]]), pages: 1 }]]);
  assert.deepEqual(search.search(parsed, {}, evidence).map((h) => h.doc.url), ['/cases/05005/']);
});

test('a word the full text finds nowhere does not sink the pages that match the rest of the query', () => {
  // A library large enough that an unknown word weighs like a rare one (as in the real index).
  const more = Array.from({ length: 60 }, (_, i) => page(`x${i}`, `/book/9/${i + 1}/`, `9.${i + 1}`, `9.${i + 1} 其他`, '别的话题。', '说的是别的事情，也提到年费。'));
  const big = createInstantSearch(buildInstantIndex([...PAGES, ...more], VOCABULARY, [], splitter), splitter);
  const parsed = big.parse('年费qwzx');
  const nowhere = new Map([['qwzx', { mentions: new Map<string, number>(), pages: 0 }]]);
  assert.ok(big.search(parsed, {}, nowhere).map((h) => h.doc.url).includes('/cases/01006/'));
  // Alone, or with words that are not the handbook's (红烧肉的做法), it still finds nothing.
  assert.deepEqual(big.search(big.parse('qwzx'), {}, nowhere), []);
  const everywhere = new Map([...nowhere, ['事情', { mentions: new Map(more.map((p) => [p.id, 1])), pages: more.length }]]);
  assert.deepEqual(big.search(big.parse('qwzx事情'), {}, everywhere), []);
});

test('in a query of words outside the lexicon only, a word no page has counts as the rarest', () => {
  const more = Array.from({ length: 60 }, (_, i) => page(`x${i}`, `/book/9/${i + 1}/`, `9.${i + 1}`, `9.${i + 1} 其他`, '别的话题。', '说的是别的事情。'));
  const big = createInstantSearch(buildInstantIndex([...PAGES, ...more], VOCABULARY, [], splitter), splitter);
  const holiday = new Map(more.slice(0, 3).map((p) => [p.id, 1]));
  const evidence = new Map([
    ['假期', { mentions: holiday, pages: 3 }],
    ['电影', { mentions: new Map<string, number>(), pages: 0 }],
  ]);
  assert.equal(big.search(big.parse('假期'), {}, evidence).length, 3);
  // 电影 is on no page: the pages with 假期 alone cover little of “假期电影”.
  assert.deepEqual(big.search(big.parse('假期电影'), {}, evidence), []);
});

test('a page with only everyday words of the query is not a hit', () => {
  const everyday = new Set(['今天']);
  const evidence = new Map([['今天', { mentions: new Map([['p41', 2], ['c1006', 1]]), pages: 2 }]]);
  const found = (q: string, words?: Set<string>) => search.search(search.parse(q, words), {}, evidence).map((h) => h.doc.url);
  assert.deepEqual(found('今天'), ['/book/4/1/', '/cases/01006/']);
  assert.deepEqual(found('今天', everyday), []);
  // With a word of the handbook's, the everyday word still narrows: the page with both comes back, the page with 今天 alone does not.
  assert.deepEqual(found('今天年费', everyday), ['/cases/01006/']);
});

test('a page marked as an invented story carries the flag into the index, and only then', () => {
  const story = page('s1', '/cases/06007/', '06007', '案例 06007 假币', '情景。', '正文。', { meta: { scenario: '1' } });
  assert.equal(instantDoc(story.id, story.fragment).scenario, true);
  assert.equal('scenario' in instantDoc(PAGES[0]!.id, PAGES[0]!.fragment), false);
});

test('a number is found only whole: 17 is not in 2.17 or 4171', () => {
  const has = containsWhole('17');
  assert.equal(has('2.17 共情'), false);
  assert.equal(has('4171元'), false);
  assert.equal(has('17.5元'), false);
  assert.equal(has('下午17:30'), true);
  assert.equal(has('第17条'), true);
  assert.equal(containsWhole('吞卡')('卡被吞卡'), true);
  assert.equal(countWhole('17日、2.17、17:30、4171', '17'), 2);
  assert.equal(countWhole('吞卡，又吞卡', '吞卡'), 2);
});

test('strong hits keep their places when the list is ranked again', () => {
  const before = search.search(search.parse('首问负责'));
  const after = [...search.search(search.parse('硬币')), ...before];
  assert.deepEqual(keepStrongOnTop(before, after).map((h) => h.doc.id), ['p411', 'c1003']);
});

test('a page is counted only where a word stands whole, and its head is not its text', () => {
  const lexicon = lexiconOf(index.vocabulary, index.docs);
  const term = lexicon.terms.findIndex((forms) => forms.includes('年费'));
  assert.deepEqual(index.postings[term], [4, 17, 1]); // page 4 (01006): title + summary, mentioned once in the body
});

test('an index entry is made from a Pagefind fragment, and a page without its search data is refused', () => {
  const { fragment } = PAGES[0]!;
  const doc: InstantDoc = instantDoc('p17', fragment);
  assert.deepEqual(doc.headings, [{ anchor: 'three-f', text: '3F法' }]);
  assert.throws(() => instantDoc('x', { ...fragment, meta: {} }), /\/book\/2\/17\/: the search index has no title/);
});

test('pages sort in reading order: book by number, then cases by id, then phrase cards', () => {
  const docs = PAGES.map((p) => instantDoc(p.id, p.fragment));
  assert.deepEqual([...docs].reverse().sort(compareDocs).map((d) => d.url), ['/book/2/17/', '/book/4/1/', '/book/4/1/1/', '/cases/01003/', '/cases/01006/', '/cases/05005/', '/phrases/abuse/']);
});
