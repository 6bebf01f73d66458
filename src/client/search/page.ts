/** The search page's elements, its filter menus and its status line (see pages/search.astro). */
import { VISIBLE_FILTERS } from '../../lib/search/fields.ts';
import type { Filters, InstantSearch } from '../../lib/search/instant.ts';
import { FILTER_PARAMS } from '../../lib/search/url-state.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
export const form = $<HTMLFormElement>('[data-search-form]');
export const input = $<HTMLInputElement>('#search-input');
export const status = $<HTMLElement>('[data-search-status]');
export const list = $<HTMLOListElement>('[data-search-results]');
export const empty = $<HTMLElement>('[data-search-empty]');
export const limited = $<HTMLElement>('[data-search-limited]');
const filtersBox = $<HTMLDetailsElement>('[data-search-filters]');
export const filterList = $<HTMLElement>('[data-search-filter-list]');
export const moreWrap = $<HTMLElement>('[data-search-more-wrap]');
export const more = $<HTMLButtonElement>('[data-search-more]');

/** One menu per filter, with each value's page count; opened when a shared link chose one. */
export function buildFilters(instant: InstantSearch, chosen: Filters): void {
  for (const name of VISIBLE_FILTERS) {
    const values = instant.filterValues(name);
    if (values.length === 0) continue;
    const label = document.createElement('label');
    label.textContent = name;
    const select = document.createElement('select');
    select.name = FILTER_PARAMS[name];
    select.dataset.filter = name;
    select.append(new Option('全部', ''));
    for (const [value, count] of values) select.append(new Option(`${value}（${count}）`, value));
    select.value = chosen[name]?.[0] ?? '';
    label.append(select);
    filterList.append(label);
  }
  filtersBox.hidden = false;
  if (Object.keys(chosen).length > 0) filtersBox.open = true;
}

export function chosenFilters(): Filters {
  const filters: Filters = {};
  for (const select of filterList.querySelectorAll('select')) if (select.value) filters[select.dataset.filter!] = [select.value];
  return filters;
}
