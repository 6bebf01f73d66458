/**
 * The Markdown the content is written in: MDX with GFM (tables), plus CJK-friendly emphasis, so
 * `**见到信号就上报。**客户…` closes its bold as a Chinese reader expects (CommonMark alone leaves the
 * `**` on the page when bold ends in full-width punctuation and a Chinese character follows).
 * The renderer (astro.config.mjs) and the content check (lib/content/parse.ts) use this one list, so
 * the check sees exactly the tree the renderer builds.
 */
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Root } from 'mdast';

/** Syntax extensions the renderer adds on top of Astro's MDX (which brings MDX and GFM itself). */
export const syntaxPlugins = [remarkCjkFriendly];

/** A parser for content bodies: the renderer's syntax, positions kept. */
export function contentParser(): Processor<Root> {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
  for (const plugin of syntaxPlugins) processor.use(plugin);
  return processor as unknown as Processor<Root>;
}
