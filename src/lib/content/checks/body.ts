/**
 * Checks of one file's body on its syntax tree (the tree the renderer builds, lib/content/parse.ts):
 * - no code: MDX expressions `{…}`, import/export, and raw HTML/JSX outside a short allow-list;
 * - every heading (ATX, setext, in a quote or a list) ends with a valid, unique `[#anchor]`;
 * - every link form the renderer accepts (inline, with a title, reference-style) is a content link
 *   (`book:`/`case:`), an anchor on this page, or an outside web address; never a hand-written site
 *   URL, the site's own address, `javascript:`/`data:`, or an image;
 * - the shape of cases (five headings, one 参考要点 per 讨论题) and one 参考答案 per 自测 question.
 * Returns what the cross-reference check needs: the anchors of the page and its content links.
 */
import type { Blockquote, Heading, List, Nodes, Parents, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visitParents } from 'unist-util-visit-parents';
import { isValidAnchor, RESERVED_ANCHORS, splitHeadingAnchor } from '../headings.ts';
import { CASE_HEADINGS, SELF_TEST } from '../schema.ts';
import { extractCards } from '../cards.ts';
import { isContentRefLike, parseContentRef, type ContentRef } from '../refs.ts';
import type { ParsedFile } from '../parse.ts';
import type { Report } from './report.ts';

/** Raw HTML the content may contain: harmless inline elements, no attributes. */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set(['br', 'sub', 'sup']);

export interface LinkUse {
  href: string;
  ref: ContentRef;
  line: number;
  /** Text of the paragraph, list item or table cell the link is in. */
  context: string;
}

export interface BodyFacts {
  anchors: Set<string>;
  links: LinkUse[];
  /** 话术 blocks and the phrase cards they make. */
  phrases: { blocks: number; cards: number };
}

export interface BodyOptions {
  /** Host names of the site itself (from SITE_URL): absolute links to them must be content links. */
  siteHosts: readonly string[];
  /** Check the case shape (five headings, answers). */
  isCase: boolean;
}

const lineOf = (node: Nodes) => node.position?.start.line ?? 1;
const CONTEXT_TYPES = new Set(['paragraph', 'listItem', 'tableCell', 'heading']);
const UNSAFE_SCHEME = /^\s*(javascript|vbscript|data|file):/i;

export function checkBody(parsed: ParsedFile, report: Report, options: BodyOptions): BodyFacts {
  const anchors = new Set<string>();
  const links: LinkUse[] = [];
  const pageAnchors: { anchor: string; line: number }[] = [];
  const none = { anchors, links, phrases: { blocks: 0, cards: 0 } };
  if (parsed.fileError) return none; // reported with the frontmatter; the body is unknown
  if (parsed.bodyError) {
    report(parsed, parsed.bodyError.line, parsed.bodyError.message, parsed.bodyError.fix);
    return none;
  }

  visitParents(parsed.tree, (node: Nodes, ancestors: Parents[]) => {
    const line = lineOf(node);
    switch (node.type) {
      case 'mdxjsEsm':
        report(parsed, line, 'import/export is code, and content cannot run code', 'remove the line; link other pages with [文字](book:2.17) or [文字](case:01003)');
        return 'skip';
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        report(parsed, line, `{${node.value}} is code in MDX, and content cannot run code`, 'to show a brace in the text, write full-width ｛ ｝ or escape it as \\{ \\}');
        return 'skip';
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (!ALLOWED_ELEMENTS.has(name.toLowerCase())) {
          report(parsed, line, `<${name || '>'}${name ? '>' : ''} is raw HTML, which content may not contain`, `write it in Markdown (headings, lists, **bold**, tables, call-outs); allowed tags: ${[...ALLOWED_ELEMENTS].map((e) => `<${e}>`).join(' ')}`);
          return 'skip';
        }
        if (node.attributes.length > 0) {
          report(parsed, line, `<${name}> has attributes, which content may not set`, `write a plain <${name}>`);
        }
        return undefined;
      }
      case 'image':
      case 'imageReference':
        report(parsed, line, 'an image in the text', 'content has no images: describe it in words, or draw a flowchart in a ```mermaid block');
        return 'skip';
      case 'heading': {
        const anchor = checkHeading(parsed, node, report);
        if (anchor) {
          if (anchors.has(anchor)) report(parsed, line, `anchor [#${anchor}] is used twice in this file`, 'give each heading its own anchor');
          anchors.add(anchor);
        }
        break;
      }
      case 'link':
      case 'definition': {
        const use = checkUrl(parsed, node.url, line, options, report);
        if (use === 'anchor') pageAnchors.push({ anchor: node.url.slice(1), line });
        else if (use) links.push({ ...use, context: contextOf(ancestors) });
        break;
      }
    }
    return undefined;
  });

  for (const { anchor, line } of pageAnchors) {
    if (!anchors.has(anchor)) report(parsed, line, `link "#${anchor}": this page has no heading [#${anchor}]`, `use one of: ${[...anchors].join(', ') || '(no anchors)'}`);
  }
  if (options.isCase) checkCaseShape(parsed, report);
  else checkSelfTests(parsed, report);
  const key = parsed.data?.[options.isCase ? 'id' : 'number'];
  const phrases = extractCards(parsed.tree, { key: typeof key === 'string' ? key : '', title: String(parsed.data?.['title'] ?? '') });
  for (const p of phrases.problems) report(parsed, p.line, p.message, p.fix);
  return { anchors, links, phrases: { blocks: phrases.blocks, cards: phrases.cards.length } };
}

/** The heading's anchor, or undefined after reporting what is wrong with it. */
function checkHeading(parsed: ParsedFile, node: Heading, report: Report): string | undefined {
  const line = lineOf(node);
  const text = toString(node);
  if (node.depth === 1) {
    report(parsed, line, `a "# " heading in the body ("${text}"; the page title comes from the frontmatter)`, 'start body headings at "## "');
    return undefined;
  }
  const split = splitHeadingAnchor(text);
  if (!split) {
    report(parsed, line, `heading "${text}" has no anchor`, 'end it with a short ASCII anchor, like: ## 为什么 [#why]');
    return undefined;
  }
  if (!isValidAnchor(split.anchor)) {
    report(parsed, line, `anchor [#${split.anchor}] is not valid`, 'use lowercase ASCII letters, digits and "-", starting with a letter');
    return undefined;
  }
  if (RESERVED_ANCHORS.has(split.anchor)) {
    report(parsed, line, `anchor [#${split.anchor}] is used by the page itself (${[...RESERVED_ANCHORS].join(', ')})`, 'choose another anchor for this heading');
    return undefined;
  }
  return split.anchor;
}

/** A content link to check across files, 'anchor' for a link within the page, or undefined. */
function checkUrl(parsed: ParsedFile, url: string, line: number, options: BodyOptions, report: Report): Omit<LinkUse, 'context'> | 'anchor' | undefined {
  if (UNSAFE_SCHEME.test(url)) {
    report(parsed, line, `link "${url.slice(0, 40)}" uses a scheme that can run code or carry a file`, 'link to a page with book:2.17 or case:01003, or to a web address starting with https://');
    return undefined;
  }
  if (isContentRefLike(url)) {
    const ref = parseContentRef(url);
    if (ref) return { href: url, ref, line };
    report(parsed, line, `link "${url}" is not a valid content link`, 'write book:2.17, book:2.17#anchor, case:01003 or case:01003#anchor');
    return undefined;
  }
  if (url.startsWith('#')) return 'anchor';
  if (/^\/(?!\/)/.test(url) || /^\.\.?\//.test(url)) {
    report(parsed, line, `link "${url}" is written as a URL`, 'write book:2.17 or case:01003 instead, so the link is checked and never goes stale');
    return undefined;
  }
  let absolute: URL | undefined;
  try {
    absolute = new URL(url.startsWith('//') ? `https:${url}` : url);
  } catch {
    report(parsed, line, `link "${url}" is neither a content link nor a web address`, 'write book:2.17, case:01003, or a full address starting with https://');
    return undefined;
  }
  if (options.siteHosts.includes(absolute.hostname)) {
    report(parsed, line, `link "${url}" points at this site by its full address`, 'write book:2.17 or case:01003 instead, so the link is checked and never goes stale');
  } else if (!['http:', 'https:', 'mailto:', 'tel:'].includes(absolute.protocol)) {
    report(parsed, line, `link "${url}" is neither a content link nor a web address`, 'write book:2.17, case:01003, or a full address starting with https://');
  }
  return undefined;
}

function contextOf(ancestors: Parents[]): string {
  for (let i = ancestors.length - 1; i >= 0; i--) if (CONTEXT_TYPES.has(ancestors[i]!.type)) return toString(ancestors[i]!);
  return '';
}

const h2Anchor = (node: RootContent) => (node.type === 'heading' && node.depth === 2 ? (splitHeadingAnchor(toString(node))?.anchor ?? '') : undefined);
const orderedItems = (nodes: RootContent[]) => nodes.filter((n): n is List => n.type === 'list' && n.ordered === true).reduce((sum, l) => sum + l.children.length, 0);

/** The top-level blocks under each ## heading. */
function sectionsOf(tree: Root): { anchor: string; heading: Heading; blocks: RootContent[] }[] {
  const sections: { anchor: string; heading: Heading; blocks: RootContent[] }[] = [];
  for (const node of tree.children) {
    const anchor = h2Anchor(node);
    if (anchor !== undefined) sections.push({ anchor, heading: node as Heading, blocks: [] });
    else sections.at(-1)?.blocks.push(node);
  }
  return sections;
}

/** A full case has the five headings in order, and one 参考要点 item per 讨论题. */
function checkCaseShape(parsed: ParsedFile, report: Report): void {
  if (parsed.data?.['duplicateOf'] !== undefined && !parsed.tree.children.some((n) => h2Anchor(n) === 'questions')) return;
  const sections = sectionsOf(parsed.tree);
  const known = new Set<string>(CASE_HEADINGS.map((h) => h.anchor));
  const order = sections.map((s) => s.anchor).filter((a) => known.has(a));
  const expected = CASE_HEADINGS.map((h) => h.anchor);
  if (order.join() !== expected.join()) {
    const missing = CASE_HEADINGS.filter((h) => !order.includes(h.anchor));
    report(
      parsed,
      sections[0] ? lineOf(sections[0].heading) : 1,
      missing.length ? `case is missing ${missing.map((h) => `"## ${h.text} [#${h.anchor}]"`).join(', ')}` : `case headings are out of order (${order.join(', ')})`,
      `use the headings ${CASE_HEADINGS.map((h) => `${h.text} [#${h.anchor}]`).join(' → ')}`,
    );
    return;
  }
  const questions = orderedItems(sections.find((s) => s.anchor === 'questions')!.blocks);
  const answers = sections.find((s) => s.anchor === 'answers')!;
  const answerCount = orderedItems(answers.blocks);
  if (questions === 0 || questions !== answerCount) {
    report(parsed, lineOf(answers.heading), `讨论题 has ${questions} numbered questions but 参考要点 has ${answerCount} answers`, 'write one numbered answer in 参考要点 for each numbered question in 讨论题');
  }
}

/** A call-out block quote: its bold label ("可以这样说", "参考答案" …), if it has one. */
export function calloutLabelOf(node: Blockquote): string | undefined {
  const first = node.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const strong = first.children[0];
  return strong?.type === 'strong' ? toString(strong).replace(/[：:]$/, '').trim() : undefined;
}

/** Every 自测 has a 参考答案 call-out with one numbered answer per numbered question. */
function checkSelfTests(parsed: ParsedFile, report: Report): void {
  for (const section of sectionsOf(parsed.tree)) {
    if (!splitHeadingAnchor(toString(section.heading))?.text.startsWith(SELF_TEST.heading)) continue;
    const questions = orderedItems(section.blocks);
    const box = section.blocks.find((b): b is Blockquote => b.type === 'blockquote' && calloutLabelOf(b) === SELF_TEST.answers);
    const answers = box ? orderedItems(box.children as RootContent[]) : 0;
    if (!box) {
      report(parsed, lineOf(section.heading), `${SELF_TEST.heading} has ${questions} questions but no ${SELF_TEST.answers}`, `after the questions add a block "> **${SELF_TEST.answers}**" with one numbered answer per question (docs/writing-content.md)`);
    } else if (questions === 0 || answers !== questions) {
      report(parsed, lineOf(box), `${SELF_TEST.heading} has ${questions} numbered questions but ${SELF_TEST.answers} has ${answers} answers`, `write one numbered answer in ${SELF_TEST.answers} for each numbered question`);
    }
  }
}
