/**
 * The built site as the Node checks over dist/ see it: every HTML page, read and parsed once per test
 * file. Run after `npm run build` (the tests say so when dist/ is missing).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { htmlFiles } from '../../src/lib/build/dist-files.ts';

export const dist = join(import.meta.dirname, '../../dist');

if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ has no site: run npm run build first');

export interface BuiltPage {
  /** URL path: "/book/2/17/", "/404.html". */
  path: string;
  html: string;
  tree: Root;
}

let pages: BuiltPage[] | undefined;
export function builtPages(): BuiltPage[] {
  pages ??= htmlFiles(dist).map((file) => {
    const html = readFileSync(join(dist, file), 'utf8');
    return { path: `/${file.replace(/(^|\/)index\.html$/, '$1')}`, html, tree: fromHtml(html) };
  });
  return pages;
}

/** Whether a file (not a page) exists at a URL path. */
export function fileExists(path: string): boolean {
  const file = join(dist, decodeURIComponent(path));
  return existsSync(file) && statSync(file).isFile();
}

/** Every element of a page for which `match` holds. */
export function elements(page: BuiltPage, match: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(page.tree, 'element', (node: Element) => {
    if (match(node)) found.push(node);
  });
  return found;
}

/** The page's visible text: what a reader sees, without scripts, styles and hidden index data. */
export function visibleText(page: BuiltPage): string {
  const parts: string[] = [];
  visit(page.tree, (node, _index, parent) => {
    if (node.type === 'element' && (['script', 'style', 'svg', 'template', 'head'].includes(node.tagName) || node.properties.hidden !== undefined)) return 'skip';
    if (node.type === 'text' && parent) parts.push(node.value);
    return undefined;
  });
  return parts.join('');
}

/** The site's address in this build (SITE_URL), from the home page's canonical link; undefined in a preview build. */
export function siteOrigin(): string | undefined {
  const home = builtPages().find((p) => p.path === '/')!;
  const canonical = elements(home, (n) => n.tagName === 'link' && String(n.properties.rel) === 'canonical')[0];
  return canonical ? new URL(String(canonical.properties.href)).origin : undefined;
}
