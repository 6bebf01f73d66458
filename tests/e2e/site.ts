/** What the end-to-end tests know about the built site. */
import { htmlFiles } from '../../src/lib/build/dist-files.ts';
import { join } from 'node:path';

/** Every page of dist/, as a URL path (/book/2/17/). */
export function allPages(): string[] {
  return htmlFiles(join(import.meta.dirname, '../../dist'))
    .filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind'))
    .map((f) => `/${f.replace(/index\.html$/, '')}`);
}

/** One page of each type. */
export const PAGE_TYPES = {
  home: '/',
  contents: '/book/',
  part: '/book/2/',
  section: '/book/2/17/',
  subsection: '/book/4/1/3/',
  scenarioSection: '/book/8/15/',
  cases: '/cases/',
  role: '/cases/role/lobby/',
  tag: '/cases/tag/vip/',
  roleAndTag: '/cases/role/lobby/tag/elderly/',
  case: '/cases/01001/',
  phrases: '/phrases/',
  phrasePart: '/phrases/part/5/',
  phraseCard: '/phrases/5-1-11-filming/',
  search: '/search/',
} as const;
