import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareDocs, createInstantSearch, instantDoc, mergeWithFullText, type InstantDoc, type PagefindFragment } from '../../src/lib/search/instant.ts';
import { chineseWords } from '../../src/lib/search/words.ts';
import { TYPE } from '../../src/lib/search/fields.ts';


function doc(id: string, url: string, number: string, title: string, more: Partial<InstantDoc> = {}): InstantDoc {
  const type = url.startsWith('/cases/') ? TYPE.case : TYPE.book;
  return { id, url, title, summary: '', keywords: [], headings: [], ...more, filters: { 类型: [type], 编号: [number], ...more.filters } };
}

const DOCS = [
  doc('p17', '/book/2/17/', '2.17', '2.17 共情', { summary: '先接住客户的情绪。', keywords: ['同理心'], headings: [{ anchor: 'three-f', text: '3F法' }], filters: { 篇: ['理念原则篇'] } }),
  doc('p41', '/book/4/1/', '4.1', '4.1 投诉处理流程', { summary: '处理决定一般在15日内作出。', filters: { 篇: ['流程管理篇'] } }),
  doc('p411', '/book/4/1/1/', '4.1.1', '4.1.1 受理', { keywords: ['首问负责'], filters: { 篇: ['流程管理篇'] } }),
  doc('c1003', '/cases/01003/', '01003', '案例 01003 4171元硬币的故事', { summary: '大妈攒了一大包硬币。', filters: { 岗位: ['大堂经理'], 标签: ['现金存取', '老年客户'] } }),
  doc('c2012', '/cases/02012/', '02012', '案例 02012 不会写字的老人要签名', { summary: '老人来取款，却不会写字。', filters: { 岗位: ['高柜柜员'], 标签: ['老年客户', '首问负责'] } }),
];
const search = createInstantSearch({ docs: DOCS }, chineseWords());
const urls = (q: string, filters = {}) => search.search(q, filters).map((h) => h.doc.url);

test('a section number or case id puts exactly that page first, full-width digits too', () => {
  assert.deepEqual(urls('4.1'), ['/book/4/1/', '/book/4/1/1/']);
  assert.deepEqual(urls('案例01003'), ['/cases/01003/']);
  assert.deepEqual(urls('０１００３'), ['/cases/01003/']);
});

test('title and keyword matches are strong and come before summary, heading and tag matches', () => {
  const hits = search.search('首问负责');
  assert.deepEqual(hits.map((h) => [h.doc.url, h.strong]), [['/book/4/1/1/', true], ['/cases/02012/', false]]);
  assert.deepEqual(urls('3f'), ['/book/2/17/']);
  assert.equal(search.search('3F')[0]!.headings[0]!.anchor, 'three-f');
});

test('every part of the query must match; a run of words is split into words when it does not match whole', () => {
  assert.deepEqual(urls('老人取款'), ['/cases/02012/']);
  assert.deepEqual(urls('老人 硬币'), []);
  assert.deepEqual(urls('老年客户 硬币'), ['/cases/01003/']);
  assert.deepEqual(urls('没有这个词'), []);
  assert.deepEqual(urls('  '), []);
});

test('without a segmenter only whole parts match', () => {
  const plain = createInstantSearch({ docs: DOCS });
  assert.deepEqual(plain.search('老人取款'), []);
  assert.deepEqual(plain.search('共情').map((h) => h.doc.url), ['/book/2/17/']);
});

test('filters narrow the hits, and list their values with counts in a stable order', () => {
  assert.deepEqual(urls('老年客户', { 岗位: ['大堂经理'] }), ['/cases/01003/']);
  assert.deepEqual(urls('4.1', { 类型: ['案例'] }), []);
  assert.deepEqual(search.filterValues('篇'), [['理念原则篇', 1], ['流程管理篇', 2]]);
  assert.deepEqual(search.filterValues('标签').map(([v]) => v), ['老年客户', '首问负责', '现金存取']);
});

test('merging keeps strong hits on top, then the full-text order, then the instant hits full text missed', () => {
  const hits = search.search('首问负责');
  const merged = mergeWithFullText(hits, ['c9999', 'p411', 'c2012']);
  assert.deepEqual(merged.map((m) => [m.id, Boolean(m.hit)]), [['p411', true], ['c9999', false], ['c2012', true]]);
  assert.deepEqual(mergeWithFullText(hits, []).map((m) => m.id), ['p411', 'c2012']);
});

test('an index entry is made from a Pagefind fragment, and a page without its search data is refused', () => {
  const fragment: PagefindFragment = {
    url: '/book/2/17/',
    meta: { title: '2.17 共情', summary: '先接住情绪。', keywords: '同理心|情绪安抚' },
    filters: { 编号: ['2.17'], 篇: ['理念原则篇'], 标签: [] },
    anchors: [
      { element: 'h2', id: 'why', text: '为什么' },
      { element: 'svg', id: 'diagram-1', text: '' },
    ],
  };
  assert.deepEqual(instantDoc('zh-cn_1', fragment), {
    id: 'zh-cn_1',
    url: '/book/2/17/',
    title: '2.17 共情',
    summary: '先接住情绪。',
    keywords: ['同理心', '情绪安抚'],
    headings: [{ anchor: 'why', text: '为什么' }],
    filters: { 编号: ['2.17'], 篇: ['理念原则篇'] },
  });
  assert.throws(() => instantDoc('x', { ...fragment, meta: {} }), /\/book\/2\/17\/: the search index has no title/);
});

test('pages sort in reading order: book by number, then cases by id', () => {
  const sorted = [DOCS[3]!, DOCS[2]!, DOCS[0]!, DOCS[1]!].sort(compareDocs).map((d) => d.url);
  assert.deepEqual(sorted, ['/book/2/17/', '/book/4/1/', '/book/4/1/1/', '/cases/01003/']);
});
