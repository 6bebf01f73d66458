/** Reading every page fragment of a Pagefind index at build time (format: fragment.ts). */
import { gunzipSync } from 'node:zlib';
import { parseFragment } from './fragment.ts';
import type { PagefindFragment } from './instant.ts';

export interface IndexFile {
  path: string;
  content: Uint8Array;
}

/** The fragment of every page, with Pagefind's id for it (the file name without extension). */
export function readFragments(files: IndexFile[]): { id: string; fragment: PagefindFragment }[] {
  return files
    .filter((f) => /^fragment\/[^/]+\.pf_fragment$/.test(f.path))
    .map((f) => ({ id: f.path.replace(/^fragment\//, '').replace(/\.pf_fragment$/, ''), fragment: parseFragment(gunzipSync(f.content).toString(), f.path) }));
}
