/** How book nodes are named in titles, breadcrumbs and share texts. */
import type { BookNode } from './graph.ts';

/** "第2篇" for a part, the number itself for sections. */
export function displayNumber(node: Pick<BookNode, 'number' | 'kind'>): string {
  return node.kind === 'part' ? `第${node.number}篇` : node.number;
}

/** "第2篇 理念原则篇", "2.17 共情". */
export function nodeLabel(node: Pick<BookNode, 'number' | 'kind' | 'title'>): string {
  return `${displayNumber(node)} ${node.title}`;
}

/** "案例 01003 4171元硬币的故事" */
export function caseLabel(c: { id: string; title: string }): string {
  return `案例 ${c.id} ${c.title}`;
}
