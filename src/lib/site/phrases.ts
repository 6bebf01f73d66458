/**
 * The phrase book (话术速查) as the site shows it: every card of the content (lib/content/cards.ts) with
 * where it comes from, its topics and roles, grouped for the index, the part, topic and role pages.
 * Pure: cards and the site graph in, lists out. Each card has one home list (its part of the book, or
 * the case library) and may appear on topic and role pages besides.
 */
import type { PhraseCard } from '../content/cards.ts';
import { compareNumbers, partOf } from '../content/numbering.ts';
import { ROLES, TAGS, type Role, type Tag } from '../taxonomy.ts';
import type { Graph } from './graph.ts';
import { caseLabel, nodeLabel } from './labels.ts';
import { bookUrl, caseUrl } from './urls.ts';

export interface PageCards {
  /** "5.1.11" for a book page, "01003" for a case. */
  key: string;
  kind: 'book' | 'case';
  cards: PhraseCard[];
}

export interface CardView extends PhraseCard {
  /** The page and heading the lines come from. */
  source: { label: string; url: string };
  /** A book part's number, or the case library. */
  home: { kind: 'part'; number: string } | { kind: 'cases' };
  tags: Tag[];
  roles: Role[];
  /** Lines from an invented story (情景示例). */
  scenario: boolean;
}

export interface PhraseBook {
  cards: CardView[];
  byId: Map<string, CardView>;
  parts: { number: string; label: string; cards: CardView[] }[];
  cases: CardView[];
  tags: { tag: Tag; cards: CardView[] }[];
  roles: { role: Role; cards: CardView[] }[];
}

export function buildPhraseBook(pages: PageCards[], graph: Graph): PhraseBook {
  const cards: CardView[] = [];
  const ordered = [...pages].sort((a, b) => (a.kind === b.kind ? (a.kind === 'book' ? compareNumbers(a.key, b.key) : a.key.localeCompare(b.key)) : a.kind === 'book' ? -1 : 1));
  for (const page of ordered) {
    if (page.kind === 'book') {
      const node = graph.node(page.key);
      if (!node) continue;
      for (const card of page.cards) {
        cards.push({
          ...card,
          source: { label: nodeLabel(node), url: bookUrl(page.key, card.anchor) },
          home: { kind: 'part', number: partOf(page.key) },
          tags: TAGS.filter((t) => node.tags.includes(t.name)),
          roles: ROLES.filter((r) => node.roles.includes(r.slug)),
          scenario: node.scenario,
        });
      }
    } else {
      const c = graph.caseById(page.key);
      if (!c) continue;
      for (const card of page.cards) {
        cards.push({
          ...card,
          source: { label: caseLabel(c), url: caseUrl(c.id, card.anchor) },
          home: { kind: 'cases' },
          tags: graph.tagsOf(c),
          roles: [graph.roleOf(c)],
          scenario: c.source === 'scenario',
        });
      }
    }
  }
  return {
    cards,
    byId: new Map(cards.map((c) => [c.id, c])),
    parts: graph.parts
      .map((p) => ({ number: p.number, label: nodeLabel(p), cards: cards.filter((c) => c.home.kind === 'part' && c.home.number === p.number) }))
      .filter((p) => p.cards.length > 0),
    cases: cards.filter((c) => c.home.kind === 'cases'),
    tags: TAGS.map((tag) => ({ tag, cards: cards.filter((c) => c.tags.includes(tag)) })).filter((t) => t.cards.length > 0),
    roles: ROLES.map((role) => ({ role, cards: cards.filter((c) => c.roles.includes(role)) })).filter((r) => r.cards.length > 0),
  };
}
