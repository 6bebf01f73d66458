import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { bookSchema, caseSchema } from './lib/content/schema.ts';

const contentDir = process.env.HANDBOOK_CONTENT_DIR ?? './content';

/** The book: one entry per part overview, section and subsection; the id is the path ("2/17"). */
const book = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${contentDir}/book` }),
  schema: bookSchema,
});

/** The case library: one entry per case; the id is the case id ("01003"). */
const cases = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${contentDir}/cases` }),
  schema: caseSchema,
});

export const collections = { book, cases };
