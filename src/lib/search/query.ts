/**
 * What a query asks for, in the lexicon's terms: "ATM吞卡怎么办" → ATM (its synonyms too), 吞卡 (and
 * 卡被吞), with 怎么办 left out. Filler words and single characters never make a term of their own;
 * words outside the lexicon are kept for the full-text index; typos get the lexicon's words one
 * character away; everyday words (everyday.ts) are marked.
 */
import { exactNumberOf } from './fields.ts';
import { length, normalize, type Lexicon } from './vocabulary.ts';
import type { Splitter } from './words.ts';

/** How much a match counts: the lexicon term typed (or its synonyms), a longer word that contains what was typed, a word one character away. */
export const FACTOR = { typed: 1, part: 0.8, near: 0.6 } as const;

export interface QueryTerm {
  /** As typed (normalised). */
  typed: string;
  /** Lexicon terms that answer it, with how much a match of each counts. */
  terms: Map<number, number>;
  /** A word outside the lexicon: looked for as it is in the index's fields and in the full text. */
  word?: string;
  /** The word is an everyday word (everyday.ts): it narrows a search but never brings a page back on its own. */
  everyday?: true;
}

export interface Phrase {
  text: string;
  terms: number[];
  /** Nothing in it was left out (no filler word or lone character): worth looking up whole in the full text. */
  complete: boolean;
}

export interface ParsedQuery {
  /** The normalised query. */
  text: string;
  /** A section number or case id typed on its own. */
  exact?: string;
  terms: QueryTerm[];
  /**
   * Runs of several terms typed together ("什么是投诉", "ATM吞卡"), with the indexes of their terms: a
   * page that has the run whole has all those terms, and counts extra.
   */
  phrases: Phrase[];
  /** Filler words and single characters left out, for the "searched for" line. */
  ignored: string[];
}

/** How many characters of a query are repeated back in a message ("没有找到“…”"): a pasted paragraph is not echoed whole. */
export const ECHO_CHARS = 20;

/** The query as messages repeat it: spaces squeezed, cut at ECHO_CHARS characters with "…". */
export function echoQuery(query: string): string {
  const chars = [...query.trim().replace(/\s+/gu, ' ')];
  return chars.length > ECHO_CHARS ? `${chars.slice(0, ECHO_CHARS).join('')}…` : chars.join('');
}

/** What the search says when only spaces (or nothing) were submitted. */
export const EMPTY_QUERY_MESSAGE = '请先输入要查的词，如“挂失”“年费”“ATM吞卡”。';

const SEPARATORS = /[\s\p{P}\p{S}]+/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** `everyday`: the everyday words (everyday.ts), once loaded. */
export function parseQuery(query: string, lexicon: Lexicon, splitter?: Splitter, everyday?: ReadonlySet<string>): ParsedQuery {
  const text = normalize(query).trim();
  const exact = exactNumberOf(text);
  const terms: QueryTerm[] = [];
  const phrases: Phrase[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  const add = (term: QueryTerm) => {
    if (seen.has(term.typed)) return;
    seen.add(term.typed);
    terms.push(term);
  };
  const lexiconTerm = (typed: string, term: number) => add({ typed, terms: new Map([[term, FACTOR.typed]]) });
  /** A word outside the lexicon; typo candidates when it is a run of characters no dictionary knows. */
  const word = (typed: string, unknownRun: boolean) => {
    const alternatives = new Map<number, number>();
    // Only a run no dictionary knows is taken as part of a longer word (溢缴 → 溢缴款) or as a typo (挂矢 → 挂失).
    const parts = unknownRun ? lexicon.containing(typed).filter((f) => length(f) <= length(typed) + 1) : [];
    for (const form of parts) alternatives.set(lexicon.termOf(form)!, FACTOR.part);
    const near = unknownRun ? nearForms(typed, lexicon) : [];
    for (const form of near) if (!alternatives.has(lexicon.termOf(form)!)) alternatives.set(lexicon.termOf(form)!, FACTOR.near);
    add({ typed, terms: alternatives, word: typed, ...(everyday?.has(typed) ? { everyday: true as const } : {}) });
  };

  for (const part of text.split(SEPARATORS).filter(Boolean)) {
    if (exact && part === text) break;
    const before = terms.length;
    const ignoredBefore = ignored.length;
    let at = 0;
    const rest = (text: string) => {
      // Filler words of several characters come out first, whatever the segmenter makes of them (怎么办 → 怎么/办).
      for (const stretch of text.split(fillerPattern(lexicon))) {
        if (!stretch) continue;
        if (lexicon.fillers.has(stretch)) ignored.push(stretch);
        else words(stretch);
      }
    };
    const words = (stretch: string) => {
      if (!splitter) {
        if (lexicon.fillers.has(stretch) || length(stretch) < 2) ignored.push(stretch);
        else word(stretch, true);
        return;
      }
      // Words of one character that are not fillers, side by side, are where a typo hides (挂矢 → 挂/矢).
      let run = '';
      const endRun = () => {
        if (length(run) >= 2) word(run, true);
        else if (run) ignored.push(run);
        run = '';
      };
      for (const piece of splitter.pieces(stretch)) {
        if (!WORD_CHAR.test(piece)) continue;
        if (lexicon.fillers.has(piece)) {
          endRun();
          ignored.push(piece);
        } else if (length(piece) === 1) run += piece;
        else {
          endRun();
          word(piece, false);
        }
      }
      endRun();
    };
    // The query is split on the lexicon's longest words anywhere (a reader's words need not fall on the
    // segmenter's boundaries); a keyword made of smaller lexicon words (ATM吞卡) counts as those words,
    // and whole as a phrase.
    for (const found of lexicon.find(part, undefined, true)) {
      rest(part.slice(at, found.start));
      const inner = lexicon.find(found.form).filter((o) => o.form !== found.form);
      if (inner.length) {
        const first = terms.length;
        for (const o of inner) lexiconTerm(o.form, o.term);
        phrases.push({ text: found.form, terms: range(first, terms.length), complete: true });
      } else lexiconTerm(found.form, found.term);
      at = found.end;
    }
    rest(part.slice(at));
    const single = terms.length - before === 1 && terms[before]!.typed === part;
    if (terms.length > before && !single && length(part) >= 3) phrases.push({ text: part, terms: range(before, terms.length), complete: ignored.length === ignoredBefore });
  }
  return { text, ...(exact ? { exact } : {}), terms, phrases, ignored };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

const fillerPatterns = new WeakMap<Lexicon, RegExp>();
/** Matches (and, in split, keeps) the lexicon's filler words of two or more characters, longest first. */
function fillerPattern(lexicon: Lexicon): RegExp {
  let pattern = fillerPatterns.get(lexicon);
  if (!pattern) {
    const long = [...lexicon.fillers].filter((f) => length(f) >= 2).sort((a, b) => b.length - a.length);
    pattern = new RegExp(`(${long.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '(?!)'})`, 'u');
    fillerPatterns.set(lexicon, pattern);
  }
  return pattern;
}

/** A typo hides in a short run; a longer one is a word the dictionaries do not know, or a copied phrase. */
const TYPO_RUN = 4;

/**
 * A piece of a run looked at for a typo: three characters, two of them as typed. (A two-character
 * piece one character away shares a single character with the word it finds, and "几号线" is not a
 * typo of 热线.)
 */
const TYPO_PIECE = 3;

/** Lexicon words one character away from a run, or, in a short run, from a three-character piece of it. */
function nearForms(run: string, lexicon: Lexicon): string[] {
  const whole = lexicon.near(run);
  const chars = [...run];
  if (whole.length || chars.length > TYPO_RUN) return whole;
  const near = new Set<string>();
  for (let i = 0; i + TYPO_PIECE <= chars.length; i++) for (const form of lexicon.near(chars.slice(i, i + TYPO_PIECE).join(''))) near.add(form);
  return [...near];
}
