/**
 * The search vocabulary (content/vocabulary.json, checked by vocabulary-schema.ts) compiled into a
 * lexicon that the index and the queries share: every kept word and synonym is a "form"; the forms
 * of one synonym group make one "term". Page keywords, tags and roles join the lexicon as terms of
 * their own, so the words writers already chose stay whole too. Pure and browser-safe (no zod).
 */
import type { Splitter } from './words.ts';

/** The vocabulary file as writers keep it. */
export interface Vocabulary {
  /** Words that must stay whole (年费 must not match 年 … 费). */
  words: string[];
  /** Groups of words that mean the same to a reader (零钱 / 硬币). */
  synonyms: string[][];
  /** Words a query can do without (怎么办, 客户, 要). */
  fillers: string[];
}

/** Lower case, full-width letters and digits as ASCII: how every text and query is compared. */
export const normalize = (text: string): string => text.normalize('NFKC').toLowerCase();

/** Characters of a text (not UTF-16 units). */
export const length = (text: string): number => [...text].length;

/** The compiled lexicon, as the instant index ships it. */
export interface LexiconData {
  /** Each term's forms, normalised; the first is the term's name. */
  terms: string[][];
  fillers: string[];
}

/** Synonym groups first, then the kept words, keywords, tags and roles not in any group. */
export function compileLexicon(vocabulary: Vocabulary, extraWords: Iterable<string>): LexiconData {
  const seen = new Set<string>();
  const terms: string[][] = [];
  const add = (forms: string[]) => {
    const fresh = [...new Set(forms.map(normalize))].filter((f) => length(f) >= 2 && !seen.has(f));
    fresh.forEach((f) => seen.add(f));
    if (fresh.length) terms.push(fresh);
  };
  const fillers = new Set(vocabulary.fillers.map(normalize));
  vocabulary.synonyms.forEach(add);
  // A keyword that is a filler word (怎么说) stays a filler.
  for (const word of [...vocabulary.words, ...extraWords]) if (!fillers.has(normalize(word))) add([word]);
  return { terms: terms.filter((forms) => !forms.every((f) => fillers.has(f))), fillers: [...fillers].filter((f) => !seen.has(f)) };
}

/** An occurrence of a lexicon form in a text. */
export interface Occurrence {
  term: number;
  form: string;
  start: number;
  end: number;
}

export class Lexicon {
  readonly terms: string[][];
  readonly fillers: ReadonlySet<string>;
  readonly #term = new Map<string, number>();
  /** Forms by their first character, longest first. */
  readonly #byFirst = new Map<string, string[]>();

  constructor(data: LexiconData) {
    this.terms = data.terms;
    this.fillers = new Set(data.fillers);
    data.terms.forEach((forms, i) => forms.forEach((f) => this.#term.set(f, i)));
    for (const form of this.#term.keys()) {
      const first = form[0]!;
      this.#byFirst.set(first, [...(this.#byFirst.get(first) ?? []), form]);
    }
    for (const forms of this.#byFirst.values()) forms.sort((a, b) => b.length - a.length);
  }

  termOf(form: string): number | undefined {
    return this.#term.get(form);
  }

  /**
   * Every occurrence of a form in a normalised text. With `segment`, a form counts only where it
   * starts or ends on a word boundary, so 年费 is not found in 今年费用 (今年/费用). `longest` keeps only the
   * longest form at each place and skips past it (for splitting queries); otherwise every form
   * found anywhere counts (for counting words on a page).
   */
  find(text: string, segment?: Splitter, longest = false): Occurrence[] {
    const edges = segment ? boundaries(text, segment) : undefined;
    const found: Occurrence[] = [];
    for (let i = 0; i < text.length; ) {
      let next = i + 1;
      for (const form of this.#byFirst.get(text[i]!) ?? []) {
        const end = i + form.length;
        // One whole edge is enough (10元年费 splits as 10/元年/费); none means the word straddles two others.
        if (!text.startsWith(form, i) || (edges && !edges.has(i) && !edges.has(end))) continue;
        found.push({ term: this.#term.get(form)!, form, start: i, end });
        if (longest) {
          next = end;
          break;
        }
      }
      i = next;
    }
    return found;
  }

  /**
   * Forms one character away from a word (same length, one character different): the typo
   * 挂矢 finds 挂失. Fillers are never offered.
   */
  near(word: string): string[] {
    const chars = [...word];
    if (chars.length < 2) return [];
    const near: string[] = [];
    for (const form of this.#term.keys()) {
      const f = [...form];
      if (f.length !== chars.length || this.fillers.has(form)) continue;
      let diff = 0;
      for (let i = 0; i < f.length && diff < 2; i++) if (f[i] !== chars[i]) diff++;
      if (diff === 1) near.push(form);
    }
    return near;
  }

  /** Forms that contain a word typed in part (溢缴 → 溢缴款). */
  containing(word: string): string[] {
    if (length(word) < 2) return [];
    return [...this.#term.keys()].filter((form) => form !== word && form.includes(word));
  }
}

/** Offsets where a word starts or ends (UTF-16 offsets, as String.prototype.slice uses). */
export function boundaries(text: string, segment: Splitter): Set<number> {
  const edges = new Set<number>([0, text.length]);
  let at = 0;
  for (const piece of segment.pieces(text)) {
    edges.add(at);
    at += piece.length;
    edges.add(at);
  }
  return edges;
}
