/**
 * `<link rel="modulepreload">` for every module a page's scripts import statically. Astro writes a
 * page's bundled scripts as `<script type="module" src>`; the chunks they share with other pages
 * (fields.js, highlight.js …) are only found once the script itself has arrived and been parsed, one
 * round trip later (150 ms and more on a phone's mobile data). Listed in the page's head, they load
 * side by side with the script. Dynamic imports are left alone: they load only when needed.
 */
import { initSync, parse } from 'es-module-lexer';

const MODULE_SCRIPT = /<script type="module" src="([^"]+)"[^>]*><\/script>/g;
const PRELOAD = (href: string) => `<link rel="modulepreload" href="${href}">`;

initSync();

/** The modules `entry` (a site path, "/_astro/x.js") imports statically, directly or not, in the order found; `read` gives a module's text. */
export function staticImports(entry: string, read: (path: string) => string): string[] {
  const found: string[] = [];
  const visit = (path: string) => {
    const [imports] = parse(read(path), path);
    for (const { n: specifier, d: dynamic } of imports) {
      // d is -1 for a static import, -2 for import.meta, the position of the import() otherwise.
      if (dynamic !== -1 || !specifier) continue;
      const target = new URL(specifier, `http://site${path}`);
      if (target.host !== 'site' || found.includes(target.pathname) || target.pathname === entry) continue;
      found.push(target.pathname);
      visit(target.pathname);
    }
  };
  visit(entry);
  return found;
}

/** The page with a modulepreload link, before its first module script, for each module its scripts import statically and do not already preload. */
export function withModulePreload(html: string, read: (path: string) => string): string {
  const scripts = [...html.matchAll(MODULE_SCRIPT)];
  if (!scripts.length) return html;
  const links = [...new Set(scripts.flatMap(([, src]) => staticImports(src!, read)))].filter((href) => !html.includes(PRELOAD(href)));
  if (!links.length) return html;
  const at = scripts[0]!.index!;
  return html.slice(0, at) + links.map(PRELOAD).join('') + html.slice(at);
}
