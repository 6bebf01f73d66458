import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGraph, type CaseInput } from '../../src/lib/site/graph.ts';
import { outline } from './helpers.ts';

const c = (id: string, role: string, sections: string[]): CaseInput => ({ id, role, title: `案例${id}`, summary: '', tags: ['贵宾客户'], sections, complaint: true, source: 'casebook' });

const graph = buildGraph(
  outline,
  [
    { number: '1', title: '导言', summary: '', cases: [] },
    { number: '2.17', title: '共情', summary: '先接住情绪', cases: ['02001'] },
    { number: '2.17.1', title: '3F', summary: '', cases: [] },
  ],
  [c('01002', 'lobby', ['2.17']), c('01001', 'lobby', ['2.18']), c('02001', 'teller', ['1.1'])],
);

test('reading order covers every node; an unwritten section still has its page, marked unwritten', () => {
  assert.deepEqual(graph.readingOrder.map((n) => n.number), ['1', '1.1', '2', '2.17', '2.17.1', '2.18']);
  assert.equal(graph.node('1.1')!.written, false);
  assert.equal(graph.node('1.1')!.url, '/book/1/1/');
  assert.equal(graph.node('2')!.url, '/book/2/');
});

test('prev/next walk the book; breadcrumbs climb it', () => {
  assert.deepEqual(Object.keys(graph.prevNext('1')), ['next']);
  assert.equal(graph.prevNext('1')!.next!.number, '1.1');
  assert.equal(graph.prevNext('2.17').prev!.number, '2');
  assert.equal(graph.prevNext('2.17').next!.number, '2.17.1');
  assert.deepEqual(graph.breadcrumbs('2.17.1').map((n) => n.number), ['2', '2.17']);
  assert.deepEqual(graph.node('2.17')!.children.map((n) => n.number), ['2.17.1']);
});

test('related cases and sections are linked in both directions', () => {
  assert.deepEqual(graph.casesOfSection('2.17').map((x) => x.id), ['01002', '02001']);
  assert.deepEqual(graph.sectionsOfCase('02001').map((n) => n.number), ['1.1', '2.17']);
  assert.deepEqual(graph.sectionsOfCase('01001').map((n) => n.number), ['2.18']);
});

test('cases walk within their role, in id order', () => {
  assert.deepEqual(graph.casesOfRole('lobby').map((x) => x.id), ['01001', '01002']);
  assert.equal(graph.casePrevNext('01001').next!.id, '01002');
  assert.deepEqual(graph.casePrevNext('02001'), {});
  assert.equal(graph.roleOf(graph.caseById('02001')!).name, '高柜柜员');
  assert.deepEqual(graph.tagsOf(graph.caseById('02001')!).map((t) => t.slug), ['vip']);
});
