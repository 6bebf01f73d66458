/**
 * The site's structure, computed from the outline and the written content: book order, prev/next,
 * breadcrumbs, and related cases/sections in both directions. Pure data in, pure data out.
 */
import { compareNumbers, kindOf, parentNumber, type NodeKind } from '../content/numbering.ts';
import type { Outline } from '../content/outline.ts';
import { ROLES, TAGS, type Role, type Tag } from '../taxonomy.ts';
import { bookUrl } from './urls.ts';

export interface SectionInput {
  number: string;
  title: string;
  summary: string;
  cases: readonly string[];
  tags?: readonly string[];
  roles?: readonly string[];
  /** The whole section is an illustrative story (情景示例). */
  scenario?: boolean;
}

export interface CaseInput {
  id: string;
  role: string;
  title: string;
  summary: string;
  tags: readonly string[];
  sections: readonly string[];
  complaint: boolean;
  /** Where the case comes from; "scenario" is an invented illustration (情景示例). */
  source: string;
}

export interface BookNode {
  number: string;
  title: string;
  kind: NodeKind;
  /** Whether its content file exists (sections of the outline may not be written yet). */
  written: boolean;
  summary?: string;
  /** An illustrative story (情景示例): lists show its badge. */
  scenario: boolean;
  tags: readonly string[];
  roles: readonly string[];
  url: string;
  children: BookNode[];
}

export interface Graph {
  parts: BookNode[];
  node(number: string): BookNode | undefined;
  /** Every node, in reading order (unwritten sections included: their pages say so). */
  readingOrder: BookNode[];
  prevNext(number: string): { prev?: BookNode; next?: BookNode };
  breadcrumbs(number: string): BookNode[];
  casesOfSection(number: string): CaseInput[];
  sectionsOfCase(id: string): BookNode[];
  cases: CaseInput[];
  caseById(id: string): CaseInput | undefined;
  casesOfRole(slug: string): CaseInput[];
  casesOfTag(name: string): CaseInput[];
  /** Cases of a role (slug) and/or a tag (name); all cases when both are absent. */
  casesWhere(filter: { role?: string | undefined; tag?: string | undefined }): CaseInput[];
  roleOf(c: CaseInput): Role;
  tagsOf(c: CaseInput): Tag[];
  /** Prev/next within the case's role. */
  casePrevNext(id: string): { prev?: CaseInput; next?: CaseInput };
}

export function buildGraph(outline: Pick<Outline, 'parts'>, sections: SectionInput[], cases: CaseInput[]): Graph {
  const written = new Map(sections.map((s) => [s.number, s]));
  const nodes = new Map<string, BookNode>();
  const make = (number: string, title: string): BookNode => {
    const page = written.get(number);
    const node: BookNode = {
      number,
      title: page?.title ?? title,
      kind: kindOf(number),
      written: Boolean(page),
      ...(page ? { summary: page.summary } : {}),
      scenario: page?.scenario ?? false,
      tags: page?.tags ?? [],
      roles: page?.roles ?? [],
      // Every node of the outline has a page: an unwritten one says what it will contain and where to
      // look meanwhile, so a shared link never ends on "not found".
      url: bookUrl(number),
      children: [],
    };
    nodes.set(number, node);
    return node;
  };
  const parts = outline.parts.map((p) => {
    const part = make(p.number, p.title);
    part.children = p.sections.map((s) => make(s.number, s.title));
    return part;
  });
  // Subsections exist only as written pages.
  for (const s of [...sections].sort((a, b) => compareNumbers(a.number, b.number))) {
    if (kindOf(s.number) !== 'subsection') continue;
    const parent = nodes.get(parentNumber(s.number)!);
    parent?.children.push(make(s.number, s.title));
  }

  const readingOrder = [...nodes.values()].sort((a, b) => compareNumbers(a.number, b.number));
  const order = new Map(readingOrder.map((n, i) => [n.number, i]));

  const sortedCases = [...cases].sort((a, b) => a.id.localeCompare(b.id));
  const caseMap = new Map(sortedCases.map((c) => [c.id, c]));
  const roleMap = new Map<string, Role>(ROLES.map((r) => [r.slug, r]));
  const tagMap = new Map<string, Tag>(TAGS.map((t) => [t.name, t]));

  const casesOfSection = (number: string): CaseInput[] => {
    const listed = written.get(number)?.cases ?? [];
    const ids = new Set([...listed, ...sortedCases.filter((c) => c.sections.includes(number)).map((c) => c.id)]);
    return sortedCases.filter((c) => ids.has(c.id));
  };

  const sectionsOfCase = (id: string): BookNode[] => {
    const c = caseMap.get(id);
    const numbers = new Set([...(c?.sections ?? []), ...sections.filter((s) => s.cases.includes(id)).map((s) => s.number)]);
    return [...numbers].sort(compareNumbers).flatMap((n) => nodes.get(n) ?? []);
  };

  const casesOfRole = (slug: string) => sortedCases.filter((c) => c.role === slug);

  return {
    parts,
    node: (number) => nodes.get(number),
    readingOrder,
    prevNext(number) {
      const i = order.get(number);
      if (i === undefined) return {};
      return {
        ...(i > 0 ? { prev: readingOrder[i - 1]! } : {}),
        ...(i < readingOrder.length - 1 ? { next: readingOrder[i + 1]! } : {}),
      };
    },
    breadcrumbs(number) {
      const trail: BookNode[] = [];
      for (let n = parentNumber(number); n; n = parentNumber(n)) {
        const node = nodes.get(n);
        if (node) trail.unshift(node);
      }
      return trail;
    },
    casesOfSection,
    sectionsOfCase,
    cases: sortedCases,
    caseById: (id) => caseMap.get(id),
    casesOfRole,
    casesOfTag: (name) => sortedCases.filter((c) => c.tags.includes(name)),
    casesWhere: ({ role, tag }) => sortedCases.filter((c) => (!role || c.role === role) && (!tag || c.tags.includes(tag))),
    roleOf: (c) => roleMap.get(c.role)!,
    tagsOf: (c) => c.tags.flatMap((t) => tagMap.get(t) ?? []),
    casePrevNext(id) {
      const c = caseMap.get(id);
      if (!c) return {};
      const list = casesOfRole(c.role);
      const i = list.findIndex((x) => x.id === id);
      return {
        ...(i > 0 ? { prev: list[i - 1]! } : {}),
        ...(i < list.length - 1 ? { next: list[i + 1]! } : {}),
      };
    },
  };
}
