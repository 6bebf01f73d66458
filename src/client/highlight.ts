/**
 * Marking searched words in the page: the page a search result leads to (?highlight=…; this script
 * loads only then) and the search results themselves.
 */
import { findMatches, highlightTerms } from '../lib/search/highlight.ts';
import { HIGHLIGHT_PARAM } from '../lib/search/fields.ts';

export function highlightSearchTerms(): void {
  const query = new URL(location.href).searchParams.get(HIGHLIGHT_PARAM);
  const article = document.querySelector('main article');
  if (!query || !article) return;
  const terms = highlightTerms(query);
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('svg, script, style, mark, .heading-link') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    const marked = markedText(node.data, terms);
    if (marked.querySelector('mark')) node.replaceWith(marked);
  }
  const first = article.querySelector('mark');
  if (first && !location.hash) first.scrollIntoView({ block: 'center' });
}

/** Text with the terms in <mark> (built as DOM nodes, never as HTML). */
export function markedText(text: string, terms: string[]): DocumentFragment {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of findMatches(text, terms)) {
    out.append(text.slice(at, start), Object.assign(document.createElement('mark'), { textContent: text.slice(start, end) }));
    at = end;
  }
  out.append(text.slice(at));
  return out;
}
