/**
 * Remark plugins for the handbook's Markdown conventions:
 * - `## 标题 [#anchor]` → the heading gets id="anchor" and the marker disappears;
 * - `[文字](book:2.17#anchor)` and `[文字](case:01003)` → real site URLs.
 * Problems (missing anchors, unknown targets) are reported by the content check before the build.
 */
import type { Heading, Link, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { splitHeadingAnchor } from '../headings.ts';
import { parseContentRef, urlOfRef } from '../urls.ts';

export function remarkHeadingAnchors() {
  return (tree: Root) => {
    visit(tree, 'heading', (node: Heading) => {
      const last = node.children.at(-1);
      if (last?.type !== 'text') return;
      const split = splitHeadingAnchor((last as Text).value);
      if (!split) return;
      (last as Text).value = split.text;
      node.data ??= {};
      node.data.hProperties = { ...node.data.hProperties, id: split.anchor };
    });
  };
}

export function remarkContentLinks() {
  return (tree: Root) => {
    visit(tree, 'link', (node: Link) => {
      const ref = parseContentRef(node.url);
      if (ref) node.url = urlOfRef(ref);
    });
  };
}
