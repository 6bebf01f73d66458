/**
 * Whole-book checks that a per-file schema cannot make: numbering against the outline, unique
 * numbers and ids, heading anchors, and every cross-reference (frontmatter and in-text links).
 * Pure: takes the files' text, returns problems that name the file, the line and the fix.
 */
import { splitHeadingAnchor, isValidAnchor } from '../headings.ts';
import { kindOf, numberForFile, parentNumber, roleCodeOfCase } from '../numbering.ts';
import { ROLES } from '../taxonomy.ts';
import { isContentRefLike, parseContentRef } from '../urls.ts';
import { outlineEntries, type Outline } from './outline.ts';
import { bookSchema, caseSchema } from './schema.ts';
import { parseSourceFile, type ParsedFile, type SourceFile } from './source-file.ts';

export interface Problem {
  path: string;
  line: number;
  message: string;
  fix: string;
}

export interface ContentFiles {
  /** Files under content/book/, path relative to the project root (content/book/2/17.mdx). */
  book: SourceFile[];
  /** Files under content/cases/. */
  cases: SourceFile[];
  outline: Outline;
  /** Folder names as written in paths, for messages; defaults to content/book and content/cases. */
  bookDir?: string;
  casesDir?: string;
}

/** The headings every full case has, in this order. */
export const CASE_HEADINGS = [
  { anchor: 'story', text: '案例经过' },
  { anchor: 'analysis', text: '问题在哪里' },
  { anchor: 'handling', text: '处理要点' },
  { anchor: 'questions', text: '讨论题' },
  { anchor: 'answers', text: '参考要点' },
] as const;

interface Page {
  parsed: ParsedFile;
  anchors: Set<string>;
}

export function validateContent(input: ContentFiles): Problem[] {
  const bookDir = input.bookDir ?? 'content/book';
  const casesDir = input.casesDir ?? 'content/cases';
  const problems: Problem[] = [];
  const report = (parsed: ParsedFile | SourceFile, line: number, message: string, fix: string) =>
    problems.push({ path: 'file' in parsed ? parsed.file.path : parsed.path, line, message, fix });

  const outline = outlineEntries(input.outline);
  const sections = new Map<string, Page>();
  const cases = new Map<string, Page>();
  const bookData = new Map<string, ReturnType<typeof bookSchema.parse>>();
  const caseData = new Map<string, ReturnType<typeof caseSchema.parse>>();

  // 1. Each file on its own: frontmatter schema, place in the tree, headings.
  for (const file of input.book) {
    const parsed = parseSourceFile(file);
    const data = checkFrontmatter(parsed, bookSchema, report);
    const anchors = checkHeadings(parsed, report);
    if (!data) {
      // Still known by its number, so links to it do not add a second, misleading problem.
      const number = parsed.data?.['number'];
      if (typeof number === 'string' && !sections.has(number)) sections.set(number, { parsed, anchors });
      continue;
    }
    const relative = file.path.slice(bookDir.length + 1);
    const expected = numberForFile(relative);
    if (expected !== data.number) {
      report(
        parsed,
        parsed.lineOf('number'),
        expected
          ? `number "${data.number}" does not match the file's place (${file.path} is ${expected})`
          : `the file name does not follow the numbering (${relative})`,
        `name the file ${bookDir}/${data.number.replaceAll('.', '/')}.mdx, or set number: "${expected ?? data.number}"`,
      );
      continue;
    }
    const inOutline = outline.get(data.number);
    if (kindOf(data.number) !== 'subsection') {
      if (!inOutline) {
        report(parsed, parsed.lineOf('number'), `number "${data.number}" is not in the book's outline (content/outline.json)`, 'use a part or section number from the outline; new subsections have three parts, like 4.1.3');
      } else if (inOutline.title !== data.title) {
        report(parsed, parsed.lineOf('title'), `title "${data.title}" differs from the outline's "${inOutline.title}"`, `set title: ${inOutline.title}`);
      }
    }
    sections.set(data.number, { parsed, anchors });
    bookData.set(data.number, data);
  }

  for (const file of input.cases) {
    const parsed = parseSourceFile(file);
    const data = checkFrontmatter(parsed, caseSchema, report);
    const anchors = checkHeadings(parsed, report);
    if (!data) {
      const id = parsed.data?.['id'];
      if (typeof id === 'string' && !cases.has(id)) cases.set(id, { parsed, anchors });
      continue;
    }
    const expectedName = `${casesDir}/${data.id}.mdx`;
    if (file.path !== expectedName) {
      report(parsed, parsed.lineOf('id'), `id "${data.id}" does not match the file name`, `name the file ${expectedName}, or set id to the file's name`);
      continue;
    }
    const role = ROLES.find((r) => r.slug === data.role)!;
    if (roleCodeOfCase(data.id) !== role.code) {
      const rightRole = ROLES.find((r) => r.code === roleCodeOfCase(data.id));
      report(
        parsed,
        parsed.lineOf('role'),
        `case ${data.id} starts with ${roleCodeOfCase(data.id)} but its role is ${role.slug} (${role.name}, code ${role.code})`,
        rightRole ? `set role: ${rightRole.slug}, or give the case an id starting with ${role.code}` : `give the case an id starting with ${role.code}`,
      );
    }
    if (!data.duplicateOf) checkCaseShape(parsed, report);
    cases.set(data.id, { parsed, anchors });
    caseData.set(data.id, data);
  }

  // 2. Subsections hang under a written section.
  for (const [number, page] of sections) {
    const parent = parentNumber(number);
    if (kindOf(number) === 'subsection' && parent && !sections.has(parent)) {
      report(page.parsed, page.parsed.lineOf('number'), `subsection ${number} has no section ${parent} to belong to`, `write ${bookDir}/${parent.replaceAll('.', '/')}.mdx first`);
    }
  }

  // 3. Cross-references in frontmatter.
  const sectionExists = (n: string) => sections.has(n) || outline.has(n);
  for (const [number, data] of bookData) {
    const page = sections.get(number)!;
    data.cases.forEach((id, i) => {
      if (!cases.has(id)) report(page.parsed, page.parsed.lineOf('cases', i), `cases lists "${id}", which is not a case`, `write ${casesDir}/${id}.mdx or remove the id`);
    });
  }
  for (const [id, data] of caseData) {
    const page = cases.get(id)!;
    data.sections.forEach((n, i) => {
      if (!sectionExists(n)) report(page.parsed, page.parsed.lineOf('sections', i), `sections lists "${n}", which is neither a written section nor in the outline`, 'use a section number from content/outline.json');
    });
    if (data.duplicateOf !== undefined) {
      if (data.duplicateOf === id || !cases.has(data.duplicateOf)) {
        report(page.parsed, page.parsed.lineOf('duplicateOf'), `duplicateOf "${data.duplicateOf}" is not another case`, 'name the id of the case this one retells');
      }
    }
  }

  // 4. Links in the text must reach a written page and an anchor on it.
  const pages = [...sections.values(), ...cases.values()];
  for (const page of pages) {
    for (const { line, text, inCode } of page.parsed.body) {
      if (inCode) continue;
      for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const href = match[1]!;
        if (/^\/(book|cases)\//.test(href)) {
          report(page.parsed, line, `link "${href}" is written as a URL`, 'write book:2.17 or case:01003 instead, so the link is checked and never goes stale');
          continue;
        }
        if (!isContentRefLike(href)) continue;
        const ref = parseContentRef(href);
        if (!ref) {
          report(page.parsed, line, `link "${href}" is not a valid content link`, 'write book:2.17, book:2.17#anchor, case:01003 or case:01003#anchor');
          continue;
        }
        const target = ref.kind === 'book' ? sections.get(ref.number) : cases.get(ref.id);
        const name = ref.kind === 'book' ? `section ${ref.number}` : `case ${ref.id}`;
        if (!target) {
          const where = ref.kind === 'book' ? `${bookDir}/${ref.number.replaceAll('.', '/')}.mdx` : `${casesDir}/${ref.id}.mdx`;
          report(page.parsed, line, `link "${href}" points to ${name}, which is not written`, `check the number, write ${where}, or mention the section in plain text`);
        } else if (ref.anchor && !target.anchors.has(ref.anchor)) {
          report(page.parsed, line, `link "${href}": ${name} has no heading [#${ref.anchor}]`, `use one of: ${[...target.anchors].join(', ') || '(no anchors)'}`);
        }
      }
    }
  }

  return problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

type Report = (parsed: ParsedFile, line: number, message: string, fix: string) => void;

function checkFrontmatter<T>(
  parsed: ParsedFile,
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string; code: string; keys?: string[] }[] } } },
  report: Report,
): T | undefined {
  if (parsed.frontmatterError) {
    report(parsed, parsed.frontmatterError.line, parsed.frontmatterError.message, 'see docs/writing-content.md for the frontmatter format');
    return undefined;
  }
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const [field, index] = issue.path as [string | undefined, number | undefined];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) {
        report(parsed, parsed.lineOf(key), `unknown field "${key}"`, 'remove it, or check its spelling against docs/writing-content.md');
      }
      continue;
    }
    const value = field === undefined ? undefined : (parsed.data ?? {})[field];
    const item = typeof index === 'number' && Array.isArray(value) ? value[index] : value;
    const message =
      value === undefined
        ? `field "${String(field)}" is missing`
        : issue.code === 'invalid_value'
          ? `field "${String(field)}" has an unknown value "${String(item)}"`
          : `field "${issue.path.join('.')}" ${issue.message}`;
    report(parsed, parsed.lineOf(field, typeof index === 'number' ? index : undefined), message, fixFor(String(field)));
  }
  return undefined;
}

function fixFor(field: string): string {
  switch (field) {
    case 'role':
      return `use one of: ${ROLES.map((r) => `${r.slug} (${r.name})`).join(', ')}`;
    case 'tags':
      return 'use 3–6 tag names from TAGS in src/lib/taxonomy.ts (add a new tag there if none fits)';
    case 'source':
      return 'use casebook, article, course or scenario';
    default:
      return 'see docs/writing-content.md for the field';
  }
}

/** Every ## to ###### heading ends with a valid, unique [#anchor]; no # heading in the body. */
function checkHeadings(parsed: ParsedFile, report: Report): Set<string> {
  const anchors = new Set<string>();
  for (const { line, text, inCode } of parsed.body) {
    if (inCode) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(text);
    if (!heading) continue;
    if (heading[1] === '#') {
      report(parsed, line, 'a "# " heading in the body (the page title comes from the frontmatter)', 'start body headings at "## "');
      continue;
    }
    const split = splitHeadingAnchor(heading[2]!);
    if (!split) {
      report(parsed, line, `heading "${heading[2]}" has no anchor`, 'end it with a short ASCII anchor, like: ## 为什么 [#why]');
    } else if (!isValidAnchor(split.anchor)) {
      report(parsed, line, `anchor [#${split.anchor}] is not valid`, 'use lowercase ASCII letters, digits and "-", starting with a letter');
    } else if (anchors.has(split.anchor)) {
      report(parsed, line, `anchor [#${split.anchor}] is used twice in this file`, 'give each heading its own anchor');
    } else {
      anchors.add(split.anchor);
    }
  }
  return anchors;
}

/** A full case has the five headings in order, and one 参考要点 item per 讨论题. */
function checkCaseShape(parsed: ParsedFile, report: Report): void {
  const found: { anchor: string; line: number; items: number }[] = [];
  for (const { line, text, inCode } of parsed.body) {
    if (inCode) continue;
    const h2 = /^##\s+(.*)$/.exec(text);
    if (h2) {
      found.push({ anchor: splitHeadingAnchor(h2[1]!)?.anchor ?? '', line, items: 0 });
    } else if (/^\d+\.\s/.test(text) && found.length > 0) {
      found[found.length - 1]!.items++;
    }
  }
  const order = found.map((f) => f.anchor).filter((a) => CASE_HEADINGS.some((h) => h.anchor === a));
  const expected = CASE_HEADINGS.map((h) => h.anchor);
  if (order.join() !== expected.join()) {
    const missing = CASE_HEADINGS.filter((h) => !order.includes(h.anchor));
    report(
      parsed,
      found[0]?.line ?? parsed.body[0]?.line ?? 1,
      missing.length
        ? `case is missing ${missing.map((h) => `"## ${h.text} [#${h.anchor}]"`).join(', ')}`
        : `case headings are out of order (${order.join(', ')})`,
      `use the headings ${CASE_HEADINGS.map((h) => `${h.text} [#${h.anchor}]`).join(' → ')}`,
    );
    return;
  }
  const questions = found.find((f) => f.anchor === 'questions')!;
  const answers = found.find((f) => f.anchor === 'answers')!;
  if (questions.items === 0 || questions.items !== answers.items) {
    report(
      parsed,
      answers.line,
      `讨论题 has ${questions.items} numbered questions but 参考要点 has ${answers.items} answers`,
      'write one numbered answer in 参考要点 for each numbered question in 讨论题',
    );
  }
}

/** Formats problems for a terminal: one block per problem, file:line first. */
export function formatProblems(problems: Problem[]): string {
  const lines = problems.map((p) => `${p.path}:${p.line}  ${p.message}\n    fix: ${p.fix}`);
  return `Content check failed: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n\n${lines.join('\n')}`;
}
