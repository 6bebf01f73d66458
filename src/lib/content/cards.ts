/**
 * The phrase book's cards (话术速查), read from the content: every 可以这样说 / 避免这样说 block belongs to
 * one card, the card of the nearest heading above it. The card's situation is that heading's text, or
 * the page's title when the heading is a generic one (话术, 处理要点 …). A block can name its situation
 * itself after the label: `> **可以这样说：客户要求见行长**`. A card's id is the page's number or case id
 * and the heading's anchor ("5-1-11-filming", "01003-handling"), so it never changes when words do.
 * Pure: works on the syntax tree of one file (lib/content/parse.ts, or the renderer's own tree).
 */
import type { Blockquote, List, Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { splitHeadingAnchor } from './headings.ts';

/** The two call-out labels whose lines make cards. */
export const PHRASE_LABELS = { say: '可以这样说', avoid: '避免这样说' } as const;
/** Headings that name a part of the page, not a situation: their cards take the page's title. */
export const GENERIC_HEADINGS: ReadonlySet<string> = new Set(['话术', '处理要点', '怎么做', '案例', '案例经过', '情景', '依据', '怎么看', '为什么']);

export interface CardPage {
  /** "5.1.11" or "01003". */
  key: string;
  title: string;
}

export interface PhraseCard {
  id: string;
  /** The heading the card belongs to (its anchor), if any. */
  anchor?: string;
  situation: string;
  say: string[];
  avoid: string[];
  /** Line of the first block, for messages. */
  line: number;
}

export interface CardProblem {
  line: number;
  message: string;
  fix: string;
}

/** "可以这样说：客户要求见行长" → the label and the situation it names, if it is a phrase label. */
export function phraseLabel(text: string): { kind: keyof typeof PHRASE_LABELS; situation?: string } | undefined {
  const [label = '', ...rest] = text.split(/[：:]/);
  const kind = (Object.keys(PHRASE_LABELS) as (keyof typeof PHRASE_LABELS)[]).find((k) => PHRASE_LABELS[k] === label.trim());
  if (!kind) return undefined;
  const situation = rest.join('：').trim();
  return situation ? { kind, situation } : { kind };
}

/** The slug of a page in card ids: "5.1.11" → "5-1-11"; "01003" stays. */
export const cardPageSlug = (key: string) => key.replaceAll('.', '-');

export function extractCards(tree: Root, page: CardPage): { cards: PhraseCard[]; blocks: number; problems: CardProblem[] } {
  const cards = new Map<string, PhraseCard>();
  /** The situation a block named for each card, to catch two names under one heading. */
  const named = new Map<string, string>();
  const problems: CardProblem[] = [];
  let heading: { anchor: string; text: string } | undefined;
  let blocks = 0;
  visit(tree, (node: Nodes) => {
    if (node.type === 'heading' && node.depth > 1) {
      const split = splitHeadingAnchor(toString(node));
      if (split) heading = { anchor: split.anchor, text: split.text };
      return undefined;
    }
    if (node.type !== 'blockquote') return undefined;
    const label = labelOf(node);
    if (!label) return undefined;
    blocks++;
    const line = node.position?.start.line ?? 1;
    const lines = node.children.filter((c): c is List => c.type === 'list').flatMap((l) => l.children.map((item) => toString(item).trim())).filter(Boolean);
    if (lines.length === 0) {
      problems.push({ line, message: `a ${PHRASE_LABELS[label.kind]} block has no lines`, fix: `list the lines under the label: > - “……”` });
    }
    const id = [cardPageSlug(page.key), heading?.anchor].filter(Boolean).join('-');
    let card = cards.get(id);
    if (!card) {
      const generic = !heading || GENERIC_HEADINGS.has(heading.text);
      card = { id, ...(heading ? { anchor: heading.anchor } : {}), situation: generic ? page.title : heading!.text, say: [], avoid: [], line };
      cards.set(id, card);
    }
    if (label.situation) {
      const before = named.get(id);
      if (before && before !== label.situation) {
        problems.push({ line, message: `two situations under one heading (“${before}” and “${label.situation}”)`, fix: 'give each situation its own ### heading with an anchor' });
      }
      named.set(id, label.situation);
      card.situation = label.situation;
    }
    card[label.kind].push(...lines);
    return 'skip';
  });
  return { cards: [...cards.values()], blocks, problems };
}

function labelOf(node: Blockquote): ReturnType<typeof phraseLabel> {
  const first = node.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const strong = first.children[0];
  return strong?.type === 'strong' ? phraseLabel(toString(strong)) : undefined;
}
