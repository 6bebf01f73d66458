/**
 * The last build step, once every other step has written its files (the search index and the PDFs
 * rewrite pages): what a server needs to send dist/ as it is, with nothing computed per request.
 * - `_headers` (static hosts, CDNs) and `_headers.nginx.conf` (included by deploy/nginx/handbook.conf):
 *   the Content-Security-Policy read from the pages, which must all carry the same one, and the other
 *   security headers (lib/deploy/headers.ts);
 * - a .gz and a .br copy of every text file that they make smaller (lib/deploy/compress.ts), from a
 *   cache of the copies of the last build's files.
 */
import type { AstroIntegration } from 'astro';
import { availableParallelism } from 'node:os';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seconds } from '../lib/build/dist-files.ts';
import { CompressionCache, ENCODINGS, isCompressible, isPrecompressedCopy } from '../lib/deploy/compress.ts';
import { sharedPolicy } from '../lib/deploy/csp.ts';
import { HEADERS_FILE, headersFile, NGINX_HEADERS_FILE, nginxHeaders, securityHeaders } from '../lib/deploy/headers.ts';

/** The URL paths of the files dist/ serves ("/book/2/17/index.html"). */
function servedFiles(dist: string): string[] {
  return (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f !== HEADERS_FILE && f !== NGINX_HEADERS_FILE && !isPrecompressedCopy(f) && statSync(join(dist, f)).isFile())
    .map((f) => `/${f.split(sep).join('/')}`)
    .sort();
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Writes the header files and the precompressed copies for dist/, replacing any from before; returns
 * the summary line. A script that changes pages after the build (npm run pdf) runs it again.
 */
export async function writeServerFiles(dist: string, root = process.cwd()): Promise<string> {
  const started = performance.now();
  const paths = servedFiles(dist);

  const pages = paths.filter((p) => p.endsWith('.html')).map((p) => ({ file: `dist${p}`, html: readFileSync(join(dist, p), 'utf8') }));
  const security = securityHeaders(sharedPolicy(pages));
  writeFileSync(join(dist, HEADERS_FILE), headersFile(paths, security));
  writeFileSync(join(dist, NGINX_HEADERS_FILE), nginxHeaders(security));

  const cache = new CompressionCache(join(root, 'node_modules/.cache/handbook-precompress'));
  const texts = paths.filter(isCompressible);
  const total = { plain: 0, gzip: 0, br: 0 };
  let next = 0;
  const worker = async () => {
    while (next < texts.length) {
      const path = join(dist, texts[next++]!);
      const data = readFileSync(path);
      const copies = await cache.get(data);
      total.plain += data.length;
      for (const encoding of ['gzip', 'br'] as const) {
        // A copy no smaller than the file is left out (and an old one removed): the server then sends the file.
        const copy = copies[encoding];
        const kept = copy.length < data.length;
        total[encoding] += kept ? copy.length : data.length;
        if (kept) writeFileSync(path + ENCODINGS[encoding], copy);
        else rmSync(path + ENCODINGS[encoding], { force: true });
      }
    }
  };
  // zlib compresses on libuv's thread pool: a few files at a time keep every core busy.
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  cache.prune();
  return `step precompress: ${HEADERS_FILE} and ${NGINX_HEADERS_FILE} (policy of ${pages.length} pages); ${texts.length} text files ${megabytes(total.plain)} → gzip ${megabytes(total.gzip)}, br ${megabytes(total.br)} (${cache.hits} from the cache); ${seconds(started)}`;
}

export default function precompress(): AstroIntegration {
  return {
    name: 'handbook-precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        logger.info(await writeServerFiles(fileURLToPath(dir)));
      },
    },
  };
}
