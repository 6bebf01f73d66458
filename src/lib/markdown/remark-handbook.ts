/**
 * Remark plugins for the handbook's Markdown conventions:
 * - `## 标题 [#anchor]` → the heading gets id="anchor" and the marker disappears;
 * - `[文字](book:2.17#anchor)`, `[文字](case:01003 "title")` and reference definitions
 *   (`[r]: book:2.17`) → real site URLs.
 * - the page's phrase cards (话术速查, lib/content/cards.ts) are read from the same tree and handed to the
 *   site as `phraseCards` in the entry's remark data (render(entry).remarkPluginFrontmatter).
 * Problems (missing anchors, unknown targets) are reported by the content check before the build.
 */
import type { Definition, Heading, Link, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { splitHeadingAnchor } from '../content/headings.ts';
import { parseContentRef } from '../content/refs.ts';
import { urlOfRef } from '../site/urls.ts';
import { extractCards } from '../content/cards.ts';

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
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const ref = parseContentRef((node as Link | Definition).url);
      if (ref) (node as Link | Definition).url = urlOfRef(ref);
    });
  };
}

export function remarkPhraseCards() {
  return (tree: Root, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    const frontmatter = file.data.astro?.frontmatter;
    const key = frontmatter?.['number'] ?? frontmatter?.['id'];
    if (!frontmatter || typeof key !== 'string') return;
    frontmatter['phraseCards'] = extractCards(tree, { key, title: String(frontmatter['title']) }).cards;
  };
}
