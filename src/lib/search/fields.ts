/**
 * What the search index knows about a page besides its text: Pagefind filters (shown as 篇 / 岗位 /
 * 标签 / 类型 in the search page) and the exact-number lookup (编号), all named here once.
 */
export const FILTER = {
  part: '篇',
  role: '岗位',
  tag: '标签',
  type: '类型',
  /** Section number or case id; used for the exact lookup, not shown as a filter. */
  number: '编号',
} as const;

export const TYPE = { book: '全书章节', case: '案例', phrase: '话术卡片' } as const;

/** Filters shown to readers, in this order. */
export const VISIBLE_FILTERS = [FILTER.type, FILTER.part, FILTER.role, FILTER.tag] as const;

const SECTION_OR_CASE = /^\s*(?:案例\s*)?((?:[1-9]\d*)(?:\.[1-9]\d*){1,2}|0[1-9]\d{3})\s*$/;

/** "2.17", "4.1.3", "01003" or "案例01003" typed as a query → the number to look up exactly. */
export function exactNumberOf(query: string): string | undefined {
  return SECTION_OR_CASE.exec(query)?.[1];
}

/** The query param a result link carries so the target page can mark the searched words. */
export const HIGHLIGHT_PARAM = 'highlight';
