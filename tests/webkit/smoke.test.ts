/**
 * A smoke set of the end-to-end checks in WebKit (iPhone WeChat is WKWebView), at phone width:
 * no sideways scroll, reading without JavaScript, the reader controls, copy-link and search.
 * The full checks run in Chromium (tests/e2e); see webkit.ts for the engine.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { By, Key, type WebDriver } from 'selenium-webdriver';
import { PAGE_TYPES } from '../e2e/site.ts';
import { PHONE, serveSite, startWebKit, webkitUnavailable, type WebKit } from './webkit.ts';

const skip = webkitUnavailable();
const WAIT_MS = 10_000;

/** Runs a function body in the page and returns its result. */
function run<T>(driver: WebDriver, body: string, ...args: unknown[]): Promise<T> {
  return driver.executeScript<T>(body, ...args);
}

/** Waits until check() is truthy and returns that value; fails with what was awaited. */
async function until<T>(driver: WebDriver, what: string, check: () => Promise<T | false | null | undefined>): Promise<T> {
  return driver.wait(check, WAIT_MS, `WebKit: waited ${WAIT_MS / 1000} s for ${what}`) as Promise<T>;
}

/** Opens a page and waits until it and its subresources have loaded. */
async function open(driver: WebDriver, origin: string, path: string): Promise<void> {
  await driver.get(origin + path);
  await until(driver, `${path} to finish loading`, () => run<boolean>(driver, 'return document.readyState === "complete"'));
}

/** Chinese words as Intl.Segmenter gives them; runs in Node and, as source, in WebKit. */
interface Segment {
  segment: string;
  isWordLike: boolean;
}
function wordSegments(text: string): Segment[] {
  return [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map(({ segment, isWordLike }) => ({ segment, isWordLike: Boolean(isWordLike) }));
}

/** The benchmark's queries: what staff type. */
function searchQueries(): string[] {
  const file = new URL('../search-queries.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: { q: string }[] }).queries.map((q) => q.q);
}

/**
 * The elements matching arguments[0] that are not rendered (display: none, hidden, visibility: hidden),
 * by text. Text in a closed <details> counts as shown: a tap opens it, without JavaScript.
 */
const NOT_RENDERED = `
  const shown = (e) => e.closest('details:not([open])') || (e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
  return [...document.querySelectorAll(arguments[0])].filter((e) => !shown(e)).map((e) => e.tagName + ' “' + e.textContent.trim().slice(0, 30) + '”');`;

describe('WebKit at phone width, with JavaScript', { skip }, () => {
  let site: Awaited<ReturnType<typeof serveSite>>;
  let webkit: WebKit;
  let driver: WebDriver;
  before(async () => {
    site = await serveSite();
    webkit = await startWebKit({ javaScript: true });
    driver = webkit.driver;
  });
  after(async () => {
    await webkit?.close();
    await site?.close();
  });

  test('no page type scrolls sideways at 390 px', async () => {
    const problems: string[] = [];
    for (const path of Object.values(PAGE_TYPES)) {
      await open(driver, site.url, path);
      const { innerWidth, scrollWidth, widest } = await run<{ innerWidth: number; scrollWidth: number; widest: string }>(
        driver,
        `const name = (e) => e.tagName.toLowerCase() + [...e.classList].map((c) => '.' + c).join('');
         const past = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5).at(-1);
         return { innerWidth, scrollWidth: document.documentElement.scrollWidth,
                  widest: past ? name(past.parentElement) + ' > ' + name(past) + ' (right edge at ' + Math.round(past.getBoundingClientRect().right) + ' px)' : 'none found' };`,
      );
      assert.equal(innerWidth, PHONE.width, `WebKit's viewport is ${innerWidth}px wide, not a phone's ${PHONE.width}px: the window could not be sized (see startWebKit)`);
      if (scrollWidth > innerWidth) problems.push(`${path}: page is ${scrollWidth}px wide on a ${innerWidth}px screen; innermost element past the edge: ${widest}`);
    }
    assert.deepEqual(problems, [], 'pages that scroll sideways in WebKit (find the element in the page’s CSS)');
  });

  test('A+ grows the text and the size is remembered on the next page', async () => {
    await open(driver, site.url, '/book/2/17/');
    await run(driver, 'localStorage.clear()');
    await open(driver, site.url, '/book/2/17/');
    const size = () => run<number>(driver, 'return parseFloat(getComputedStyle(document.querySelector("main p")).fontSize)');
    const before = await size();
    await driver.findElement(By.css('.reader-controls button[aria-label="放大字号"]')).click();
    const grown = await until(driver, 'the text to grow after A+', async () => ((await size()) > before ? size() : false));
    await open(driver, site.url, '/book/2/18/');
    assert.equal(await size(), grown, `A+ made the text ${grown}px on /book/2/17/, but /book/2/18/ shows ${await size()}px: the size was not remembered`);
  });

  test('the theme toggle switches light and dark, and the choice holds on the next page', async () => {
    await open(driver, site.url, '/book/2/17/');
    await run(driver, 'localStorage.clear()');
    await open(driver, site.url, '/book/2/17/');
    const look = () => run<{ theme: string; background: string }>(driver, 'return { theme: document.documentElement.dataset.theme ?? (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"), background: getComputedStyle(document.body).backgroundColor }');
    const first = await look();
    await driver.findElement(By.css('.reader-controls button[aria-label="切换深色/浅色"]')).click();
    const toggled = await until(driver, 'the theme to switch', async () => {
      const now = await look();
      return now.theme !== first.theme && now.background !== first.background && now;
    });
    await open(driver, site.url, '/cases/');
    assert.deepEqual(await look(), toggled, `the ${toggled.theme} theme chosen on /book/2/17/ did not hold on /cases/`);
  });

  test('copy link puts 【2.17 共情】heading URL on the clipboard', async () => {
    await open(driver, site.url, '/book/2/17/?from=singlemessage&isappinstalled=0');
    const heading = await driver.findElement(By.css('main h2[id]'));
    const id = await heading.getAttribute('id');
    const text = await run<string>(driver, 'return arguments[0].firstChild.textContent.trim()', heading);
    await heading.findElement(By.css('a.heading-link')).click();
    const status = await until(driver, 'the copy-link status or dialog', () =>
      run<string>(driver, 'return document.querySelector(".copy-dialog")?.open ? "the dialog opened instead of copying" : document.querySelector("[role=status].copy-status")?.textContent'),
    );
    assert.match(status, /已复制/);
    assert.equal(await run<string>(driver, 'return location.hash'), `#${id}`);
    // Read the clipboard back the way a reader would: paste it.
    await run(driver, 'const t = document.createElement("textarea"); t.id = "paste-here"; document.body.prepend(t); t.focus();');
    await driver.findElement(By.id('paste-here')).sendKeys(Key.chord(Key.CONTROL, 'v'));
    const pasted = await until(driver, 'the pasted text', () => run<string>(driver, 'return document.getElementById("paste-here").value'));
    assert.equal(pasted, `【2.17 共情】${text} ${site.url}/book/2/17/#${id}`);
  });

  test('without clipboard access the text is shown to copy by hand', async () => {
    await open(driver, site.url, '/cases/01001/');
    await run(driver, "Object.defineProperty(navigator, 'clipboard', { value: undefined })");
    await driver.findElement(By.css('#story a.heading-link')).click();
    const dialog = await driver.findElement(By.css('dialog'));
    await until(driver, 'the copy dialog to show', () => dialog.isDisplayed());
    const box = await dialog.findElement(By.css('textarea'));
    const title = await run<string>(driver, 'return document.querySelector("h1").lastChild.textContent.trim()');
    assert.match((await box.getAttribute('value')) ?? '', new RegExp(`^【案例 01001 ${title}】案例经过 ${site.url}/cases/01001/#story$`));
    assert.equal(await run<boolean>(driver, 'return document.activeElement === arguments[0]', box), true, 'the text to copy is not focused and selected');
  });

  test('Intl.Segmenter splits Chinese where ICU in Chromium and Node does (年费 → 年|费)', async (t) => {
    const phrases = ['年费', '12378热线', ...searchQueries()];
    const inWebKit = await run<Segment[][]>(driver, `return arguments[0].map(${wordSegments.toString()})`, phrases);
    assert.deepEqual(inWebKit[0], [{ segment: '年', isWordLike: true }, { segment: '费', isWordLike: true }]);
    const differ: string[] = [];
    const numbers = new Set<string>();
    phrases.forEach((phrase, i) => {
      const webkit = inWebKit[i]!;
      const icu = wordSegments(phrase);
      const show = (segments: Segment[]) => segments.map((s) => (s.isWordLike ? s.segment : `(${s.segment})`)).join('|');
      // JavaScriptCore reports number segments as not word-like (IntlSegmenter.cpp compares the ICU
      // rule status with <= UBRK_WORD_NONE_LIMIT, which is UBRK_WORD_NUMBER): allowed, and noted.
      const same = webkit.length === icu.length && webkit.every((s, j) => s.segment === icu[j]!.segment && (s.isWordLike === icu[j]!.isWordLike || /^\p{N}/u.test(s.segment)));
      if (!same) differ.push(`${phrase}: WebKit ${show(webkit)}, ICU ${show(icu)}`);
      webkit.forEach((s, j) => s.isWordLike !== icu[j]?.isWordLike && numbers.add(s.segment));
    });
    assert.deepEqual(differ, [], 'phrases that WebKit splits differently from ICU in Node (and Chromium); (…) = not word-like');
    if (numbers.size > 0) t.diagnostic(`WebKit: number segments are not word-like (${[...numbers].join(', ')}); ICU says they are`);
  });

  const SEARCHES: [query: string, expected: string, where: 'first' | 'shown'][] = [
    ['共情', '/book/2/17/', 'first'],
    ['01003', '/cases/01003/', 'first'],
    // 年|费 are single characters, which the instant index does not match alone: Pagefind's full text must work.
    ['年费', '/cases/01006/', 'shown'],
  ];
  for (const [query, expected, where] of SEARCHES) {
    test(`search for ${query} shows ${expected} ${where === 'first' ? 'first' : 'among the results'}, after the full text`, async () => {
      await open(driver, site.url, '/search/');
      await until(driver, 'the search form to be ready', async () => (await driver.findElements(By.css('[data-search-form][data-ready]'))).length > 0);
      await driver.findElement(By.css('#search-input')).sendKeys(query);
      const status = await until(driver, `the search for ${query} to finish`, () =>
        run<string | false>(driver, 'const list = document.querySelector("[data-search-results]"); return list.dataset.query === arguments[0] && list.dataset.state === "done" && document.querySelector("[data-search-status]").textContent', query),
      );
      assert.match(status, /^找到\d+个相关页面$/, `the status says “${status}”: Pagefind's full-text search did not run in WebKit`);
      const hrefs = await run<string[]>(driver, 'return [...document.querySelectorAll(".search-results > li > a.result-title")].map((a) => new URL(a.href).pathname)');
      assert.ok((where === 'first' ? hrefs.slice(0, 1) : hrefs).includes(expected), `${query}: expected ${expected} ${where}, got ${hrefs.join(', ')}`);
    });
  }

  test('a number typed with a word is looked up and marked, as in Chromium (12378热线)', async () => {
    // WebKit's segmenter calls digit runs not word-like; the query must keep them (lib/search/words.ts).
    await open(driver, site.url, `/search/?q=${encodeURIComponent('12378热线')}`);
    await until(driver, 'the search for 12378热线 to finish', () => run<boolean>(driver, 'return document.querySelector("[data-search-results]").dataset.state === "done"'));
    const marks = await run<string[]>(driver, 'return [...document.querySelectorAll(".search-results mark")].map((m) => m.textContent)');
    assert.ok(marks.includes('12378'), `the results mark ${marks.join(', ') || 'nothing'}, not 12378`);
  });
});

describe('WebKit at phone width, with JavaScript off', { skip }, () => {
  let site: Awaited<ReturnType<typeof serveSite>>;
  let webkit: WebKit;
  let driver: WebDriver;
  before(async () => {
    site = await serveSite();
    webkit = await startWebKit({ javaScript: false });
    driver = webkit.driver;
  });
  after(async () => {
    await webkit?.close();
    await site?.close();
  });

  for (const path of [PAGE_TYPES.section, PAGE_TYPES.case]) {
    test(`${path} reads fully: every heading and paragraph is shown, the reader controls are not`, async () => {
      await open(driver, site.url, path);
      assert.equal(await run<boolean>(driver, 'return !!document.querySelector(".copy-dialog")'), false, 'the page’s script ran: JavaScript is not off');
      const counts = await run<number[]>(driver, 'return ["h1", "h2", "p"].map((s) => document.querySelectorAll("main article " + s).length)');
      assert.ok(counts.every((n) => n > 0), `${path}: the article has ${counts.join(', ')} h1, h2, p: expected a title, headings and text`);
      const hidden = await run<string[]>(driver, NOT_RENDERED, ['h1', 'h2', 'h3', 'p', 'li', 'figure', 'table'].map((s) => `main article ${s}`).join(', '));
      assert.deepEqual(hidden, [], `${path}: parts of the article are hidden without JavaScript`);
      assert.equal(await driver.findElement(By.css('.reader-controls')).isDisplayed(), false, `${path}: the reader controls show without JavaScript, where they cannot work`);
    });
  }

  test('the search page says that search needs JavaScript', async () => {
    await open(driver, site.url, '/search/?q=共情');
    // <noscript> holds elements only where scripting is off.
    const notices = await driver.findElements(By.css('main noscript .banner'));
    assert.equal(notices.length, 1, 'the search page’s <noscript> notice was not parsed: JavaScript is not off');
    assert.equal(await notices[0]!.isDisplayed(), true, 'the search page’s no-JavaScript notice is not shown');
  });
});
