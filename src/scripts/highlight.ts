/** Marks the words a reader searched for (?highlight=…) in the page's main text. Loaded only then. */
import { findMatches, highlightTerms } from '../lib/search/highlight.ts';
import { HIGHLIGHT_PARAM } from '../lib/search/fields.ts';
import { chineseWords } from '../lib/search/words.ts';

export function highlightSearchTerms(): void {
  const query = new URL(location.href).searchParams.get(HIGHLIGHT_PARAM);
  const article = document.querySelector('main article');
  if (!query || !article) return;
  const terms = highlightTerms(query, chineseWords());
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('svg, script, style, mark, .heading-link') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    const matches = findMatches(node.data, terms);
    for (const [start, end] of matches.reverse()) {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const mark = document.createElement('mark');
      range.surroundContents(mark);
    }
  }
  const first = article.querySelector('mark');
  if (first && !location.hash) first.scrollIntoView({ block: 'center' });
}
