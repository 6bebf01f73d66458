/** Small file helpers for the build steps that work on dist/ after Astro (search index, PDFs). */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every HTML file under a folder, as paths relative to it ("book/2/17/index.html"). */
export function htmlFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).sort();
}

/** Rewrites the HTML files of dir with `change`; returns how many changed. */
export function rewriteHtml(dir: string, change: (html: string) => string): number {
  let changed = 0;
  for (const file of htmlFiles(dir)) {
    const path = join(dir, file);
    const html = readFileSync(path, 'utf8');
    const next = change(html);
    if (next !== html) {
      writeFileSync(path, next);
      changed++;
    }
  }
  return changed;
}

/** "12.3 s" since a performance.now() start. */
export function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
