/**
 * Marking searched words: in the results, and on the page a result leads to (?highlight= carries the
 * words that matched that page, separated by spaces, so the page needs no vocabulary of its own).
 */

/** The words of a ?highlight= value, longest first (so 吞卡 is marked before 卡 could be). */
export function highlightTerms(param: string): string[] {
  return [...new Set(param.split(/\s+/).filter(Boolean))].sort((a, b) => b.length - a.length);
}

/** The ?highlight= value for the words that matched a page. */
export function highlightParam(marks: string[]): string {
  return highlightTerms(marks.join(' ')).join(' ');
}

/** Non-overlapping [start, end) ranges of the terms in a text, longest term first, in text order. */
export function findMatches(text: string, terms: string[]): [number, number][] {
  const taken: [number, number][] = [];
  const lower = text.toLowerCase();
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    if (!term) continue;
    const needle = term.toLowerCase();
    for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) {
      const end = i + needle.length;
      if (!taken.some(([s, e]) => i < e && end > s)) taken.push([i, end]);
    }
  }
  return taken.sort((a, b) => a[0] - b[0]);
}
