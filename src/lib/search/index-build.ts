/**
 * Building the instant index after Pagefind (integrations/search-index.ts): each page from its
 * Pagefind fragment, and for every lexicon term the pages that contain it, in which fields and how
 * often in the text. Words are counted only where they stand whole (vocabulary.ts Lexicon.find), so
 * 年费 is not counted in 今年费用.
 */
import { compareDocs, FIELD, fieldTexts, instantDoc, lexiconOf, type InstantIndex, type PagefindFragment, type Topic } from './instant.ts';
import { normalize, type Vocabulary } from './vocabulary.ts';
import { bodyText } from './fragment.ts';
import type { Splitter } from './words.ts';

export function buildInstantIndex(pages: { id: string; fragment: PagefindFragment }[], vocabulary: Vocabulary, topics: Topic[], splitter: Splitter): InstantIndex {
  const built = pages.map(({ id, fragment }) => ({ doc: instantDoc(id, fragment), fragment })).sort((a, b) => compareDocs(a.doc, b.doc));
  const docs = built.map((b) => b.doc);
  const lexicon = lexiconOf(vocabulary, docs);
  const found = (text: string) => new Set(lexicon.find(normalize(text), splitter).map((o) => o.term));

  const postings: number[][] = lexicon.terms.map(() => []);
  const last = lexicon.terms.map(() => 0);
  built.forEach(({ doc, fragment }, page) => {
    const marks = new Map<number, [number, number]>();
    const texts = fieldTexts(doc);
    for (const [field, values] of Object.entries(texts) as [keyof typeof FIELD, string[]][]) {
      for (const value of values) for (const term of found(value)) marks.set(term, [(marks.get(term)?.[0] ?? 0) | FIELD[field], 0]);
    }
    for (const o of lexicon.find(normalize(bodyText(fragment, doc)), splitter)) {
      const [mask, mentions] = marks.get(o.term) ?? [0, 0];
      marks.set(o.term, [mask, mentions + 1]);
    }
    for (const [term, [mask, mentions]] of [...marks].sort(([a], [b]) => a - b)) {
      postings[term]!.push(page - last[term]!, mask, mentions);
      last[term] = page;
    }
  });
  const { words, synonyms, fillers } = vocabulary;
  return { docs, vocabulary: { words, synonyms, fillers }, postings, topics };
}
