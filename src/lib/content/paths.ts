/**
 * Where the content lives, resolved once: content/ at the project root, or the folder named by
 * HANDBOOK_CONTENT_DIR (a broken-content fixture in the tests). The build, the collections, the
 * content check and the PDF step all ask here.
 */
import { join, relative, resolve } from 'node:path';

export const CONTENT_DIR_ENV = 'HANDBOOK_CONTENT_DIR';

export interface ContentPaths {
  /** Absolute path of the content folder. */
  root: string;
  book: string;
  cases: string;
  outline: string;
}

export function contentPaths(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ContentPaths {
  const root = resolve(cwd, env[CONTENT_DIR_ENV] ?? 'content');
  return { root, book: join(root, 'book'), cases: join(root, 'cases'), outline: join(root, 'outline.json') };
}

/** A path as messages show it: relative to the project root (content/book/2/17.mdx). */
export function displayPath(path: string, cwd = process.cwd()): string {
  return relative(cwd, path) || '.';
}
