/**
 * Cross-references between files: the frontmatter lists (a section's cases, a case's sections and
 * duplicateOf) and every content link in the text must reach a page that exists, and an anchor on it;
 * a sentence that cites an invented case (source: scenario) must say so.
 */
import { SCENARIO_WORDS } from '../schema.ts';
import type { ParsedFile } from '../parse.ts';
import type { BodyFacts } from './body.ts';
import type { Report } from './report.ts';

export interface PageFacts extends BodyFacts {
  parsed: ParsedFile;
}

export interface Pages {
  sections: Map<string, PageFacts>;
  cases: Map<string, PageFacts>;
  /** Ids of cases whose source is "scenario". */
  scenarios: Set<string>;
  /** Numbers in the outline (frontmatter lists may name a section that is not written yet). */
  outlined: Set<string>;
  bookDir: string;
  casesDir: string;
}

export function checkFrontmatterRefs(pages: Pages, sectionCases: Map<string, string[]>, caseRefs: Map<string, { sections: string[]; duplicateOf?: string | undefined }>, report: Report): void {
  for (const [number, ids] of sectionCases) {
    const page = pages.sections.get(number)!;
    ids.forEach((id, i) => {
      if (!pages.cases.has(id)) report(page.parsed, page.parsed.lineOf('cases', i), `cases lists "${id}", which is not a case`, `write ${pages.casesDir}/${id}.mdx or remove the id`);
    });
  }
  for (const [id, { sections, duplicateOf }] of caseRefs) {
    const page = pages.cases.get(id)!;
    sections.forEach((n, i) => {
      if (!pages.sections.has(n) && !pages.outlined.has(n)) {
        report(page.parsed, page.parsed.lineOf('sections', i), `sections lists "${n}", which is neither a written section nor in the outline`, 'use a section number from content/outline.json');
      }
    });
    if (duplicateOf !== undefined && (duplicateOf === id || !pages.cases.has(duplicateOf))) {
      report(page.parsed, page.parsed.lineOf('duplicateOf'), `duplicateOf "${duplicateOf}" is not another case`, 'name the id of the case this one retells');
    }
  }
}

export function checkLinks(pages: Pages, report: Report): void {
  for (const page of [...pages.sections.values(), ...pages.cases.values()]) {
    for (const { href, ref, line, context } of page.links) {
      const target = ref.kind === 'book' ? pages.sections.get(ref.number) : pages.cases.get(ref.id);
      const name = ref.kind === 'book' ? `section ${ref.number}` : `case ${ref.id}`;
      if (!target) {
        const where = ref.kind === 'book' ? `${pages.bookDir}/${ref.number.replaceAll('.', '/')}.mdx` : `${pages.casesDir}/${ref.id}.mdx`;
        report(page.parsed, line, `link "${href}" points to ${name}, which is not written`, `check the number, write ${where}, or mention the section in plain text`);
      } else if (ref.anchor && !target.anchors.has(ref.anchor)) {
        report(page.parsed, line, `link "${href}": ${name} has no heading [#${ref.anchor}]`, `use one of: ${[...target.anchors].join(', ') || '(no anchors)'}`);
      } else if (ref.kind === 'case' && pages.scenarios.has(ref.id) && target !== page && !SCENARIO_WORDS.some((w) => context.includes(w))) {
        report(page.parsed, line, `case ${ref.id} is an invented scenario, but the sentence citing it does not say so`, `say 情景示例 in the same sentence or list item, e.g. “情景示例[案例${ref.id}](case:${ref.id})……”`);
      }
    }
  }
}
