/**
 * The whole-book content check: every file parsed once (parse.ts), then checked on its own
 * (frontmatter schema, place in the tree, body), then across files (cross-references). Pure: takes the
 * files' text, returns problems that name the file, the line and the fix (checks/report.ts).
 */
import { kindOf, numberForFile, parentNumber, roleCodeOfCase } from './numbering.ts';
import { ROLES } from '../taxonomy.ts';
import { outlineEntries, outlineSchema, type Outline } from './outline.ts';
import { bookSchema, caseSchema, type BookData, type CaseData } from './schema.ts';
import { parseSourceFile, type SourceFile } from './parse.ts';
import { checkBody } from './checks/body.ts';
import { checkFrontmatter } from './checks/frontmatter.ts';
import { checkFrontmatterRefs, checkLinks, type PageFacts, type Pages } from './checks/crossrefs.ts';
import { collector, type Problem } from './checks/report.ts';

export { formatProblems, type Problem } from './checks/report.ts';

export interface ContentFiles {
  /** Files under content/book/, path relative to the project root (content/book/2/17.mdx). */
  book: SourceFile[];
  /** Files under content/cases/. */
  cases: SourceFile[];
  /** content/outline.json. */
  outline: SourceFile;
  /** Folder names as written in paths, for messages; defaults to content/book and content/cases. */
  bookDir?: string;
  casesDir?: string;
  /** Host names of the site (from SITE_URL): absolute links to them must be content links. */
  siteHosts?: string[];
}

export interface ContentStats {
  sections: number;
  cases: number;
  /** 可以这样说 / 避免这样说 blocks, and the phrase cards they make (lib/content/cards.ts). */
  phraseBlocks: number;
  phraseCards: number;
}

/** The problems only (what the build and the tests ask for). */
export function validateContent(input: ContentFiles): Problem[] {
  return checkContent(input).problems;
}

export function checkContent(input: ContentFiles): { problems: Problem[]; stats: ContentStats } {
  const bookDir = input.bookDir ?? 'content/book';
  const casesDir = input.casesDir ?? 'content/cases';
  const { problems, report } = collector();
  const siteHosts = input.siteHosts ?? [];

  const outline = readOutline(input.outline, report);
  if (!outline) return { problems, stats: { sections: 0, cases: 0, phraseBlocks: 0, phraseCards: 0 } };
  const outlined = outlineEntries(outline);

  const pages: Pages = { sections: new Map(), cases: new Map(), scenarios: new Set(), outlined: new Set(outlined.keys()), bookDir, casesDir };
  const bookData = new Map<string, BookData>();
  const caseData = new Map<string, CaseData>();

  // 1. Each file on its own: frontmatter, place in the tree, body.
  for (const file of input.book) {
    const parsed = parseSourceFile(file);
    const data = checkFrontmatter(parsed, bookSchema, report);
    const facts: PageFacts = { parsed, ...checkBody(parsed, report, { siteHosts, isCase: false }) };
    const relative = file.path.slice(bookDir.length + 1);
    const expected = numberForFile(relative);
    if (!data) {
      // Still known by its number (or its file name), so links to it do not add a second, misleading problem.
      const number = typeof parsed.data?.['number'] === 'string' ? parsed.data['number'] : expected;
      if (number && !pages.sections.has(number)) pages.sections.set(number, facts);
      continue;
    }
    if (expected !== data.number) {
      report(
        parsed,
        parsed.lineOf('number'),
        expected ? `number "${data.number}" does not match the file's place (${file.path} is ${expected})` : `the file name does not follow the numbering (${relative})`,
        `name the file ${bookDir}/${data.number.replaceAll('.', '/')}.mdx, or set number: "${expected ?? data.number}"`,
      );
      continue;
    }
    const inOutline = outlined.get(data.number);
    if (kindOf(data.number) !== 'subsection') {
      if (!inOutline) {
        report(parsed, parsed.lineOf('number'), `number "${data.number}" is not in the book's outline (content/outline.json)`, 'use a part or section number from the outline; new subsections have three parts, like 4.1.3');
      } else if (inOutline.title !== data.title) {
        report(parsed, parsed.lineOf('title'), `title "${data.title}" differs from the outline's "${inOutline.title}"`, `set title: ${inOutline.title}`);
      }
    }
    pages.sections.set(data.number, facts);
    bookData.set(data.number, data);
  }

  for (const file of input.cases) {
    const parsed = parseSourceFile(file);
    const data = checkFrontmatter(parsed, caseSchema, report);
    const facts: PageFacts = { parsed, ...checkBody(parsed, report, { siteHosts, isCase: true }) };
    const fromName = /(\d{5})\.mdx$/.exec(file.path)?.[1];
    if (!data) {
      const id = typeof parsed.data?.['id'] === 'string' ? parsed.data['id'] : fromName;
      if (id && !pages.cases.has(id)) pages.cases.set(id, facts);
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
    pages.cases.set(data.id, facts);
    caseData.set(data.id, data);
    if (data.source === 'scenario') pages.scenarios.add(data.id);
  }

  // 2. Subsections hang under a written section.
  for (const [number, page] of pages.sections) {
    const parent = parentNumber(number);
    if (kindOf(number) === 'subsection' && parent && !pages.sections.has(parent)) {
      report(page.parsed, page.parsed.lineOf('number'), `subsection ${number} has no section ${parent} to belong to`, `write ${bookDir}/${parent.replaceAll('.', '/')}.mdx first`);
    }
  }

  // 3. Cross-references: frontmatter lists, then links in the text.
  checkFrontmatterRefs(
    pages,
    new Map([...bookData].map(([n, d]) => [n, d.cases])),
    new Map([...caseData].map(([id, d]) => [id, { sections: d.sections, duplicateOf: d.duplicateOf }])),
    report,
  );
  checkLinks(pages, report);

  const all = [...pages.sections.values(), ...pages.cases.values()];
  return {
    problems: problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line),
    stats: {
      sections: pages.sections.size,
      cases: pages.cases.size,
      phraseBlocks: all.reduce((n, p) => n + p.phrases.blocks, 0),
      phraseCards: all.reduce((n, p) => n + p.phrases.cards, 0),
    },
  };
}

function readOutline(file: SourceFile, report: ReturnType<typeof collector>['report']): Outline | undefined {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (e) {
    report(file, 1, `is not valid JSON: ${(e as Error).message}`, 'fix the JSON syntax (quotes, commas, brackets)');
    return undefined;
  }
  const result = outlineSchema.safeParse(json);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    report(file, lineOfJsonPath(file.text, issue.path), `${path || 'the outline'}: ${issue.message}`, 'each part has number, title, page and sections; each section number, title and page');
  }
  return undefined;
}

/** The line where a JSON path's innermost value starts, found by counting the keys on the way (best effort). */
function lineOfJsonPath(text: string, path: PropertyKey[]): number {
  const key = [...path].reverse().find((p) => typeof p === 'string');
  const at = key === undefined ? -1 : text.indexOf(`"${String(key)}"`);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
