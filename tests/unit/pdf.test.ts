import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleDocument, entryAnchor, rewriteArticle, rewriteHref } from '../../src/lib/pdf/assemble.ts';
import { formatSize, pdfDocuments, type PdfManifest } from '../../src/lib/pdf/documents.ts';
import { toHtml } from 'hast-util-to-html';

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
    { slug: 'lobby', name: '大堂经理', cases: [{ id: '01001', title: '都是我们的客户', url: '/cases/01001/' }] },
    { slug: 'loan', name: '个贷信贷员', cases: [] },
  ],
};

test('the PDFs: whole book, each part, the case library, a trainer pack per role with cases', () => {
  const docs = pdfDocuments(manifest);
  assert.deepEqual(docs.map((d) => d.file), ['book.pdf', 'part-1.pdf', 'part-2.pdf', 'cases.pdf', 'trainer-lobby.pdf']);
  assert.deepEqual(docs[2]!.entries.map((e) => [e.level, e.label]), [[1, '第2篇 理念原则篇'], [2, '2.17 共情'], [3, '2.17.1 3F']]);
  assert.deepEqual(docs[3]!.entries.map((e) => e.label), ['大堂经理案例', '案例 01001 都是我们的客户']);
  assert.equal(docs[4]!.trainer, true);
  assert.equal(formatSize(1536 * 1024), '1.5 MB');
  assert.equal(formatSize(300), '1 KB');
});

test('links: inside the PDF they jump within it, elsewhere they go to the site', () => {
  const inDoc = new Set(['/book/2/17/']);
  assert.equal(entryAnchor('/book/2/17/'), 'p-book-2-17');
  assert.equal(rewriteHref('/book/2/17/#three-f', '/book/1/1/', inDoc, 'https://h.example.cn'), '#p-book-2-17-three-f');
  assert.equal(rewriteHref('#why', '/book/2/17/', inDoc, 'https://h.example.cn'), '#p-book-2-17-why');
  assert.equal(rewriteHref('/cases/01001/', '/book/2/17/', inDoc, 'https://h.example.cn'), 'https://h.example.cn/cases/01001/');
  assert.equal(rewriteHref('https://example.com/', '/book/2/17/', inDoc, 'https://h.example.cn'), 'https://example.com/');
});

test('articles lose screen-only parts, get unique ids and headings one level down', () => {
  const html = '<h1>2.17 共情</h1><div hidden data-pagefind-meta="title:x"></div><h2 id="why">为什么<a class="heading-link" href="#why">#</a></h2><p><a href="#why">上文</a></p><section data-pagefind-ignore><h2 id="related-cases">相关案例</h2></section>';
  const out = toHtml(rewriteArticle(html, '/book/2/17/', 2, new Set(['/book/2/17/']), 'https://h.example.cn'));
  assert.equal(out, '<h3 id="p-book-2-17-why">为什么</h3><p><a href="#p-book-2-17-why">上文</a></p>');
});

test('a document has a cover, a table of contents linking each entry, and each page with its QR code', () => {
  const doc = pdfDocuments(manifest)[4]!;
  const html = assembleDocument({
    doc,
    site: manifest.site,
    edition: manifest.edition,
    articles: new Map([['/cases/01001/', '<h2 id="story">案例经过</h2><p>故事。</p>']]),
    qr: (u) => `<svg data-qr="${u}"></svg>`,
    styles: ['/pdf.css'],
    scripts: ['/paged.js'],
  });
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /class="cover-subtitle">培训师手册：大堂经理案例</);
  assert.match(html, /2026-11-23版/);
  assert.match(html, /<svg data-qr="https:\/\/h.example.cn"><\/svg>/);
  assert.match(html, /<li class="toc-2"><a href="#p-cases-01001">案例 01001 都是我们的客户<\/a><\/li>/);
  assert.match(html, /<h2 id="p-cases-01001" class="entry-title level-2">/);
  assert.match(html, /<svg data-qr="https:\/\/h.example.cn\/cases\/01001\/">/);
  assert.match(html, /class="notes"/);
  assert.throws(() => assembleDocument({ doc, site: '', edition: '', articles: new Map(), qr: () => '', styles: [], scripts: [] }), /no built page for \/cases\/01001\//);
});
