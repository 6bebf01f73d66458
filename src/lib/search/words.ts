/** Splitting Chinese text into words, for matching queries and counting words on pages. */

/** Splits a piece of text into words. */
export interface Splitter {
  /** The words of a text (no spaces or punctuation). */
  words(text: string): string[];
  /** Every piece of a text in order (words, spaces, punctuation): they join back into the text. */
  pieces(text: string): string[];
}

/** Intl.Segmenter's Chinese words, or undefined where the browser lacks it (some old in-app browsers). */
export function chineseWords(): Splitter | undefined {
  if (!('Segmenter' in Intl)) return undefined;
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return {
    words: (text) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment),
    pieces: (text) => [...segmenter.segment(text)].map((s) => s.segment),
  };
}
