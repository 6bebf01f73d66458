/**
 * Rehype plugins that shape the HTML of every content page:
 * - call-outs: a block quote opening with a bold label (可以这样说, 避免这样说, 编者注 …) becomes a box;
 * - tables scroll inside their own box on phones;
 * - each heading with an id gets a link to itself, which the reader script turns into "copy link".
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { h } from 'hastscript';
import { HEADING_LINK_TEXT, headingLinkAttributes } from '../site/heading-link.ts';
import { CASE_HEADINGS } from '../content/schema.ts';
import { SCREEN_ONLY_PROP } from '../site/markers.ts';

export const CALLOUTS = {
  可以这样说: 'do',
  避免这样说: 'dont',
  编者注: 'note',
  今天怎么看: 'today',
  情景示例: 'scenario',
  提示: 'tip',
  参考答案: 'answers',
} as const;

export type CalloutLabel = keyof typeof CALLOUTS;

const isElement = (node: ElementContent | undefined, tag?: string): node is Element =>
  node?.type === 'element' && (tag === undefined || node.tagName === tag);

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/** The label of a call-out block quote, if it is one. */
export function calloutLabel(blockquote: Element): CalloutLabel | undefined {
  const first = blockquote.children.find((c) => isElement(c));
  if (!isElement(first, 'p')) return undefined;
  const strong = first.children[0];
  if (!isElement(strong, 'strong')) return undefined;
  // A phrase block may name its situation after the label: 可以这样说：客户要求见行长.
  const label = textOf(strong).split(/[：:]/)[0]!.trim();
  return label in CALLOUTS ? (label as CalloutLabel) : undefined;
}

/** Call-outs whose content is for trainers and folded until asked for (open on paper). */
const FOLDED: ReadonlySet<CalloutLabel> = new Set(['参考答案']);

export function rehypeCallouts() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'blockquote') return;
      const label = calloutLabel(node);
      if (!label) return;
      if (FOLDED.has(label)) {
        // <details><summary>参考答案</summary>…</details>: the label paragraph becomes the summary.
        const first = node.children.findIndex((c) => isElement(c));
        node.children.splice(first, 1, h('summary', {}, [label, h('span', { className: ['fold-hint'], [SCREEN_ONLY_PROP]: '' }, '（点击展开）')]));
        node.tagName = 'details';
        node.properties = { className: ['callout', `callout-${CALLOUTS[label]}`] };
        return;
      }
      // A note, not a landmark: a page has many call-outs with the same label, and landmarks must be unique.
      node.tagName = 'div';
      node.properties = { className: ['callout', `callout-${CALLOUTS[label]}`], role: 'note' };
    });
  };
}

/**
 * A case's 参考要点 (the answers to its 讨论题) are folded on screen under their heading: a trainer opens
 * them with one tap, a link to #answers opens them (reader script), and they are open on paper. The
 * heading stays outside the fold, so its copy-link is not nested in the summary's control.
 */
export function rehypeFoldCaseAnswers() {
  return (tree: Root) => {
    const at = tree.children.findIndex((n) => n.type === 'element' && n.tagName === 'h2' && n.properties.id === CASE_HEADINGS[4].anchor);
    if (at < 0) return;
    let end = at + 1;
    while (end < tree.children.length && !(tree.children[end]!.type === 'element' && (tree.children[end] as Element).tagName === 'h2')) end++;
    const rest = tree.children.slice(at + 1, end) as ElementContent[];
    tree.children.splice(at + 1, end - at - 1, h('details', { className: ['answers'] }, [h('summary', {}, [h('span', { className: ['fold-hint'], [SCREEN_ONLY_PROP]: '' }, '点击展开参考要点（培训师用）')]), ...rest]));
  };
}
/**
 * Tables scroll sideways in a box of their own (a phone is narrower than most tables). A focusable box
 * is a region landmark, and landmarks need names of their own on a page: when a page has several boxes
 * with one name (two tables, two diagrams), they are numbered: “第2个表格（可左右滑动）”.
 */
export function rehypeScrollTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      parent.children[index] = {
        type: 'element',
        tagName: 'section',
        properties: { className: ['scroll-box'], tabIndex: 0, ariaLabel: '表格（可左右滑动）' },
        children: [node],
      };
    });
    const byName = new Map<string, Element[]>();
    visit(tree, 'element', (node: Element) => {
      const name = node.properties.ariaLabel;
      if (node.tagName !== 'section' || typeof name !== 'string') return;
      byName.set(name, [...(byName.get(name) ?? []), node]);
    });
    for (const [name, boxes] of byName) if (boxes.length > 1) boxes.forEach((box, i) => (box.properties.ariaLabel = `第${i + 1}个${name}`));
  };
}

export function rehypeHeadingLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (!/^h[2-4]$/.test(node.tagName) || typeof node.properties.id !== 'string') return;
      node.children.push(headingLink(node.properties.id, node.children.map(textOf).join('')));
    });
  };
}

/** The copy-link control as a hast element, from the one builder (lib/site/heading-link.ts). */
function headingLink(id: string, text: string): Element {
  return h('a', headingLinkAttributes(id, text), HEADING_LINK_TEXT);
}
