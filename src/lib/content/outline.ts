/**
 * The book's outline (content/outline.json): the nine parts and their numbered sections, as in the
 * printed book's table of contents. Section files must agree with it. Validated with zod here, by the
 * content check and by the `outline` collection alike.
 */
import { z } from 'astro/zod';
import { NUMBER_PATTERN, kindOf } from './numbering.ts';

const number = (kind: 'part' | 'section') =>
  z
    .string()
    .regex(NUMBER_PATTERN, 'must be a number in quotes, like "2" or "2.17"')
    .refine((n) => kindOf(n) === kind, kind === 'part' ? 'must be a part number, like "2"' : 'must be a section number, like "2.17"');

export const outlineSectionSchema = z.strictObject({
  number: number('section'),
  title: z.string().min(1),
  /** Printed page where the section starts (its length in the book guides ours). */
  page: z.number().int().positive(),
});

export const outlinePartSchema = z.strictObject({
  number: number('part'),
  title: z.string().min(1),
  page: z.number().int().positive(),
  sections: z.array(outlineSectionSchema),
});

export const outlineSchema = z.strictObject({
  book: z.string().min(1),
  /** Where the outline comes from (for people; not shown). */
  source: z.string().optional(),
  parts: z.array(outlinePartSchema).min(1),
});

export type OutlineSection = z.infer<typeof outlineSectionSchema>;
export type OutlinePart = z.infer<typeof outlinePartSchema>;
export type Outline = z.infer<typeof outlineSchema>;

/** Parses outline.json text; throws an Error naming the JSON path of the first problem. */
export function parseOutline(text: string): Outline {
  const result = outlineSchema.safeParse(JSON.parse(text));
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`outline.json: ${issue.path.join('.') || '(top level)'} ${issue.message}`);
}

/** Every part and section of the outline, by number. */
export function outlineEntries(outline: Pick<Outline, 'parts'>): Map<string, OutlineSection> {
  const entries = new Map<string, OutlineSection>();
  for (const part of outline.parts) {
    entries.set(part.number, part);
    for (const section of part.sections) entries.set(section.number, section);
  }
  return entries;
}
