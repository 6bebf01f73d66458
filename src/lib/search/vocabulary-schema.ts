/**
 * Checks content/vocabulary.json (the search vocabulary writers extend) with zod, at build time; the
 * browser gets the compiled lexicon inside the instant index and never loads zod.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { KEYWORD_SEPARATOR } from '../content/keywords.ts';
import { length, normalize, type Vocabulary } from './vocabulary.ts';

const word = z
  .string()
  .refine((w) => w.trim() === w && !/\s/.test(w), 'has a space: write each word without spaces')
  .refine((w) => !w.includes(KEYWORD_SEPARATOR), `contains “${KEYWORD_SEPARATOR}”, which the search index uses as a separator`);
const kept = word.refine((w) => length(w) >= 2, 'has one character: single characters match too much; write the word it is part of');

const schema = z
  .object({
    about: z.string().optional(),
    words: z.array(kept),
    synonyms: z.array(z.array(kept).min(2, 'a synonym group needs at least two words')),
    fillers: z.array(word),
  })
  .strict()
  .superRefine((v, ctx) => {
    const where = new Map<string, string>();
    const place = (w: string, at: string, path: (string | number)[]) => {
      const key = normalize(w);
      const before = where.get(key);
      if (before) ctx.addIssue({ code: 'custom', path, message: `“${w}” is also in ${before}: list each word once (a word in a synonym group is kept whole already)` });
      else where.set(key, at);
    };
    v.synonyms.forEach((group, i) => group.forEach((w, j) => place(w, `synonym group ${i + 1} (${group.join('、')})`, ['synonyms', i, j])));
    v.words.forEach((w, i) => place(w, 'words', ['words', i]));
    v.fillers.forEach((w, i) => place(w, 'fillers', ['fillers', i]));
  });

/** The vocabulary from its JSON text; throws with the file, the place and a fix when it is wrong. */
export function parseVocabulary(text: string, file: string): Vocabulary {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message}); fix: check commas and quotes around the line named`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n');
    throw new Error(`${file}: the search vocabulary is not valid:\n${problems}\nfix: see “Search vocabulary” in docs/writing-content.md`);
  }
  return result.data;
}

/** The vocabulary's file name in the content folder. */
export const VOCABULARY_FILE = 'vocabulary.json';

export function readVocabulary(file: string): Vocabulary {
  if (!existsSync(file)) {
    throw new Error(`${file}: the search vocabulary is missing; fix: create it (an empty one is {"words": [], "synonyms": [], "fillers": []}; see “Search vocabulary” in docs/writing-content.md)`);
  }
  return parseVocabulary(readFileSync(file, 'utf8'), file);
}
