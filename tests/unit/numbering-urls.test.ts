import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareNumbers, fileForNumber, kindOf, numberForFile, parentNumber, partOf, roleCodeOfCase } from '../../src/lib/content/numbering.ts';
import { bookUrl, caseUrl, ogImageUrl, phraseCardAnchor, phraseCardUrl, roleTagUrl, roleUrl, tagUrl, urlOfRef } from '../../src/lib/site/urls.ts';
import { parseContentRef } from '../../src/lib/content/refs.ts';
import { isValidAnchor, splitHeadingAnchor } from '../../src/lib/content/headings.ts';
import { nextFontSize } from '../../src/lib/reading.ts';
import { cleanUrl, shareText } from '../../src/lib/share.ts';

test('numbers sort like a book: parents first, 2.2 before 2.10', () => {
  const sorted = ['2.10', '3', '2', '2.2', '4.1.10', '4.1.2', '4.1', '1.5'].sort(compareNumbers);
  assert.deepEqual(sorted, ['1.5', '2', '2.2', '2.10', '3', '4.1', '4.1.2', '4.1.10']);
});

test('kind, parent and part of a number', () => {
  assert.equal(kindOf('2'), 'part');
  assert.equal(kindOf('2.17'), 'section');
  assert.equal(kindOf('4.1.3'), 'subsection');
  assert.equal(parentNumber('4.1.3'), '4.1');
  assert.equal(parentNumber('2'), undefined);
  assert.equal(partOf('4.1.3'), '4');
  assert.throws(() => kindOf('2.'), /not a section number/);
});

test('files and numbers map both ways', () => {
  assert.equal(fileForNumber('2.17'), '2/17.mdx');
  assert.equal(numberForFile('4/1/3.mdx'), '4.1.3');
  assert.equal(numberForFile('2.mdx'), '2');
  assert.equal(numberForFile('2/17.md'), undefined);
  assert.equal(numberForFile('2/017.mdx'), undefined);
});

test('case ids carry the role code', () => {
  assert.equal(roleCodeOfCase('01003'), '01');
  assert.equal(roleCodeOfCase('1003'), undefined);
});

test('URLs are short, ASCII and never contain titles', () => {
  assert.equal(bookUrl('2.17'), '/book/2/17/');
  assert.equal(bookUrl('4.1.3', 'steps'), '/book/4/1/3/#steps');
  assert.equal(bookUrl('2'), '/book/2/');
  assert.equal(caseUrl('01003'), '/cases/01003/');
  assert.equal(roleUrl('teller'), '/cases/role/teller/');
  assert.equal(tagUrl('vip'), '/cases/tag/vip/');
});

test('content links resolve to URLs', () => {
  assert.deepEqual(parseContentRef('book:2.17#three-f'), { kind: 'book', number: '2.17', anchor: 'three-f' });
  assert.deepEqual(parseContentRef('case:01003'), { kind: 'case', id: '01003' });
  assert.equal(parseContentRef('https://example.com'), undefined);
  assert.equal(parseContentRef('book:two'), undefined);
  assert.equal(urlOfRef(parseContentRef('case:01003#answers')!), '/cases/01003/#answers');
});

test('heading anchors are split off the heading text', () => {
  assert.deepEqual(splitHeadingAnchor('先接住情绪 [#feel]'), { text: '先接住情绪', anchor: 'feel' });
  assert.equal(splitHeadingAnchor('没有锚点'), undefined);
  assert.equal(isValidAnchor('three-f'), true);
  assert.equal(isValidAnchor('3f'), false);
  assert.equal(isValidAnchor('共情'), false);
});

test('font size steps stay in range', () => {
  assert.equal(nextFontSize(undefined, 1), 'l');
  assert.equal(nextFontSize('xl', 1), 'xl');
  assert.equal(nextFontSize('s', -1), 's');
  assert.equal(nextFontSize('bogus', -1), 's');
});

test('shared links drop WeChat query strings and keep the anchor', () => {
  const url = cleanUrl('https://h.example.cn/book/2/17/?from=singlemessage&isappinstalled=0#old', 'feel');
  assert.equal(url, 'https://h.example.cn/book/2/17/#feel');
  assert.equal(shareText('2.17 共情', '先接住情绪', url), '【2.17 共情】先接住情绪 https://h.example.cn/book/2/17/#feel');
});

test('share images and filtered case pages have short ASCII addresses', () => {
  assert.equal(ogImageUrl('/book/2/17/'), '/og/book-2-17.png');
  assert.equal(ogImageUrl('/'), '/og/home.png');
  assert.equal(roleTagUrl('lobby', 'elderly'), '/cases/role/lobby/tag/elderly/');
});

test('a phrase card has a short address, and an anchor in lists that is a valid id (starts with a letter)', () => {
  assert.equal(phraseCardUrl('3-6-app-refuse'), '/phrases/3-6-app-refuse/');
  for (const id of ['3-6-app-refuse', '01014-handling', 'calm']) assert.match(phraseCardAnchor(id), /^[a-z][a-z0-9-]*$/);
  assert.notEqual(phraseCardAnchor('1'), phraseCardAnchor('2'));
});
