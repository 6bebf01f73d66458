/**
 * The phrase book against the content: every 可以这样说 / 避免这样说 block of the content lands on exactly
 * one card, no line is lost, every card has its own page and one home list, and the book is as big as
 * its goal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractCards, type PhraseCard } from '../../src/lib/content/cards.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { parseSourceFile } from '../../src/lib/content/parse.ts';
import { builtPages, elements } from './built.ts';
import { phraseCardUrl } from '../../src/lib/site/urls.ts';
import { toText } from 'hast-util-to-text';

/** The goal of the issue: once the book is complete, at least this many cards. */
const MIN_CARDS = 300;

const content = loadContent();
const fromContent: PhraseCard[] = [];
let blocks = 0;
for (const file of [...content.book, ...content.cases]) {
  const parsed = parseSourceFile(file);
  const key = String(parsed.data?.['number'] ?? parsed.data?.['id']);
  const found = extractCards(parsed.tree, { key, title: String(parsed.data?.['title']) });
  fromContent.push(...found.cards);
  blocks += found.blocks;
}

const pages = builtPages();
/** Cards as shown on a page: id → the texts of its lines. */
function cardsOn(path: string): Map<string, { say: string[]; avoid: string[] }> {
  const page = pages.find((p) => p.path === path);
  assert.ok(page, `no page ${path}`);
  const cards = new Map<string, { say: string[]; avoid: string[] }>();
  for (const card of elements(page, (n) => n.properties.dataPhraseCard !== undefined)) {
    const lines = (attr: string) =>
      elements({ ...page, tree: { type: 'root', children: [card] } }, (n) => n.properties[attr] !== undefined).flatMap((box) =>
        elements({ ...page, tree: { type: 'root', children: [box] } }, (n) => n.tagName === 'li').map((li) => toText(li).trim()),
      );
    cards.set(String(card.properties.dataPhraseCard), { say: lines('dataCardSay'), avoid: lines('dataCardAvoid') });
  }
  return cards;
}

test(`the content's 话术 blocks make at least ${MIN_CARDS} cards, each with lines`, () => {
  assert.ok(blocks > 0);
  assert.ok(fromContent.length >= MIN_CARDS, `${fromContent.length} cards`);
  assert.equal(new Set(fromContent.map((c) => c.id)).size, fromContent.length, 'card ids are unique');
  assert.deepEqual(fromContent.filter((c) => c.say.length + c.avoid.length === 0).map((c) => c.id), []);
});

test('every card has its own page with all its lines', () => {
  const problems: string[] = [];
  for (const card of fromContent) {
    const shown = cardsOn(phraseCardUrl(card.id)).get(card.id);
    if (!shown) problems.push(`${card.id}: not on ${phraseCardUrl(card.id)}`);
    else if (shown.say.join('|') !== card.say.join('|') || shown.avoid.join('|') !== card.avoid.join('|')) problems.push(`${card.id}: its page does not show the same lines`);
  }
  assert.equal(problems.length, 0, problems.slice(0, 20).join('\n'));
});

test('every card is listed exactly once in the home lists (the parts of the book and the case library)', () => {
  const homes = pages.filter((p) => /^\/phrases\/(part\/\d+|cases)\/$/.test(p.path));
  const seen = new Map<string, string[]>();
  let lines = 0;
  for (const page of homes) {
    for (const [id, card] of cardsOn(page.path)) {
      seen.set(id, [...(seen.get(id) ?? []), page.path]);
      lines += card.say.length + card.avoid.length;
    }
  }
  assert.deepEqual(fromContent.filter((c) => seen.get(c.id)?.length !== 1).map((c) => `${c.id}: ${seen.get(c.id)?.join(' ') ?? 'nowhere'}`), []);
  assert.equal(seen.size, fromContent.length, 'no card that the content does not have');
  assert.equal(lines, fromContent.reduce((n, c) => n + c.say.length + c.avoid.length, 0), 'every line of every block, none lost');
});
