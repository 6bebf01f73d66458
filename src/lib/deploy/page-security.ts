/**
 * What a built page may not contain, whatever its content or template: inline script the
 * Content-Security-Policy does not name by hash (or event-handler attributes), a resource from
 * another origin, a meta refresh, a `<base>`, or a javascript: URL. The CSP stops most of these in
 * browsers; this check stops them from shipping at all (and covers readers of a saved page, old
 * WebViews and the PDF builder).
 */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit } from 'unist-util-visit';
import { hashesAllow, scriptHash } from './csp.ts';

export interface PageRules {
  /** The script hashes the page's policy allows ("sha256-…"). */
  scriptHashes: Set<string>;
  /** The site's public origin ("https://handbook.example.com"), when the build knew it. */
  origin?: string | undefined;
}

export interface SecurityProblem {
  line: number | undefined;
  /** The offending element, as its start tag ("<img src=…>"). */
  element: string;
  problem: string;
}

/** Where each element loads a resource from (hast property names). */
const RESOURCE_PROPERTIES: Record<string, string[]> = {
  script: ['src'],
  link: ['href'],
  img: ['src', 'srcSet'],
  source: ['src', 'srcSet'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src', 'formAction'],
  button: ['formAction'],
  form: ['action'],
  image: ['href', 'xLinkHref'],
  use: ['href', 'xLinkHref'],
  feImage: ['href', 'xLinkHref'],
};

/** Where relative URLs are resolved; the site's public origin (PageRules.origin) counts as the site too. */
const SITE = 'http://site.invalid';

/** Elements whose resource may be a data: URL (the CSP's img-src allows data:). */
const DATA_URL_ALLOWED = new Set(['img', 'source', 'image', 'feImage']);

/** Script types the browser runs (an empty or missing type, JavaScript MIME types, modules). */
function runsAsScript(type: unknown): boolean {
  const t = typeof type === 'string' ? type.trim().toLowerCase() : '';
  return t === '' || t === 'module' || /^(text|application)\/(x-)?(java|ecma)script$/.test(t);
}

/** Browsers drop tabs and newlines anywhere in a URL and spaces or controls around it: "java\tscript:" runs. */
function scheme(url: string): string {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\t\n\r]/g, '').replace(/^[\0- ]+/, ''))?.[1]?.toLowerCase() ?? '';
}

/** The URLs of a property: srcset ("a.png 1x, b.png 2x") holds several, and hast may give a list. */
function urlsOf(name: string, value: unknown): string[] {
  const values = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  return name === 'srcSet' ? values.flatMap((v) => v.split(',')).map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean) : values;
}

/** The text of a raw-text element (script, style) exactly as written: what the CSP hash covers. */
function rawText(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi)].map((m) => m.slice(1).find((u) => u !== undefined) ?? '');
}

/** The element's start tag as HTML, shortened. */
function startTag(node: Element): string {
  const tag = toHtml({ ...node, children: [] }).replace(/<\/[^>]+>$/, '');
  return tag.length > 160 ? `${tag.slice(0, 159)}…>` : tag;
}

/** An attribute's HTML name for a hast property name (srcSet → srcset, xLinkHref → xlink:href). */
function attributeName(property: string): string {
  return property === 'xLinkHref' ? 'xlink:href' : property.toLowerCase();
}

/** The problems of one page (its syntax tree, parsed with positions), in document order. */
export function pageSecurityProblems(tree: Root, rules: PageRules): SecurityProblem[] {
  const problems: SecurityProblem[] = [];
  const own = new Set([SITE, ...(rules.origin ? [new URL(rules.origin).origin] : [])]);
  const report = (node: Element, problem: string) => problems.push({ line: node.position?.start.line, element: startTag(node), problem });
  const checkResource = (node: Element, url: string, what: string) => {
    const kind = scheme(url);
    // javascript: is reported once, below, for every attribute.
    if (url.startsWith('#') || kind === 'javascript' || (kind === 'data' && DATA_URL_ALLOWED.has(node.tagName))) return;
    const origin = URL.parse(url, `${SITE}/`)?.origin;
    if (origin === undefined) report(node, `${what} "${url}" is not a valid URL`);
    else if (!own.has(origin)) report(node, `${what} loads "${url}" from ${kind === 'data' ? 'a data: URL' : `another origin (${origin})`}: the site promises no third-party requests`);
  };

  visit(tree, 'element', (node: Element) => {
    const { tagName, properties } = node;
    if (tagName === 'script' && !properties.src && runsAsScript(properties.type)) {
      const text = rawText(node);
      if (!hashesAllow(rules.scriptHashes, text)) report(node, `inline script whose hash (${scriptHash(text)}) is not in the Content-Security-Policy: browsers block it, and it should not ship. Scripts go in src/client/ and are bundled`);
    }
    if (tagName === 'meta' && String(properties.httpEquiv ?? '').toLowerCase() === 'refresh') report(node, 'meta refresh: sends readers to another address without asking');
    if (tagName === 'base') report(node, '<base> changes where every relative link of the page points');
    if (properties.srcDoc !== undefined) report(node, 'srcdoc: a page inside the page, with its own scripts');
    for (const [name, value] of Object.entries(properties)) {
      if (/^on[a-z]/i.test(name)) report(node, `event-handler attribute ${attributeName(name)}: inline script the Content-Security-Policy blocks`);
      for (const text of Array.isArray(value) ? value.map(String) : [String(value)]) {
        if (scheme(text) === 'javascript') report(node, `javascript: URL in ${attributeName(name)}`);
      }
    }
    for (const name of RESOURCE_PROPERTIES[tagName] ?? []) {
      for (const url of urlsOf(name, properties[name])) checkResource(node, url, `<${tagName} ${attributeName(name)}>`);
    }
    if (typeof properties.style === 'string') for (const url of cssUrls(properties.style)) checkResource(node, url, 'a style attribute');
    if (tagName === 'style') for (const url of cssUrls(rawText(node))) checkResource(node, url, '<style>');
  });
  return problems;
}
