/**
 * The search page: Pagefind's default UI over the built site, with the query kept in ?q= so a
 * search can be shared as a link.
 */
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => PagefindUIInstance;
  }
}

const root = document.querySelector<HTMLElement>('[data-search-root]');
if (root) {
  const script = document.createElement('script');
  script.src = '/pagefind/pagefind-ui.js';
  script.onload = () => {
    root.replaceChildren();
    const ui = new window.PagefindUI!({ element: root, showSubResults: true, resetStyles: false, autofocus: true });
    // The page title is the search box's visible label.
    root.querySelector('input')?.setAttribute('aria-labelledby', 'search-title');
    const q = new URL(location.href).searchParams.get('q');
    if (q) ui.triggerSearch(q);
    root.addEventListener('input', (event) => {
      const input = event.target as HTMLInputElement;
      const url = new URL(location.href);
      if (input.value) url.searchParams.set('q', input.value);
      else url.searchParams.delete('q');
      history.replaceState(null, '', url);
    });
  };
  document.head.append(script);
}
export {};
