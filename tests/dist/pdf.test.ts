/**
 * The classroom PDFs, read with poppler-utils (pdfinfo, pdffonts, pdftotext, pdftohtml, pdftoppm):
 * they exist, embed their fonts, have bookmarks and contents whose page numbers are right, headers that
 * name the part or case a page belongs to, no raw Markdown, and the download links show their sizes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PDF_FILES, pdfDocuments, pdfLayouts, type PdfManifest } from '../../src/lib/pdf/documents.ts';
import { builtPages, dist, elements } from './built.ts';
import { toText } from 'hast-util-to-text';

const dir = join(dist, 'pdf');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as PdfManifest;
const docs = pdfDocuments(manifest);
const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', join(dir, file)))![1]);
/** The text of each page of a PDF, in reading layout. */
const textOf = (file: string) => run('pdftotext', '-layout', join(dir, file), '-').split('\f');
const compact = (s: string) => s.replace(/\s+/g, '');
/** The page number printed in a page's footer (第 N 页). */
const printedNumber = (page: string) => Number(/第\s*(\d+)\s*页\s*$/.exec(page.trimEnd())?.[1]);

test('every PDF exists with a plausible number of pages, and the whole book is under 15 MB', () => {
  for (const doc of docs) {
    assert.ok(existsSync(join(dir, doc.file)), `${doc.file} is missing`);
    assert.ok(pagesOf(doc.file) >= 2, `${doc.file}: ${pagesOf(doc.file)} pages`);
  }
  assert.ok(pagesOf(PDF_FILES.book) > pagesOf(PDF_FILES.part('2')) + pagesOf(PDF_FILES.part('5')));
  assert.ok(pagesOf(PDF_FILES.trainer('teller')) > pagesOf(PDF_FILES.student('teller')));
  assert.ok(statSync(join(dir, PDF_FILES.book)).size < 15 * 1024 * 1024);
});

test('every font is embedded and none is Type 3', () => {
  for (const doc of docs) {
    const rows = run('pdffonts', join(dir, doc.file)).trim().split('\n').slice(2);
    assert.ok(rows.length > 0, doc.file);
    for (const row of rows) {
      assert.doesNotMatch(row, /Type 3/, `${doc.file}: ${row}`);
      assert.match(row, /\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+$/, `${doc.file}: ${row}`);
    }
  }
});

test('the bookmarks follow the parts and sections of the book', () => {
  const xml = run('pdftohtml', '-xml', '-i', '-stdout', '-q', join(dir, PDF_FILES.book));
  const outline = [...xml.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const book = pdfLayouts(manifest).find((l) => l.id === 'book')!;
  for (const entry of book.entries.filter((e) => e.level <= 2)) assert.ok(outline.some((item) => item.startsWith(entry.label)), `no bookmark for ${entry.label}`);
});

/** Contents lines "标题 ……… 57" of the first pages of a PDF. */
function contents(pages: string[], upTo: number): { label: string; page: number }[] {
  return pages
    .slice(0, upTo)
    .join('\n')
    .split('\n')
    .map((l) => /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(l))
    .filter((m) => m !== null)
    .map((m) => ({ label: m[1]!.trim(), page: Number(m[2]) }));
}

test('the page numbers in the contents are the pages the entries start on', () => {
  for (const [file, contentPages] of [[PDF_FILES.book, 12], [PDF_FILES.cases, 8]] as const) {
    const pages = textOf(file);
    const byNumber = new Map(pages.map((p) => [printedNumber(p), p]));
    let checked = 0;
    for (const { label, page } of contents(pages, contentPages)) {
      const target = byNumber.get(page);
      assert.ok(target, `${file}: “${label}” is listed on page ${page}, which the file does not have`);
      assert.ok(compact(target).includes(compact(label).slice(0, 10)), `${file}: “${label}” is listed on page ${page}, but it is not there`);
      checked++;
    }
    assert.ok(checked >= 9, `${file}: only ${checked} contents lines found`);
  }
});

test('a part and a trainer pack keep the page numbers of the whole book and library, in order', () => {
  for (const [file, whole, label] of [[PDF_FILES.part('5'), PDF_FILES.book, '第5篇'], [PDF_FILES.trainer('teller'), PDF_FILES.cases, '高柜柜员案例']] as const) {
    const listed = contents(textOf(whole), 12).find((c) => c.label.startsWith(label));
    assert.ok(listed, `${whole} lists ${label}`);
    const numbers = textOf(file).slice(0, -1).map(printedNumber);
    assert.equal(numbers[0], listed.page, `${file} starts on the page ${whole} gives it`);
    assert.deepEqual(numbers, numbers.map((_, i) => listed.page + i), `${file}: its pages are numbered in order`);
  }
});

test('each page of the book is headed with its own part (never the part or section before)', () => {
  const pages = textOf(PDF_FILES.book);
  const starts = contents(pages, 12).filter((c) => /^第\d+篇/.test(c.label));
  assert.ok(starts.length >= 9, `${starts.length} parts in the contents`);
  for (const [i, part] of starts.entries()) {
    const end = starts[i + 1]?.page ?? Infinity;
    for (const page of pages.filter((p) => printedNumber(p) >= part.page && printedNumber(p) < end)) {
      const header = page.trimStart().split('\n')[0]!;
      assert.ok(compact(header).startsWith(compact(part.label)), `page ${printedNumber(page)}: header “${header.trim()}” is not ${part.label}`);
    }
  }
});

test('trainer packs have the 参考要点 and student editions do not', () => {
  assert.match(compact(textOf(PDF_FILES.trainer('teller')).join('')), /参考要点/);
  assert.doesNotMatch(compact(textOf(PDF_FILES.student('teller')).join('')), /参考要点/);
});

test('no raw Markdown is left in any PDF', () => {
  for (const doc of docs) {
    const text = textOf(doc.file).join('');
    assert.ok(!text.includes('**'), `${doc.file}: “${text.match(/.{0,20}\*\*.{0,20}/)?.[0]}”`);
  }
});

test('a rendered page is not blank', () => {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', '4', '-l', '4', join(dir, PDF_FILES.book)]);
  const header = pgm.subarray(0, 20).toString('latin1').split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(pgm.length - width * height);
  assert.ok(pixels.filter((v) => v < 160).length / pixels.length > 0.01);
});

test('download links show the file and its size', () => {
  const home = builtPages().find((p) => p.path === '/')!;
  const link = elements(home, (n) => n.tagName === 'a' && n.properties.href === `/pdf/${PDF_FILES.book}`)[0];
  assert.ok(link, 'the home page links the whole book');
  assert.match(toText(link), /（PDF，[\d.]+ (MB|KB)）/);
});
