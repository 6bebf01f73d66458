import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractCards, phraseLabel } from '../../src/lib/content/cards.ts';
import { parseSourceFile } from '../../src/lib/content/parse.ts';

const cardsOf = (body: string, key = '5.1.11', title = '客户拍视频、说要曝光') => extractCards(parseSourceFile({ path: 'x.mdx', text: `---\nnumber: "${key}"\n---\n\n${body}` }).tree, { key, title });

const SAY = (line: string) => `> **可以这样说**\n>\n> - “${line}”\n`;
const AVOID = (line: string) => `> **避免这样说**\n>\n> - “${line}”\n`;

test('blocks under one heading make one card named by that heading, id from the page and the anchor', () => {
  const { cards, blocks, problems } = cardsOf(`## 话术 [#scripts]\n\n### 客户举起手机对着你拍 [#filming]\n\n${SAY('您拍吧。')}\n${AVOID('不许拍！')}\n### 客户说要发到网上 [#post-online]\n\n${SAY('我先帮您查清楚。')}`);
  assert.deepEqual(problems, []);
  assert.equal(blocks, 3);
  assert.deepEqual(cards.map((c) => [c.id, c.situation, c.say.length, c.avoid.length]), [
    ['5-1-11-filming', '客户举起手机对着你拍', 1, 1],
    ['5-1-11-post-online', '客户说要发到网上', 1, 0],
  ]);
});

test('under a generic heading the card takes the page title; a block may name its situation', () => {
  assert.equal(cardsOf(`## 话术 [#scripts]\n\n${SAY('好的。')}`).cards[0]!.situation, '客户拍视频、说要曝光');
  assert.equal(cardsOf(`## 处理要点 [#handling]\n\n${SAY('好的。')}`, '01003', '4171元硬币的故事').cards[0]!.id, '01003-handling');
  const named = cardsOf(`## 话术 [#scripts]\n\n> **可以这样说：客户要求见行长**\n>\n> - “我来处理。”\n`);
  assert.equal(named.cards[0]!.situation, '客户要求见行长');
  assert.deepEqual(phraseLabel('避免这样说：客户骂人'), { kind: 'avoid', situation: '客户骂人' });
  assert.equal(phraseLabel('编者注'), undefined);
});

test('a block without lines, and two situations under one heading, are problems', () => {
  const empty = cardsOf(`## 话术 [#scripts]\n\n> **可以这样说**\n>\n> 只有一句说明，没有列出的话。\n`);
  assert.match(empty.problems[0]!.message, /has no lines/);
  const two = cardsOf(`## 话术 [#scripts]\n\n> **可以这样说：甲**\n>\n> - “一。”\n\n> **可以这样说：乙**\n>\n> - “二。”\n`);
  assert.match(two.problems[0]!.message, /two situations under one heading/);
});
