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
  const label = textOf(strong).replace(/[：:]$/, '').trim();
  return label in CALLOUTS ? (label as CalloutLabel) : undefined;
}

export function rehypeCallouts() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'blockquote') return;
      const label = calloutLabel(node);
      if (!label) return;
      node.tagName = 'aside';
      node.properties = { className: ['callout', `callout-${CALLOUTS[label]}`], ariaLabel: label };
    });
  };
}

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
