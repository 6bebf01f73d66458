/**
 * Reads the content folders from disk for validateContent (the only I/O of the content check).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentPaths, displayPath, type ContentPaths } from './paths.ts';
import type { SourceFile } from './parse.ts';
import type { ContentFiles } from './validate.ts';

export function loadContent(paths: ContentPaths = contentPaths(), siteUrl = process.env.SITE_URL): ContentFiles {
  const read = (path: string): SourceFile => ({ path: displayPath(path), text: readFileSync(path, 'utf8') });
  const folder = (dir: string): SourceFile[] =>
    existsSync(dir)
      ? (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
          .filter((name) => name.endsWith('.mdx') || name.endsWith('.md'))
          .sort()
          .map((name) => read(join(dir, name)))
      : [];
  return {
    book: folder(paths.book),
    cases: folder(paths.cases),
    outline: read(paths.outline),
    bookDir: displayPath(paths.book),
    casesDir: displayPath(paths.cases),
    siteHosts: siteUrl ? [new URL(siteUrl).hostname] : [],
  };
}
