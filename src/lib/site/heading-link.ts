/**
 * The copy-link control after every heading (content headings and page-template headings alike): one
 * builder, one label. The reader script turns a tap into "copy a WeChat-ready line" (client/reader.ts).
 */
import { NOT_SEARCHED, SCREEN_ONLY } from './markers.ts';

export const HEADING_LINK_CLASS = 'heading-link';

/** The control's accessible name: says what it does and for which heading. */
export function headingLinkLabel(headingText: string): string {
  return `复制“${headingText}”的链接`;
}

/**
 * HTML attributes of the control. By default it shares this page at the heading; `share` points it at
 * another address instead (a phrase card in a list shares the card's own page), with that page's label.
 */
export function headingLinkAttributes(id: string, headingText: string, share?: { url: string; label: string }) {
  return {
    class: HEADING_LINK_CLASS,
    href: share?.url ?? `#${id}`,
    'aria-label': headingLinkLabel(headingText),
    ...(share ? { 'data-share-label': share.label } : {}),
    ...SCREEN_ONLY,
    ...NOT_SEARCHED,
  };
}

/** What the control shows: a link sign; its 44 px tap area comes from the stylesheet. */
export const HEADING_LINK_TEXT = '#';
