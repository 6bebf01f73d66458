/**
 * The text a reader pastes into a WeChat group when sharing a heading:
 *   【2.17 共情】先接住情绪 https://…/book/2/17/#feel
 * Used by the copy-link control in the browser (src/client/reader.ts).
 */

/** Query strings (WeChat appends ?from=singlemessage&isappinstalled=0) are dropped from shared links. */
export function cleanUrl(href: string, anchor?: string): string {
  const url = new URL(href);
  url.search = '';
  url.hash = anchor ? `#${anchor}` : '';
  return url.toString();
}

/** label: "2.17 共情" or "案例 01003 …"; heading: the heading's text (omitted for the page itself). */
export function shareText(label: string, heading: string | undefined, url: string): string {
  return `【${label}】${heading ?? ''} ${url}`;
}
