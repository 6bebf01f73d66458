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

/** The badge of an invented story (a case with source: scenario, a section with scenario: true). */
export const SCENARIO_BADGE = '情景示例';

/** How a shared phrase card is labelled in WeChat: 【话术】客户要求见行长 https://… */
export const PHRASE_SHARE_LABEL = '话术';
