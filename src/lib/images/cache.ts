/**
 * Drawn pictures by the hash of everything that decides their pixels: the picture's own input (its
 * satori tree) and the tools (their versions, the fonts, the code that draws). An unchanged page,
 * diagram or card is copied, not drawn again. Entries no build used are removed at the end of a build.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CACHE_DIR = 'node_modules/.cache/handbook-images';

export function hash(...parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const part of parts) h.update(part).update('\0');
  return h.digest('hex').slice(0, 20);
}

export class ImageCache {
  private readonly dir: string;
  private readonly force: boolean;
  private readonly used = new Set<string>();

  constructor(dir: string, force = false) {
    this.dir = dir;
    this.force = force;
  }

  private file(key: string): string {
    this.used.add(`${key}.png`);
    return join(this.dir, `${key}.png`);
  }

  has(key: string): boolean {
    return !this.force && existsSync(this.file(key));
  }

  put(key: string, png: Uint8Array): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.file(key), png);
  }

  /** Copies a cached picture to `dest` (its folders made as needed). */
  copy(key: string, dest: string): void {
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(this.file(key), dest);
  }

  /** Removes the pictures this build did not use. */
  prune(): number {
    let removed = 0;
    for (const name of existsSync(this.dir) ? readdirSync(this.dir) : []) {
      if (!name.endsWith('.png') || this.used.has(name)) continue;
      rmSync(join(this.dir, name), { force: true, recursive: true });
      removed++;
    }
    return removed;
  }
}
