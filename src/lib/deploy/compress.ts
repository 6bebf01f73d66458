/**
 * Precompressed copies of the text files, written by the build beside each file (page.html.gz,
 * page.html.br) so the server sends them as they are (nginx gzip_static / brotli_static) and
 * compresses nothing per request. Pagefind's index files (.pf_*, .pagefind) are gzip already and
 * Pagefind unpacks them itself: they are left alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** File types worth compressing: text the browser reads. */
export const COMPRESSIBLE_EXTENSIONS = ['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt'] as const;

/** The suffixes of the precompressed copies, as nginx looks for them. */
export const ENCODINGS = { gzip: '.gz', br: '.br' } as const;
export type Encoding = keyof typeof ENCODINGS;

export function isCompressible(path: string): boolean {
  return COMPRESSIBLE_EXTENSIONS.some((ext) => path.endsWith(ext));
}

export function isPrecompressedCopy(path: string): boolean {
  return Object.values(ENCODINGS).some((suffix) => path.endsWith(suffix));
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** The file compressed with gzip (zlib level 9) and Brotli (quality 11, text mode): the smallest copies, paid for once. */
export async function compress(data: Uint8Array): Promise<Record<Encoding, Buffer>> {
  const [gz, br] = await Promise.all([
    gzipAsync(data, { level: 9 }),
    brotliAsync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
      },
    }),
  ]);
  return { gzip: gz, br };
}

/**
 * Compressed copies by content, kept between builds (Brotli at quality 11 takes seconds over the
 * whole site; most pages are unchanged from one build to the next). prune() drops what the last
 * build did not ask for, so the cache holds one build's copies.
 */
export class CompressionCache {
  readonly dir: string;
  private readonly used = new Set<string>();
  hits = 0;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  async get(data: Uint8Array): Promise<Record<Encoding, Buffer>> {
    const key = createHash('sha256').update(data).digest('hex');
    const files = { gzip: join(this.dir, key + ENCODINGS.gzip), br: join(this.dir, key + ENCODINGS.br) };
    this.used.add(key);
    if (existsSync(files.gzip) && existsSync(files.br)) {
      this.hits++;
      return { gzip: readFileSync(files.gzip), br: readFileSync(files.br) };
    }
    const copies = await compress(data);
    for (const encoding of ['gzip', 'br'] as const) writeFileSync(files[encoding], copies[encoding]);
    return copies;
  }

  prune(): void {
    for (const file of readdirSync(this.dir)) {
      if (!this.used.has(file.replace(/\.[^.]+$/, ''))) rmSync(join(this.dir, file));
    }
  }
}
