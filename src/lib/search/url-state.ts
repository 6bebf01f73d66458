/**
 * The search page's state in its URL (?q= and one ASCII parameter per filter), so a search can be
 * shared as a link and survives a reload.
 */
import { FILTER, VISIBLE_FILTERS } from './fields.ts';
import type { Filters } from './instant.ts';

/** URL parameter for each visible filter (ASCII, so shared links stay readable everywhere). */
export const FILTER_PARAMS: Record<(typeof VISIBLE_FILTERS)[number], string> = { [FILTER.type]: 'type', [FILTER.part]: 'part', [FILTER.role]: 'role', [FILTER.tag]: 'tag' };

export interface SearchState {
  query: string;
  filters: Filters;
}

export function readState(params: URLSearchParams): SearchState {
  const filters: Filters = {};
  for (const name of VISIBLE_FILTERS) {
    const value = params.get(FILTER_PARAMS[name]);
    if (value) filters[name] = [value];
  }
  return { query: (params.get('q') ?? '').trim(), filters };
}

/** The search part of a URL for a state (no parameter for an empty query or filter). */
export function writeState({ query, filters }: SearchState): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const name of VISIBLE_FILTERS) if (filters[name]?.[0]) params.set(FILTER_PARAMS[name], filters[name][0]);
  const search = params.toString();
  return search ? `?${search}` : '';
}
