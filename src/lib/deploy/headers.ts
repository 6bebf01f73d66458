/**
 * The HTTP headers the site is served with: how long each file may be cached, and the security
 * headers. The build writes them for static hosts and CDNs (`_headers`) and for nginx (an include for
 * deploy/nginx/handbook.conf, whose hand-written cache map follows cacheControl() below; the nginx test
 * checks every file of dist/ against it).
 */
import { headerPolicy } from './csp.ts';
import { everydayWordsUrl, instantIndexUrl, pagefindDir } from '../site/urls.ts';

/** Content-addressed files: a new version gets a new name, so a cached copy is never stale. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else may be stored but is checked with the server (ETag) before each use: a deploy shows at once. */
export const CACHE_REVALIDATE = 'no-cache';

/** Astro's folder of bundled CSS and JS, whose names carry a content hash (its build.assets default). */
export const ASTRO_ASSETS_DIR = '/_astro/';

/** Where the build writes the two header files, in dist/ (served by neither nginx nor the CDNs). */
export const HEADERS_FILE = '_headers';
export const NGINX_HEADERS_FILE = '_headers.nginx.conf';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The URLs of the search page's data with any hash: /search/instant.<hex>.json, /search/everyday.<hex>.json (urls.ts). */
const SEARCH_DATA = [instantIndexUrl, everydayWordsUrl].map((url) => new RegExp(`^${url('\0').split('\0').map(escape).join('[0-9a-f]+')}$`));

/**
 * Whether the file at this URL path is named by its content: Astro's bundles, Pagefind's index,
 * fragment and filter chunks and its metadata file (pagefind.<hash>.pf_meta, named in
 * pagefind-entry.json), and the search page's data (/search/instant.<hash>.json and
 * /search/everyday.<hash>.json). Pagefind's entry files (pagefind.js, pagefind-entry.json,
 * wasm.*.pagefind) keep their names from build to build.
 */
export function isContentHashed(path: string): boolean {
  if (path.startsWith(ASTRO_ASSETS_DIR)) return true;
  if (path.startsWith(pagefindDir)) {
    const inPagefind = path.slice(pagefindDir.length);
    return /^(index|fragment|filter)\/[^/]+$/.test(inPagefind) || /^pagefind\.[^/]+\.pf_meta$/.test(inPagefind);
  }
  return SEARCH_DATA.some((data) => data.test(path));
}

/** The Cache-Control of the file at a URL path ("/_astro/Base.x1.css", "/book/2/17/index.html"). */
export function cacheControl(path: string): string {
  return isContentHashed(path) ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
}

export type Header = [name: string, value: string];

/** The headers every response carries, built from the pages' own Content-Security-Policy. */
export function securityHeaders(metaPolicy: string): Header[] {
  return [
    ['Content-Security-Policy', headerPolicy(metaPolicy)],
    ['X-Content-Type-Options', 'nosniff'],
    // frame-ancestors 'none' for browsers that predate it (old in-app WebViews).
    ['X-Frame-Options', 'DENY'],
    // Links to other sites (a regulator's page) do not tell them which page, or which intranet host, they came from.
    ['Referrer-Policy', 'same-origin'],
  ];
}

/**
 * Cache-Control rules for a `_headers` file, one per path: hosts that read it (Netlify, Cloudflare
 * Pages) join the values of every rule that matches a path ("no-cache, public, max-age=…"), so no
 * two rules may match the same file. A folder whose files all share one value gets one wildcard
 * rule; a folder that mixes them lists its files (and its page's URL, "/search/").
 */
export function cacheRules(paths: string[]): Header[] {
  interface Folder {
    files: Map<string, string>;
    folders: Map<string, Folder>;
  }
  const root: Folder = { files: new Map(), folders: new Map() };
  for (const path of paths) {
    const parts = path.split('/').slice(1);
    let folder = root;
    for (const name of parts.slice(0, -1)) {
      if (!folder.folders.has(name)) folder.folders.set(name, { files: new Map(), folders: new Map() });
      folder = folder.folders.get(name)!;
    }
    folder.files.set(parts.at(-1)!, path);
  }
  const values = (folder: Folder): Set<string> => new Set([...[...folder.files.values()].map(cacheControl), ...[...folder.folders.values()].flatMap((f) => [...values(f)])]);
  const rules: Header[] = [];
  const emit = (folder: Folder, prefix: string) => {
    const shared = values(folder);
    if (shared.size === 1 && prefix !== '/') {
      rules.push([`${prefix}*`, [...shared][0]!]);
      return;
    }
    for (const [name, path] of [...folder.files].sort()) {
      if (name === 'index.html') rules.push([prefix, cacheControl(path)]);
      rules.push([path, cacheControl(path)]);
    }
    for (const [name, sub] of [...folder.folders].sort()) emit(sub, `${prefix}${name}/`);
  };
  emit(root, '/');
  return rules;
}

/** Cloudflare Pages' limits for a _headers file: rules beyond them are ignored without a word. */
const MAX_RULES = 100;
const MAX_LINE = 2000;

/**
 * The `_headers` file for static hosts and CDNs: the security headers on every path, and one
 * Cache-Control rule per path (cacheRules). `paths` are the URL paths of the files served.
 */
export function headersFile(paths: string[], security: Header[]): string {
  const rules = cacheRules(paths);
  const lines = [
    '# Written by the build (src/integrations/precompress.ts) for hosts that read a _headers file',
    '# (Netlify, Cloudflare Pages and others); for nginx see deploy/nginx/. Not served to readers.',
    '/*',
    ...security.map(([name, value]) => `  ${name}: ${value}`),
    ...rules.flatMap(([pattern, value]) => ['', pattern, `  Cache-Control: ${value}`]),
  ];
  if (rules.length + 1 > MAX_RULES) throw new Error(`_headers: ${rules.length + 1} rules, more than the ${MAX_RULES} Cloudflare Pages reads. fix: give files of one cache class their own folders (src/lib/deploy/headers.ts cacheRules).`);
  const long = lines.find((line) => line.length > MAX_LINE);
  if (long) throw new Error(`_headers: a line of ${long.length} characters, more than the ${MAX_LINE} Cloudflare Pages reads: ${long.slice(0, 80)}… fix: shorten the Content-Security-Policy (astro.config.mjs security.csp).`);
  return `${lines.join('\n')}\n`;
}

/** The nginx include with the security headers (add_header at server level; `always`: on 404s too). */
export function nginxHeaders(security: Header[]): string {
  for (const [name, value] of security) {
    // Inside nginx's double quotes, `$` starts a variable and `\` and `"` escape or end the string.
    if (/["\\$\p{Cc}]/u.test(value)) throw new Error(`nginx include: the ${name} header holds a character nginx cannot quote (", \\, $ or a control character): ${value}`);
  }
  return [
    '# Written by the build (src/integrations/precompress.ts): the security headers for nginx, included by',
    "# deploy/nginx/handbook.conf. The Content-Security-Policy is the pages' own: reload nginx after each deploy.",
    ...security.map(([name, value]) => `add_header ${name} "${value}" always;`),
    '',
  ].join('\n');
}
