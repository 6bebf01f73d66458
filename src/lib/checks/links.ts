/**
 * Same-site link checking over built pages: every href/src that stays on the site must reach a
 * file, and every #anchor an element with that id; no content link (book:, case:) may be left
 * unconverted. External URLs are not fetched.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export interface BuiltPage {
  /** URL path of the page: "/book/2/17/" or "/404.html". */
  path: string;
  html: string;
  /** The page already parsed, if the caller has it. */
  tree?: Root;
}

export interface LinkProblem {
  page: string;
  link: string;
  reason: string;
}

const LINK_ATTRIBUTES: Record<string, string> = { a: 'href', link: 'href', script: 'src', img: 'src', source: 'src', form: 'action' };

interface Parsed {
  ids: Set<string>;
  links: string[];
}

function parse(page: BuiltPage): Parsed {
  const tree: Root = page.tree ?? fromHtml(page.html);
  const ids = new Set<string>();
  const links: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    const attribute = LINK_ATTRIBUTES[node.tagName];
    const value = attribute ? node.properties[attribute] : undefined;
    if (typeof value === 'string') links.push(value);
  });
  return { ids, links };
}

/**
 * @param pages the built HTML pages
 * @param fileExists whether a non-HTML file exists at a URL path (CSS, JS, images, the search index)
 * @param origin the site's own origin: absolute links to it are checked like relative ones
 */
export function checkLinks(pages: BuiltPage[], fileExists: (path: string) => boolean, origin: string): LinkProblem[] {
  const parsed = new Map(pages.map((p) => [p.path, parse(p)]));
  const problems: LinkProblem[] = [];
  for (const [path, { links }] of parsed) {
    for (const link of links) {
      if (/^(book|case):/.test(link)) {
        problems.push({ page: path, link, reason: 'a content link was not turned into a URL (check the link form in the content)' });
        continue;
      }
      const url = new URL(link, new URL(path, origin));
      if (url.origin !== origin || !['http:', 'https:'].includes(url.protocol)) continue;
      const target = parsed.get(url.pathname) ?? (url.pathname.endsWith('/') ? undefined : parsed.get(`${url.pathname}/`));
      if (!target && !fileExists(url.pathname)) {
        problems.push({ page: path, link, reason: `no page or file at ${url.pathname}` });
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && !(target?.ids.has(anchor))) {
        problems.push({ page: path, link, reason: `${url.pathname} has no element with id "${anchor}"` });
      }
    }
  }
  return problems;
}
