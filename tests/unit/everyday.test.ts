import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVERYDAY_LIFT, everydayWords, readFrequencies } from '../../src/lib/search/everyday.ts';
import { compileLexicon, Lexicon } from '../../src/lib/search/vocabulary.ts';

// A general corpus of 1,000 words: 今天 common, 柜台 rare, 年费 a word of the handbook's own vocabulary.
const GENERAL = readFrequencies(['今天 100 t', '天气 50 n', '柜台 1 n', '年费 10 n', '怎么 200 r', '北京 100 ns', '一 539 m', 'bad line', ''].join('\n'));
const lexicon = new Lexicon(compileLexicon({ words: ['年费'], synonyms: [], fillers: ['怎么'] }, []));

test('a jieba dictionary is read as word frequencies, lines without a count skipped', () => {
  assert.equal(GENERAL.total, 1000);
  assert.equal(GENERAL.counts.get('柜台'), 1);
  assert.equal(GENERAL.counts.has('bad'), false);
});

test('everyday words: dictionary words the pages use less than EVERYDAY_LIFT times as often as the corpus', () => {
  // 100 characters of pages. 今天 once: 1 % of the text against 10 % of the corpus. 柜台 once: 1 % against 0.1 %.
  // 天气 and 北京 are everyday but not on the pages (nothing to ship); 年费 is the vocabulary's, 怎么 a filler.
  const pages = ['今天' + '柜台' + '年费' + '怎么' + 'x'.repeat(42), 'y'.repeat(50)];
  assert.deepEqual(everydayWords(pages, GENERAL, lexicon), ['今天']);
});

test('the lift decides: a word used just above it is the handbook’s own, just below it everyday', () => {
  // 天气 is 5 % of the corpus: on 100 characters of pages, 9 times (9 %) is under EVERYDAY_LIFT × 5 %, 11 times over.
  const text = (n: number) => ['天气'.repeat(n) + 'z'.repeat(100 - 2 * n)];
  assert.equal(EVERYDAY_LIFT, 2);
  assert.deepEqual(everydayWords(text(9), GENERAL, lexicon), ['天气']);
  assert.deepEqual(everydayWords(text(11), GENERAL, lexicon), []);
});
