/**
 * The only script readers download: reading settings (theme, font size), 继续阅读, and the
 * copy-link control on headings. Every page reads fully without it.
 */
import { cleanUrl, shareText } from '../lib/share.ts';
import { nextFontSize } from '../lib/reading.ts';
import { HIGHLIGHT_PARAM } from '../lib/search/fields.ts';

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

// Reading settings.
const controls = document.querySelector<HTMLElement>('.reader-controls');
if (controls) {
  controls.hidden = false;
  controls.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    if (button.dataset.fontStep) {
      const size = nextFontSize(root.dataset.font, Number(button.dataset.fontStep));
      root.dataset.font = size;
      store.set('font', size);
    } else if (button.hasAttribute('data-theme-toggle')) {
      const current = root.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
      const theme = current === 'dark' ? 'light' : 'dark';
      root.dataset.theme = theme;
      store.set('theme', theme);
    }
  });
}

// Coming from a search result: mark the searched words (the code loads only in that case).
if (new URL(location.href).searchParams.has(HIGHLIGHT_PARAM)) {
  void import('./highlight.ts').then((m) => m.highlightSearchTerms());
}

// 继续阅读: book pages remember themselves; the home page offers the last one.
const remember = document.body.dataset.remember;
if (remember) store.set('lastRead', JSON.stringify({ url: location.pathname, label: remember }));
const resume = document.querySelector<HTMLAnchorElement>('[data-resume]');
const last = store.get('lastRead');
if (resume && last) {
  try {
    const { url, label } = JSON.parse(last) as { url: string; label: string };
    if (url.startsWith('/book/')) {
      resume.href = url;
      resume.querySelector('[data-resume-label]')!.textContent = label;
      resume.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
    }
  } catch {
    /* ignore a damaged entry */
  }
}

// Copy link: 【2.17 共情】先接住情绪 https://…/book/2/17/#feel
const dialog = document.createElement('dialog');
dialog.className = 'copy-dialog';
dialog.setAttribute('aria-labelledby', 'copy-dialog-title');
dialog.innerHTML =
  '<p id="copy-dialog-title">长按或全选下面的文字，复制后粘贴到微信：</p><textarea readonly rows="3" aria-label="要复制的链接"></textarea><form method="dialog"><button>关闭</button></form>';
const status = document.createElement('p');
status.className = 'copy-status';
status.setAttribute('role', 'status');
document.body.append(dialog, status);

document.addEventListener('click', async (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a.heading-link');
  if (!link) return;
  event.preventDefault();
  const heading = link.parentElement!;
  const anchor = heading.id;
  history.replaceState(null, '', `#${anchor}`);
  const headingText = [...heading.childNodes].filter((n) => n !== link).map((n) => n.textContent).join('').trim();
  const text = shareText(document.body.dataset.shareLabel ?? document.title, headingText, cleanUrl(location.href, anchor));
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = '链接已复制，可以粘贴到微信了';
    setTimeout(() => (status.textContent = ''), 3000);
  } catch {
    const area = dialog.querySelector('textarea')!;
    area.value = text;
    dialog.showModal();
    area.select();
  }
});
