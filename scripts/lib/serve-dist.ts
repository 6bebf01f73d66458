/** The built site for the scripts: where it is, its pages, and a minimal loopback server for it. */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const dist = join(import.meta.dirname, '../../dist');

/** Every HTML file of dist/, as a path relative to it ("book/2/17/index.html"). */
export function htmlFiles(): string[] {
  return (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html'));
}

/** Content types by file extension, for the loopback servers of the scripts. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.svg', '.json']);

/** The file dist/ serves for a URL path (directories serve their index.html). */
export function fileFor(path: string): string {
  const file = join(dist, decodeURIComponent(path));
  return existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
}

/**
 * Serves dist/ as the production server does (deploy/nginx): the build's .br/.gz copies (gzip on the fly
 * for files without one), a directory asked for without its slash redirected to it (query kept),
 * anything else missing answered by 404.html with status 404.
 * Returns the origin and a way to stop. `port` 0 picks a free one.
 */
export async function serveDist(port = 0): Promise<{ origin: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const file = fileFor(url.pathname);
    const asked = join(dist, decodeURIComponent(url.pathname));
    if (!url.pathname.endsWith('/') && existsSync(asked) && statSync(asked).isDirectory()) {
      return void res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
    }
    if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end(readFileSync(join(dist, '404.html')));
    const ext = extname(file);
    const type = { 'content-type': CONTENT_TYPES[ext] ?? 'application/octet-stream' };
    const accepts = String(req.headers['accept-encoding'] ?? '');
    // The build's precompressed copies first, as nginx's brotli_static and gzip_static send them.
    for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
      if (COMPRESSIBLE.has(ext) && accepts.includes(encoding) && existsSync(file + suffix)) {
        return void res.writeHead(200, { ...type, 'content-encoding': encoding, vary: 'Accept-Encoding' }).end(readFileSync(file + suffix));
      }
    }
    const body = readFileSync(file);
    const gzip = COMPRESSIBLE.has(ext) && accepts.includes('gzip');
    res.writeHead(200, { ...type, ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}) });
    res.end(gzip ? gzipSync(body) : body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

/** Where the built search page loads its data from (names carry a content hash): the instant index (data-index) or the everyday words (data-everyday). */
export function searchDataPath(attribute: 'index' | 'everyday'): string {
  const page = readFileSync(join(dist, 'search/index.html'), 'utf8');
  const url = new RegExp(`data-${attribute}="([^"]+)"`).exec(page)?.[1];
  if (!url) throw new Error(`dist/search/index.html has no data-${attribute}: run npm run build first`);
  return join(dist, url);
}

/** Every phrase card's own page ("/phrases/5-1-11-filming/") and the page it comes from (its 出自 link, "/book/5/1/11/"). */
export function phraseCardSources(): Map<string, string> {
  const cards = new Map<string, string>();
  for (const file of htmlFiles()) {
    const url = `/${file.replace(/index\.html$/, '')}`;
    if (!/^\/phrases\/[^/]+\/$/.test(url)) continue;
    const source = /data-card-source>出自<a href="([^"#]*)/.exec(readFileSync(join(dist, file), 'utf8'))?.[1];
    if (source) cards.set(url, source);
  }
  return cards;
}
