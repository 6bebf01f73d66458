/** Splitting Chinese text into words, for matching queries and counting words on pages. */

/** Splits a piece of text into words. */
export interface Splitter {
  /** The words of a text (no spaces or punctuation). */
  words(text: string): string[];
  /** Every piece of a text in order (words, spaces, punctuation): they join back into the text. */
  pieces(text: string): string[];
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/** Intl.Segmenter's Chinese words, or undefined where the browser lacks it (some old in-app browsers). */
export function chineseWords(): Splitter | undefined {
  if (!('Segmenter' in Intl)) return undefined;
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return {
    // A piece with a letter or digit is a word: WebKit's segmenter calls runs of digits (12378, 02010)
    // not word-like, where Chromium's and Node's call them words.
    words: (text) => [...segmenter.segment(text)].filter((s) => WORDLIKE.test(s.segment)).map((s) => s.segment),
    pieces: (text) => [...segmenter.segment(text)].map((s) => s.segment),
  };
}
