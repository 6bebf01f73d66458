/** What the end-to-end tests know about the built site. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every page of dist/, as a URL path (/book/2/17/). */
export function allPages(): string[] {
  const dist = join(import.meta.dirname, '../../dist');
  return (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind'))
    .map((f) => `/${f.replace(/index\.html$/, '')}`)
    .sort();
}

/** One page of each type. */
export const PAGE_TYPES = {
  home: '/',
  contents: '/book/',
  part: '/book/2/',
  section: '/book/2/17/',
  subsection: '/book/4/1/3/',
  cases: '/cases/',
  role: '/cases/role/lobby/',
  tag: '/cases/tag/vip/',
  case: '/cases/01001/',
  search: '/search/',
} as const;
