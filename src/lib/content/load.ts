/**
 * Reads the content folders from disk for validateContent (the only I/O of the content checks).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Outline } from './outline.ts';
import type { ContentFiles } from './validate.ts';
import type { SourceFile } from './source-file.ts';

export function loadContent(root: string, contentDir: string): ContentFiles {
  const bookDir = join(contentDir, 'book');
  const casesDir = join(contentDir, 'cases');
  const read = (dir: string): SourceFile[] =>
    existsSync(dir)
      ? (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
          .filter((name) => name.endsWith('.mdx') || name.endsWith('.md'))
          .sort()
          .map((name) => ({ path: relative(root, join(dir, name)), text: readFileSync(join(dir, name), 'utf8') }))
      : [];
  return {
    book: read(bookDir),
    cases: read(casesDir),
    outline: JSON.parse(readFileSync(join(contentDir, 'outline.json'), 'utf8')) as Outline,
    bookDir: relative(root, bookDir),
    casesDir: relative(root, casesDir),
  };
}
