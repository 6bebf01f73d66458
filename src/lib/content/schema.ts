/**
 * Frontmatter schemas of the two content collections. Used by src/content.config.ts (Astro's
 * collection validation) and by validate.ts (the whole-book checks), so the rules live once.
 */
import { z } from 'astro/zod';
import { CASE_ID_PATTERN, NUMBER_PATTERN } from './numbering.ts';
import { ROLE_SLUGS, TAGS } from '../taxonomy.ts';
import { KEYWORD_SEPARATOR } from './keywords.ts';

const sectionNumber = z
  .string()
  .regex(NUMBER_PATTERN, 'must be a section number in quotes, like "2.17" or "4.1.3"');

const caseId = z.string().regex(CASE_ID_PATTERN, 'must be a five-digit case id in quotes, like "01003"');

const oneLine = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => !s.includes('\n'), 'must be one line');

/** A word staff type to find the page; stored joined for the instant search index. */
const keyword = oneLine.refine((s) => !s.includes(KEYWORD_SEPARATOR), `must not contain "${KEYWORD_SEPARATOR}"`);

const tagNames = TAGS.map((t) => t.name) as [string, ...string[]];

const uniqueList = <T extends z.ZodType<string>>(item: T) =>
  z.array(item).refine((list) => new Set(list).size === list.length, 'lists a value twice');

export const bookSchema = z.strictObject({
  number: sectionNumber,
  title: oneLine,
  summary: oneLine,
  cases: z.array(caseId).default([]),
  keywords: z.array(keyword).default([]),
  /** Topics from the controlled tag list: the section appears with them in search and the phrase book. */
  tags: uniqueList(z.enum(tagNames)).max(6, 'needs at most 6 tags').default([]),
  /** Roles the section is most for (role slugs). */
  roles: uniqueList(z.enum(ROLE_SLUGS)).default([]),
  /** The whole section is an illustrative story (情景示例), not a real event: lists show its badge. */
  scenario: z.boolean().default(false),
});

export const CASE_SOURCES = {
  casebook: '网点服务案例集',
  article: '行业文章',
  course: '培训课程',
  scenario: '情景示例',
} as const;

export type CaseSource = keyof typeof CASE_SOURCES;

/** A sentence citing a scenario case says so with one of these words. */
export const SCENARIO_WORDS = [CASE_SOURCES.scenario, '设想'] as const;

export const caseSchema = z.strictObject({
  id: caseId,
  role: z.enum(ROLE_SLUGS),
  title: oneLine,
  summary: oneLine,
  tags: z
    .array(z.enum(tagNames))
    .min(3, 'needs 3 to 6 tags')
    .max(6, 'needs 3 to 6 tags')
    .refine((t) => new Set(t).size === t.length, 'lists a tag twice'),
  complaint: z.boolean(),
  sections: z.array(sectionNumber).min(1, 'needs at least one related book section'),
  source: z.enum(Object.keys(CASE_SOURCES) as [CaseSource, ...CaseSource[]]),
  duplicateOf: caseId.optional(),
  keywords: z.array(keyword).default([]),
});

/** The headings every full case has, in this order. */
export const CASE_HEADINGS = [
  { anchor: 'story', text: '案例经过' },
  { anchor: 'analysis', text: '问题在哪里' },
  { anchor: 'handling', text: '处理要点' },
  { anchor: 'questions', text: '讨论题' },
  { anchor: 'answers', text: '参考要点' },
] as const;

/** A book section's self-test: a heading starting with this, its questions, then an answers call-out. */
export const SELF_TEST = { heading: '自测', answers: '参考答案' } as const;

export type BookData = z.infer<typeof bookSchema>;
export type CaseData = z.infer<typeof caseSchema>;
