/** Small builders for content-check tests: a valid mini book that each test breaks in one place. */
import type { ContentFiles } from '../../src/lib/content/validate.ts';
import type { Outline } from '../../src/lib/content/outline.ts';

export const outline: Outline = {
  book: '测试',
  parts: [
    { number: '1', title: '导言', page: 1, sections: [{ number: '1.1', title: '读者对象', page: 2 }] },
    { number: '2', title: '理念原则篇', page: 3, sections: [{ number: '2.17', title: '共情', page: 4 }, { number: '2.18', title: '追求共同利益', page: 5 }] },
  ],
};

export function section(number: string, title: string, extra = '', body = '## 为什么 [#why]\n\n正文。\n'): { path: string; text: string } {
  return {
    path: `content/book/${number.replaceAll('.', '/')}.mdx`,
    text: `---\nnumber: "${number}"\ntitle: ${title}\nsummary: 一句话要点。\n${extra}---\n\n${body}`,
  };
}

export const CASE_BODY = [
  '## 案例经过 [#story]', '', '故事。', '',
  '## 问题在哪里 [#analysis]', '', '分析。', '',
  '## 处理要点 [#handling]', '', '要点。', '',
  '## 讨论题 [#questions]', '', '1. 问题一？', '2. 问题二？', '',
  '## 参考要点 [#answers]', '', '1. 答一。', '2. 答二。', '',
].join('\n');

export function kase(id: string, fields: Partial<Record<string, string>> = {}, body = CASE_BODY): { path: string; text: string } {
  const data: Record<string, string> = {
    id: `"${id}"`,
    role: 'lobby',
    title: '都是我们的客户',
    summary: '一句话。',
    tags: '[贵宾客户, 首问负责, 服务态度]',
    complaint: 'true',
    sections: '["2.17"]',
    source: 'casebook',
    ...fields,
  };
  const lines = Object.entries(data)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${v}`);
  return { path: `content/cases/${id}.mdx`, text: `---\n${lines.join('\n')}\n---\n\n${body}` };
}

export function files(over: Partial<ContentFiles> = {}): ContentFiles {
  return {
    outline: { path: 'content/outline.json', text: JSON.stringify(outline, null, 1) },
    book: [section('1', '导言'), section('1.1', '读者对象'), section('2', '理念原则篇'), section('2.17', '共情', 'cases: ["01001"]\n')],
    cases: [kase('01001')],
    ...over,
  };
}
