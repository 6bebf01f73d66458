/**
 * The excerpt a result shows: the sentence of the page that holds most of the searched words, cut
 * at a sentence or clause boundary, without the page's head (title, 岗位/来源 line, labels), and the
 * heading of the part of the page it comes from.
 */
import { findMatches } from './highlight.ts';
import type { InstantHeading } from './instant.ts';

export interface Excerpt {
  text: string;
  /** The heading above the sentence, when it has one. */
  heading?: InstantHeading;
}

/** Longest excerpt, in characters. */
export const EXCERPT_LENGTH = 64;
const SENTENCE_END = /[。！？；!?]/;
const CLAUSE_END = /[，、：,:]/;
const LEADING_NOISE = /^[\s，、。：；！？,.:;!?）)\]】]+/u;

/**
 * `body` is the page's text after its summary (fragment.ts bodyText). Pagefind ends each heading
 * with ". ", which is how headings are found in it. Undefined when no sentence holds a searched word.
 */
export function excerptOf(body: string, marks: string[], headings: InstantHeading[], maxLength = EXCERPT_LENGTH): Excerpt | undefined {
  // The parts of the body between its headings ("怎么做. " starts one), each under its heading.
  const parts: { text: string; heading?: InstantHeading }[] = [];
  let at = 0;
  let under: InstantHeading | undefined;
  for (const h of headings) {
    const found = body.indexOf(`${h.text}. `, at);
    if (found < 0) continue;
    parts.push({ text: body.slice(at, found), ...(under ? { heading: under } : {}) });
    at = found + h.text.length + 2;
    under = h;
  }
  parts.push({ text: body.slice(at), ...(under ? { heading: under } : {}) });
  let best: { text: string; heading?: InstantHeading; score: number } | undefined;
  for (const { text, heading } of parts) {
    for (const sentence of sentences(text.replace(/\.\s+/g, '。'))) {
      const found = new Set(findMatches(sentence, marks).map(([s, e]) => sentence.slice(s, e).toLowerCase()));
      if (found.size === 0) continue;
      const score = found.size * 10 - Math.abs(sentence.length - maxLength) / 20;
      if (!best || score > best.score) best = { text: sentence, ...(heading ? { heading } : {}), score };
    }
  }
  if (!best) return undefined;
  return { text: cut(best.text, marks, maxLength), ...(best.heading ? { heading: best.heading } : {}) };
}

/** A block split after each sentence end, keeping the punctuation. */
function sentences(block: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < block.length; i++) {
    if (SENTENCE_END.test(block[i]!) && block[i + 1] !== '”') {
      out.push(block.slice(start, i + 1).trim());
      start = i + 1;
    } else if (block[i] === '”' && SENTENCE_END.test(block[i - 1] ?? '')) {
      out.push(block.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  out.push(block.slice(start).trim());
  return out.map((s) => s.replace(LEADING_NOISE, '')).filter(Boolean);
}

/** A sentence no longer than maxLength, starting at the clause that holds the first searched word. */
export function cut(text: string, marks: string[], maxLength = EXCERPT_LENGTH): string {
  const sentence = text.replace(LEADING_NOISE, '');
  if (sentence.length <= maxLength) return sentence;
  const first = findMatches(sentence, marks)[0]?.[0] ?? 0;
  let start = 0;
  for (let i = first - 1; i > 0; i--) {
    if (CLAUSE_END.test(sentence[i]!)) {
      start = i + 1;
      break;
    }
  }
  if (first - start > maxLength / 2) start = Math.max(0, first - 8);
  const rest = sentence.slice(start).replace(LEADING_NOISE, '');
  return (start > 0 ? '…' : '') + (rest.length > maxLength ? `${rest.slice(0, maxLength)}…` : rest);
}
