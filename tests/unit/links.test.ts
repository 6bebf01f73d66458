import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLinks } from '../../src/lib/checks/links.ts';

const origin = 'http://site.invalid';
const pages = [
  { path: '/', html: '<a href="/book/2/17/#feel">ok</a><a href="/book/2/17/#gone">bad anchor</a><a href="/book/9/">missing</a><a href="https://example.com/x">external</a><link rel="stylesheet" href="/_astro/a.css"><script src="/x.js"></script>' },
  { path: '/book/2/17/', html: '<h2 id="feel">先接住情绪</h2><a href="#feel">self</a><a href="../../../?from=singlemessage#top">home</a><form action="/search/"></form>' },
  { path: '/404.html', html: '<a href="http://site.invalid/book/2/17/">absolute to self</a><a href="book:2.99">left over</a>' },
];

test('broken same-site links and anchors are reported with page and link; others pass', () => {
  const problems = checkLinks(pages, (p) => p === '/_astro/a.css', origin);
  assert.deepEqual(problems, [
    { page: '/', link: '/book/2/17/#gone', reason: '/book/2/17/ has no element with id "gone"' },
    { page: '/', link: '/book/9/', reason: 'no page or file at /book/9/' },
    { page: '/', link: '/x.js', reason: 'no page or file at /x.js' },
    { page: '/book/2/17/', link: '../../../?from=singlemessage#top', reason: '/ has no element with id "top"' },
    { page: '/book/2/17/', link: '/search/', reason: 'no page or file at /search/' },
    { page: '/404.html', link: 'book:2.99', reason: 'a content link was not turned into a URL (check the link form in the content)' },
  ]);
});
