import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { contentPaths } from './lib/content/paths.ts';
import { outlinePartSchema, parseOutline } from './lib/content/outline.ts';
import { bookSchema, caseSchema } from './lib/content/schema.ts';

const paths = contentPaths();

/** The book's outline: one entry per part with its sections; the id is the part number ("2"). */
const outline = defineCollection({
  loader: file(paths.outline, { parser: (text) => parseOutline(text).parts.map((part) => ({ id: part.number, ...part })) }),
  schema: outlinePartSchema.extend({ id: outlinePartSchema.shape.number }),
});

/** The book: one entry per part overview, section and subsection; the id is the path ("2/17"). */
const book = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: paths.book }),
  schema: bookSchema,
});

/** The case library: one entry per case; the id is the case id ("01003"). */
const cases = defineCollection({
  loader: glob({ pattern: '*.mdx', base: paths.cases }),
  schema: caseSchema,
});

export const collections = { outline, book, cases };
