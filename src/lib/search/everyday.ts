/**
 * Everyday words: words of general Chinese that the handbook uses no more than ordinary writing does
 * (今天, 附近, 天气, 股票). A query's word outside the lexicon that is one of them can narrow a search but
 * never brings a page back on its own, so "今天天气怎么样" finds nothing while "客户今天很激动" still
 * finds the pages on 激动. How often general Chinese uses a word comes from jieba's dictionary (word
 * frequencies counted over a large general corpus); how often the handbook uses it, from the pages'
 * text. Built once per build (integrations/search-index.ts); the search page loads them when the
 * network is free (client/search/full-text.ts loadEveryday).
 */
import { normalize, type Lexicon } from './vocabulary.ts';

/**
 * A word is everyday when the handbook uses it less than this many times as often as general Chinese
 * does (per character of text). At 2, 今天 (3.2 times) and 推荐 (3.2) still count as the handbook's own,
 * while 股票 (1.1), 附近 (0.5) and 北京 (0.01) do not.
 */
export const EVERYDAY_LIFT = 2;
/** Longest word looked for (the dictionary's longer entries are names and idioms no query needs). */
const MAX_LENGTH = 4;

export interface Frequencies {
  /** Word (normalised, two to MAX_LENGTH characters) → how often the general corpus has it. */
  counts: Map<string, number>;
  /** The sum of all counts (all words). */
  total: number;
}

/** A jieba dictionary ("word frequency [tag]" a line, as @node-rs/jieba/dict.txt). */
export function readFrequencies(dictionary: string): Frequencies {
  const counts = new Map<string, number>();
  let total = 0;
  for (const line of dictionary.split('\n')) {
    const space = line.indexOf(' ');
    const n = space > 0 ? parseInt(line.slice(space + 1), 10) : NaN;
    if (!(n > 0)) continue;
    total += n;
    const word = line.slice(0, space);
    if (word.length < 2 || word.length > MAX_LENGTH) continue;
    // Chinese needs no normalising (and most of the dictionary is Chinese): 4S店 → 4s店.
    const key = CHINESE.test(word) ? word : normalize(word);
    counts.set(key, (counts.get(key) ?? 0) + n);
  }
  return { counts, total };
}
const CHINESE = /^[\u4e00-\u9fff]+$/;

/**
 * The everyday words that occur in `texts` (the pages), sorted: dictionary words of two to four
 * characters, not in the lexicon or among its fillers (those are the handbook's own, or left out of
 * queries anyway), that the texts use less than EVERYDAY_LIFT times as often as the corpus.
 */
export function everydayWords(texts: string[], general: Frequencies, lexicon: Lexicon, lift = EVERYDAY_LIFT): string[] {
  const found = new Map<string, number>();
  let chars = 0;
  for (const text of texts.map(normalize)) {
    // UTF-16 units: the dictionary's words are all in the Basic Multilingual Plane.
    chars += text.length;
    for (let i = 0; i < text.length; i++) {
      for (let n = 2; n <= MAX_LENGTH && i + n <= text.length; n++) {
        const word = text.slice(i, i + n);
        if (general.counts.has(word)) found.set(word, (found.get(word) ?? 0) + 1);
      }
    }
  }
  const words: string[] = [];
  for (const [word, n] of found) {
    if (lexicon.termOf(word) !== undefined || lexicon.fillers.has(word)) continue;
    if (n / chars < (lift * general.counts.get(word)!) / general.total) words.push(word);
  }
  return words.sort();
}
