/**
 * Marking searched words on the page a search result leads to (?highlight=…). Pure helpers; the
 * reader script applies them to the page's text.
 */
import type { Segment } from './words.ts';

/** The words to mark for a query: its space-separated parts, plus words of 2+ characters inside them. */
export function highlightTerms(query: string, segment?: Segment): string[] {
  const parts = query.split(/\s+/).map((p) => p.trim()).filter(Boolean);
  const words = segment ? parts.flatMap((p) => segment(p)).filter((w) => [...w].length >= 2) : [];
  return [...new Set([...parts, ...words])].sort((a, b) => b.length - a.length);
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
