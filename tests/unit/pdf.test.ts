import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toHtml } from 'hast-util-to-html';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { assembleDocument, entryAnchor, rewriteArticle, rewriteHref } from '../../src/lib/pdf/assemble.ts';
import { paginate } from '../../src/lib/pdf/build.ts';
import { fitDiagram, fitOnPage, MIN_SCALE, PAGE } from '../../src/lib/pdf/diagrams.ts';
import { formatSize, pdfChoices, pdfDocuments, pdfLayouts, type PdfManifest } from '../../src/lib/pdf/documents.ts';

const manifest: PdfManifest = {
  site: 'https://h.example.cn',
  edition: '2026-11-23',
  book: [
    { number: '1', title: '导言', kind: 'part', url: '/book/1/' },
    { number: '1.1', title: '读者对象', kind: 'section', url: '/book/1/1/' },
    { number: '2', title: '理念原则篇', kind: 'part', url: '/book/2/' },
    { number: '2.17', title: '共情', kind: 'section', url: '/book/2/17/' },
    { number: '2.17.1', title: '3F', kind: 'subsection', url: '/book/2/17/1/' },
  ],
  roles: [
    { slug: 'lobby', name: '大堂经理', cases: [{ id: '01001', title: '都是我们的客户', url: '/cases/01001/', scenario: false }, { id: '01002', title: '设想的故事', url: '/cases/01002/', scenario: true }] },
    { slug: 'loan', name: '个贷信贷员', cases: [] },
  ],
  phrases: [{ label: '第2篇 理念原则篇的话术', url: '/phrases/part/2/' }],
};

test('the PDFs: the book, each part, the case library, and a trainer pack and a student edition per role with cases', () => {
  const docs = pdfDocuments(manifest);
  assert.deepEqual(docs.map((d) => d.file), ['book.pdf', 'part-1.pdf', 'part-2.pdf', 'cases.pdf', 'trainer-lobby.pdf', 'student-lobby.pdf', 'phrases.pdf']);
  assert.deepEqual(pdfChoices.phrases(docs).map((d) => d.layout), ['phrases']);
  assert.deepEqual(docs.map((d) => [d.group ?? '', d.withoutAnswers]).slice(3, 6), [['', false], ['role-lobby', false], ['role-lobby', true]]);
  const [book, cases] = pdfLayouts(manifest);
  assert.deepEqual(book!.entries.filter((e) => e.group === 'part-2').map((e) => [e.level, e.label]), [[1, '第2篇 理念原则篇'], [2, '2.17 共情'], [3, '2.17.1 3F']]);
  assert.deepEqual(cases!.entries.map((e) => e.label), ['大堂经理案例', '案例 01001 都是我们的客户', '案例 01002 设想的故事（情景示例）']);
  assert.deepEqual(pdfChoices.role(docs, 'lobby').map((d) => d.file), ['trainer-lobby.pdf', 'student-lobby.pdf']);
  assert.deepEqual(pdfChoices.part(docs, '2').map((d) => d.file), ['book.pdf', 'part-2.pdf']);
  assert.equal(formatSize(1536 * 1024), '1.5 MB');
  assert.equal(formatSize(300), '1 KB');
});

test('links: inside the PDF they jump within it, elsewhere they go to the site, and nowhere in a preview', () => {
  const inDoc = new Set(['/book/2/17/']);
  assert.equal(entryAnchor('/book/2/17/'), 'p-book-2-17');
  assert.equal(rewriteHref('/book/2/17/#three-f', '/book/1/1/', inDoc, 'https://h.example.cn'), '#p-book-2-17-three-f');
  assert.equal(rewriteHref('#why', '/book/2/17/', inDoc, 'https://h.example.cn'), '#p-book-2-17-why');
  assert.equal(rewriteHref('/cases/01001/', '/book/2/17/', inDoc, 'https://h.example.cn'), 'https://h.example.cn/cases/01001/');
  assert.equal(rewriteHref('/cases/01001/', '/book/2/17/', inDoc, ''), undefined);
  assert.equal(rewriteHref('https://example.com/', '/book/2/17/', inDoc, 'https://h.example.cn'), 'https://example.com/');
  assert.equal(rewriteHref('javascript:alert(1)', '/book/2/17/', inDoc, 'https://h.example.cn'), undefined);
});

test('articles lose screen-only parts and anything that could run, get unique ids, headings one level down, folds opened', () => {
  const html =
    '<h1>2.17 共情</h1><div hidden data-pagefind-meta="title:x"></div><h2 id="why">为什么<a class="heading-link" href="#why" data-screen-only>#</a></h2>' +
    '<p onclick="x()"><a href="#why">上文</a></p><script>alert(1)</script><iframe src="https://evil.example/"></iframe>' +
    '<details><summary>参考答案</summary><p>答。</p></details><section data-screen-only><h2 id="related-cases">相关案例</h2></section>';
  const out = toHtml(rewriteArticle(html, '/book/2/17/', 2, new Set(['/book/2/17/']), 'https://h.example.cn'));
  assert.equal(out, '<h3 id="p-book-2-17-why">为什么</h3><p><a href="#p-book-2-17-why">上文</a></p><details open><summary>参考答案</summary><p>答。</p></details>');
});

const articles = new Map([
  ['/book/1/', '<p>导言。</p>'],
  ['/book/1/1/', '<h2 id="why">为什么</h2><p>正文。</p>'],
  ['/book/2/', '<p>理念。</p>'],
  ['/book/2/17/', '<h2 id="why">为什么</h2>'],
  ['/book/2/17/1/', '<p>3F。</p>'],
  ['/cases/01001/', '<h2 id="story">案例经过</h2><p>故事。</p><h2 id="questions">讨论题</h2><ol><li>问？</li></ol><h2 id="answers">参考要点</h2><ol><li>答。</li></ol><h2 id="today">今天怎么看</h2><p>今天。</p>'],
  ['/cases/01002/', '<h2 id="story">案例经过</h2><p>设想。</p>'],
]);
const base = { site: manifest.site, edition: manifest.edition, articles, qr: (u: string) => `<svg data-qr="${u}"></svg>`, styles: ['/pdf.css'], csp: "script-src 'none'" };

test('the whole book: a cover with QR code, contents with page numbers once known, named pages for running headers', () => {
  const layout = pdfLayouts(manifest)[0]!;
  const draft = assembleDocument({ ...base, layout, title: '全书' });
  assert.match(draft, /<html lang="zh-CN">/);
  assert.match(draft, /<meta http-equiv="Content-Security-Policy" content="script-src &#x27;none&#x27;">|content="script-src 'none'"/);
  assert.match(draft, /2026-11-23版/);
  assert.match(draft, /<svg data-qr="https:\/\/h.example.cn"><\/svg>/);
  assert.match(draft, /<a href="#p-book-2-17"><span class="toc-label">2.17 共情<\/span><span class="toc-page"><\/span><\/a>/);
  assert.match(draft, /@page g-part-2 \{ @top-left \{ content: "第2篇 理念原则篇"; \}/);
  assert.match(draft, /<section class="group" id="group-part-2" style="page: g-part-2">/);
  assert.match(draft, /<svg data-qr="https:\/\/h.example.cn\/book\/2\/17\/">/);
  const numbered = assembleDocument({ ...base, layout, title: '全书', pageNumbers: new Map([['p-book-2-17', 57]]) });
  assert.match(numbered, /2.17 共情<\/span><span class="toc-page">57<\/span>/);
  assert.throws(() => assembleDocument({ ...base, articles: new Map(), layout, title: '全书' }), /no built page for \/book\/1\//);
});

test('a part on its own starts on its title page and keeps the book\'s page numbers', () => {
  const layout = pdfLayouts(manifest)[0]!;
  const part = assembleDocument({ ...base, layout, title: '第2篇', group: 'part-2', pageNumbers: new Map([['p-book-2', 41]]), firstPage: 41 });
  assert.doesNotMatch(part, /class="cover"/);
  assert.match(part, /html \{ counter-reset: page 40; \}/);
  assert.match(part, /<h1 class="entry-title level-1" id="p-book-2">第2篇 理念原则篇<\/h1>/);
  assert.doesNotMatch(part, /导言。/);
  // A link to a page outside the part goes to the site.
  assert.doesNotMatch(part, /href="#p-book-1-1"/);
});

test('cases for class: questions, then note lines, then 参考要点 on their own page; students get no 参考要点', () => {
  const layout = pdfLayouts(manifest)[1]!;
  const trainer = assembleDocument({ ...base, layout, title: '培训师', group: 'role-lobby' });
  const order = ['p-cases-01001-story', 'p-cases-01001-today', 'p-cases-01001-questions', 'class="notes"', 'class="answers"', 'p-cases-01001-answers'].map((s) => trainer.indexOf(s));
  assert.deepEqual([...order].sort((a, b) => a - b), order);
  assert.ok(order.every((i) => i > 0));
  assert.match(trainer, /@page e-p-cases-01001 \{ @top-left \{ content: "大堂经理案例"; \} @top-right \{ content: "案例 01001 都是我们的客户"; \}/);
  const student = assembleDocument({ ...base, layout, title: '学员', group: 'role-lobby', withoutAnswers: true });
  assert.doesNotMatch(student, /参考要点|答。/);
  assert.match(student, /问？/);
});

test('a preview build (no site address) says so, with no QR code and no links to an address nobody owns', () => {
  const layout = pdfLayouts(manifest)[0]!;
  const html = assembleDocument({ ...base, site: '', layout, title: '全书' });
  assert.match(html, /预览版/);
  assert.doesNotMatch(html, /data-qr|https?:\/\//);
});

test('a part printed alone has the same pages as in the whole, preview or not (only the page numbers start elsewhere)', () => {
  const layout = pdfLayouts(manifest)[0]!;
  const groupOf = (html: string) => {
    const start = html.indexOf('<section class="group" id="group-part-2"');
    const next = html.indexOf('<section class="group"', start + 1);
    assert.ok(start > 0, 'part 2 is there');
    return html.slice(start, next > 0 ? next : html.indexOf('</body>'));
  };
  for (const site of [manifest.site, '']) {
    const whole = assembleDocument({ ...base, site, layout, title: '全书' });
    const alone = assembleDocument({ ...base, site, layout, title: '第2篇', group: 'part-2' });
    assert.equal(groupOf(alone), groupOf(whole), site ? 'with a site address' : 'in a preview');
  }
});

test('bookmarks of a print give the page of each entry, in document order', () => {
  const layout = pdfLayouts(manifest)[0]!;
  const items = [
    { title: '第1篇 导言第1篇 导言', page: 3 },
    { title: '1.1 读者对象', page: 3 },
    { title: '为什么', page: 4 },
    { title: '第2篇 理念原则篇', page: 5 },
    { title: '2.17 共情', page: 6 },
    { title: '2.17.1 3F', page: 7 },
  ];
  assert.deepEqual(paginate(layout.entries, { pageCount: 8, items }, 'book.pdf'), {
    total: 8,
    entries: { 'p-book-1': 3, 'p-book-1-1': 3, 'p-book-2': 5, 'p-book-2-17': 6, 'p-book-2-17-1': 7 },
  });
  assert.throws(() => paginate(layout.entries, { pageCount: 8, items: items.slice(0, 3) }, 'book.pdf'), /book\.pdf: no bookmark for “第2篇 理念原则篇”/);
});

test('diagrams print with labels of 8 pt or more: sliced when taller than a page, turned when far too wide', () => {
  assert.deepEqual(fitOnPage(400, 300), { scale: 1, rotate: false, slices: [{ y: 0, height: 300 }] });
  const tall = fitOnPage(454, 1832);
  assert.equal(tall.scale, 1);
  assert.equal(tall.slices.length, 3);
  assert.ok(tall.slices.every((s) => s.height * tall.scale <= PAGE.height));
  assert.equal(tall.slices.at(-1)!.y + tall.slices.at(-1)!.height, 1832);
  const wide = fitOnPage(1100, 300);
  assert.equal(wide.rotate, true);
  assert.ok(wide.scale >= MIN_SCALE);
  const svg = fromHtml('<svg id="d" width="454" height="1832" viewBox="0 0 454 1832"><g></g></svg>', { fragment: true }).children[0] as Element;
  const out = toHtml(fitDiagram(svg));
  assert.equal((out.match(/<svg/g) ?? []).length, 3);
  assert.match(out, /（流程图续）/);
});
