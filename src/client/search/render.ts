/** Building the result list's items and the "nothing found" panel as DOM nodes (never as HTML strings). */
import { excerptOf } from '../../lib/search/excerpt.ts';
import { HIGHLIGHT_PARAM } from '../../lib/search/fields.ts';
import { bodyText } from '../../lib/search/fragment.ts';
import { findMatches, highlightParam } from '../../lib/search/highlight.ts';
import type { InstantDoc, InstantHeading, Topic } from '../../lib/search/instant.ts';
import { echoQuery, type ParsedQuery } from '../../lib/search/query.ts';
import { bookIndexUrl, casesIndexUrl } from '../../lib/site/urls.ts';
import { SCENARIO_BADGE } from '../../lib/site/labels.ts';
import { markedText } from '../highlight.ts';
import { fragment } from './full-text.ts';

export interface Entry {
  doc: InstantDoc;
  /** Words to mark (empty when listing by filters alone). */
  marks: string[];
}

/** Headings shown under a result: those holding a searched word, other than the excerpt's own. */
const SUB_RESULTS = 2;

function link(url: string, text: string, marks: string[], className?: string): HTMLAnchorElement {
  const a = document.createElement('a');
  const target = new URL(url, location.origin);
  if (marks.length) target.searchParams.set(HIGHLIGHT_PARAM, highlightParam(marks));
  a.href = target.pathname + target.search + target.hash;
  if (className) a.className = className;
  a.append(markedText(text, marks));
  return a;
}

const has = (text: string, marks: string[]) => findMatches(text, marks).length > 0;

/**
 * A result: its title, an excerpt and the headings that hold the searched words. The summary shows at
 * once; when it holds none of the searched words, the sentence of the page that does replaces it
 * once the page's fragment is in.
 */
export function resultItem({ doc, marks }: Entry): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.id = doc.id;
  item.dataset.marks = marks.join(' ');
  item.append(link(doc.url, doc.title, marks, 'result-title'));
  if (doc.scenario) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = SCENARIO_BADGE;
    item.append(badge);
  }
  const excerpt = document.createElement('p');
  excerpt.append(markedText(doc.summary, marks));
  item.append(excerpt);
  const subs = (except?: InstantHeading) => {
    const headings = doc.headings.filter((h) => h !== except && has(h.text, marks)).slice(0, SUB_RESULTS);
    item.querySelector('ul')?.remove();
    if (headings.length === 0) return;
    const ul = document.createElement('ul');
    for (const h of headings) {
      const li = document.createElement('li');
      li.append(link(`${doc.url}#${h.anchor}`, h.text, marks));
      ul.append(li);
    }
    item.append(ul);
  };
  subs();
  if (marks.length && !has(doc.summary, marks)) {
    item.setAttribute('aria-busy', 'true');
    void fragment(doc.id).then((page) => {
      const found = page && excerptOf(bodyText(page, doc), marks, doc.headings);
      if (found) {
        excerpt.replaceChildren(markedText(found.text, marks));
        if (found.heading) {
          const where = document.createElement('span');
          where.className = 'result-section';
          where.append('「', link(`${doc.url}#${found.heading.anchor}`, found.heading.text, marks), '」');
          excerpt.prepend(where, ' ');
        }
        subs(found.heading);
      }
      item.removeAttribute('aria-busy');
    });
  }
  return item;
}

/** Nothing found: what was searched, the closest topic pages, and the contents. */
export function nothingFound(query: string, parsed: ParsedQuery, topics: Topic[]): DocumentFragment {
  const out = document.createDocumentFragment();
  const p = (...nodes: (Node | string)[]) => {
    const el = document.createElement('p');
    el.append(...nodes);
    out.append(el);
    return el;
  };
  p(`没有找到与“${echoQuery(query)}”相关的页面。`);
  const searched = parsed.terms.map((t) => echoQuery(t.typed));
  const everyday = parsed.terms.filter((t) => t.everyday).map((t) => `“${t.typed}”`);
  if (searched.length) {
    p(`搜索了：${searched.join('、')}${parsed.ignored.length ? `（没有用到：${echoQuery(parsed.ignored.join('、'))}）` : ''}。可以换个说法，或少写几个字。`);
    // Only everyday words (今天天气怎么样): say why they find nothing.
    if (everyday.length === searched.length) p(`${everyday.join('')}是日常用语；本手册讲网点投诉的预防和处理，可以换成业务上的说法，如“挂失”“年费”“客户情绪激动”。`);
  } else p('输入的内容里没有可以搜索的词，请换一个两个字以上的词，如“挂失”“年费”。');
  const links = [...topics.map((t) => [t.url, t.name] as const), [bookIndexUrl, '全书目录'] as const, [casesIndexUrl, '案例库'] as const];
  const line = p(topics.length ? '也可以看看：' : '也可以从这里查找：');
  links.forEach(([url, name], i) => {
    const a = document.createElement('a');
    a.href = url;
    a.textContent = name;
    line.append(...(i ? ['、', a] : [a]));
  });
  return out;
}
