import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exactNumberOf } from '../../src/lib/search/fields.ts';
import { findMatches, highlightTerms } from '../../src/lib/search/highlight.ts';

test('section numbers and case ids typed as queries are looked up exactly', () => {
  assert.equal(exactNumberOf('2.17'), '2.17');
  assert.equal(exactNumberOf(' 4.1.3 '), '4.1.3');
  assert.equal(exactNumberOf('01003'), '01003');
  assert.equal(exactNumberOf('案例 01003'), '01003');
  assert.equal(exactNumberOf('共情'), undefined);
  assert.equal(exactNumberOf('2'), undefined);
  assert.equal(exactNumberOf('12378'), undefined);
});

test('highlight terms: the parts of the query and the words inside them, longest first', () => {
  const segment = (t: string) => (t === '理财亏损' ? ['理财', '亏损'] : [t]);
  assert.deepEqual(highlightTerms('理财亏损  挂失', segment), ['理财亏损', '挂失', '理财', '亏损']);
  assert.deepEqual(highlightTerms('共情'), ['共情']);
});

test('matches do not overlap and come in text order', () => {
  const text = '理财亏损了，理财经理解释亏损原因';
  assert.deepEqual(findMatches(text, ['理财', '理财亏损', '亏损']), [[0, 4], [6, 8], [12, 14]]);
  assert.deepEqual(findMatches('LPR和lpr', ['LPR']), [[0, 3], [4, 7]]);
  assert.deepEqual(findMatches('没有', ['共情']), []);
});
