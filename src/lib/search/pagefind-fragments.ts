/**
 * Reading Pagefind's page fragments (fragment/*.pf_fragment: gzip, a signature, then JSON). The
 * format is Pagefind's own, read here for the instant index; package.json pins Pagefind's exact
 * version so an upgrade that changes it is a deliberate change (the signature check fails loudly).
 */
import { gunzipSync } from 'node:zlib';
import type { PagefindFragment } from './instant.ts';

/** Pagefind's files are gzip with this signature in front of the payload. */
const SIGNATURE = 'pagefind_dcd';

export interface IndexFile {
  path: string;
  content: Uint8Array;
}

/** The fragment of every page, with Pagefind's id for it (the file name without extension). */
export function readFragments(files: IndexFile[]): { id: string; fragment: PagefindFragment }[] {
  return files
    .filter((f) => /^fragment\/[^/]+\.pf_fragment$/.test(f.path))
    .map((f) => {
      const raw = gunzipSync(f.content);
      if (raw.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`${f.path}: not a Pagefind fragment (was it written by another Pagefind version?)`);
      return { id: f.path.replace(/^fragment\//, '').replace(/\.pf_fragment$/, ''), fragment: JSON.parse(raw.subarray(SIGNATURE.length).toString()) as PagefindFragment };
    });
}
