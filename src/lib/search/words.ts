/** Splitting Chinese text into words, for matching queries and marking them. */

/** Splits a piece of text into words. */
export type Segment = (text: string) => string[];

/** Intl.Segmenter's Chinese words, or undefined where the browser lacks it (some old in-app browsers). */
export function chineseWords(): Segment | undefined {
  if (!('Segmenter' in Intl)) return undefined;
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return (text) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}
