/**
 * The only script readers download: reading settings (theme, font size), 继续阅读 (the page and the
 * heading last reached), the copy-link control on headings, the quick bar, and opening folded answers
 * when a link points into them or the page is printed. Every page reads fully without it.
 */
import { cleanUrl, shareText } from '../lib/share.ts';
import { fontSizeLimit, nextFontSize, parsePlace, type ReadingPlace } from '../lib/reading.ts';
import { HIGHLIGHT_PARAM } from '../lib/search/fields.ts';
import { PAGE_IDS } from '../lib/content/headings.ts';

const root = document.documentElement;
const store = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string): void {
    try {
      localStorage.setItem(key, value);
    } catch {
      /* private mode: settings last for this page only */
    }
  },
};

const status = document.createElement('p');
status.className = 'copy-status';
status.setAttribute('role', 'status');
document.body.append(status);
let statusTimer: ReturnType<typeof setTimeout> | undefined;
function announce(message: string): void {
  status.textContent = message;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => (status.textContent = ''), 3000);
}

// Reading settings: every font and theme button on the page (header and quick bar).
function markFontLimits(): void {
  const limit = fontSizeLimit(root.dataset.font);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-font-step]')) {
    const atLimit = (limit === 'largest' && button.dataset.fontStep === '1') || (limit === 'smallest' && button.dataset.fontStep === '-1');
    button.setAttribute('aria-disabled', String(atLimit));
  }
}
markFontLimits();
document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest('button');
  if (!button) return;
  if (button.dataset.fontStep) {
    if (button.getAttribute('aria-disabled') === 'true') {
      announce(button.dataset.fontStep === '1' ? '已经是最大字号' : '已经是最小字号');
      return;
    }
    const size = nextFontSize(root.dataset.font, Number(button.dataset.fontStep));
    root.dataset.font = size;
    store.set('font', size);
    markFontLimits();
  } else if (button.hasAttribute('data-theme-toggle')) {
    const current = root.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
    const theme = current === 'dark' ? 'light' : 'dark';
    root.dataset.theme = theme;
    store.set('theme', theme);
  }
});

// Coming from a search result: mark the searched words (the code loads only in that case).
if (new URL(location.href).searchParams.has(HIGHLIGHT_PARAM)) {
  void import('./highlight.ts').then((m) => m.highlightSearchTerms());
}

// 继续阅读: book pages and cases remember themselves and the last heading scrolled past; the home page
// offers that place (its link is there from the start, so nothing moves).
const remember = document.body.dataset.remember;
if (remember) {
  const place: ReadingPlace = { url: location.pathname, label: remember };
  const save = () => store.set('lastRead', JSON.stringify(place));
  save();
  const headings = [...document.querySelectorAll<HTMLElement>('main article h2[id], main article h3[id]')];
  let pending = false;
  addEventListener(
    'scroll',
    () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        const passed = headings.filter((h) => h.getBoundingClientRect().top < innerHeight / 3).at(-1);
        if (passed?.id === place.anchor) return;
        if (passed) {
          place.anchor = passed.id;
          place.heading = passed.firstChild?.textContent?.trim() ?? '';
        } else {
          delete place.anchor;
          delete place.heading;
        }
        save();
      });
    },
    { passive: true },
  );
}
const resume = document.querySelector<HTMLAnchorElement>('[data-resume]');
const last = parsePlace(store.get('lastRead'));
if (resume && last) {
  resume.href = last.anchor ? `${last.url}#${last.anchor}` : last.url;
  resume.querySelector('[data-resume-title]')!.textContent = '继续阅读';
  resume.querySelector('[data-resume-label]')!.textContent = last.heading ? `${last.label} · ${last.heading}` : last.label;
}

// Folded answers (参考要点, 参考答案) open when a link points into them, and on paper.
function openTarget(): void {
  const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (!target) return;
  // The target itself may be the heading of a fold (a case's 参考要点), or inside folds.
  if (target.nextElementSibling instanceof HTMLDetailsElement) target.nextElementSibling.open = true;
  for (let d = target.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
}
openTarget();
addEventListener('hashchange', openTarget);
let closedForPrint: HTMLDetailsElement[] = [];
addEventListener('beforeprint', () => {
  closedForPrint = [...document.querySelectorAll<HTMLDetailsElement>('details:not([open])')];
  for (const d of closedForPrint) d.open = true;
});
addEventListener('afterprint', () => {
  for (const d of closedForPrint) d.open = false;
});

// The quick bar's 本页目录 opens the page's contents as it jumps there.
document.querySelector('[data-open-toc]')?.addEventListener('click', () => {
  document.querySelector<HTMLDetailsElement>(`#${PAGE_IDS.pageToc}`)!.open = true;
});

// Copy link: 【2.17 共情】先接住情绪 https://…/book/2/17/#feel
const dialog = document.createElement('dialog');
dialog.className = 'copy-dialog';
dialog.setAttribute('aria-labelledby', 'copy-dialog-title');
dialog.innerHTML =
  '<p id="copy-dialog-title">长按或全选下面的文字，复制后粘贴到微信：</p><textarea readonly rows="3" aria-label="要复制的链接"></textarea><form method="dialog"><button>关闭</button></form>';
document.body.append(dialog);

document.addEventListener('click', async (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a.heading-link');
  if (!link) return;
  event.preventDefault();
  const heading = link.parentElement!;
  const headingText = [...heading.childNodes].filter((n) => n !== link).map((n) => n.textContent).join('').trim();
  // A heading shares this page at itself, unless it names another page to share (a phrase card in a list).
  const own = link.getAttribute('href')!.startsWith('#');
  if (own) history.replaceState(null, '', `#${heading.id}`);
  const text = own
    ? shareText(document.body.dataset.shareLabel ?? document.title, headingText, cleanUrl(location.href, heading.id))
    : shareText(link.dataset.shareLabel ?? document.title, headingText, cleanUrl(link.href));
  try {
    await navigator.clipboard.writeText(text);
    announce('链接已复制，可以粘贴到微信了');
  } catch {
    const area = dialog.querySelector('textarea')!;
    area.value = text;
    dialog.showModal();
    area.select();
  }
});
