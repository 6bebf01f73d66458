/**
 * The pictures' colours are the site's: read from its stylesheet (src/styles/global.css), so a change
 * of colour there changes the pictures (and, through the cache key, redraws them).
 */

export const STYLESHEET = 'src/styles/global.css';

/** The rule that declares the dark theme's colours (chosen by the reader; the same as the system's dark mode). */
const DARK_THEME = ":root[data-theme='dark']";
/** The custom properties the pictures use. */
const PALETTE_KEYS = ['bg', 'surface', 'fg', 'muted', 'line', 'accent', 'do-bg', 'do-line', 'dont-bg', 'dont-line'] as const;
export type Palette = Record<(typeof PALETTE_KEYS)[number], string>;

/** The custom properties declared in the first rule of `css` whose selector is exactly `selector`. */
export function customProperties(css: string, selector: string): Record<string, string> {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const block = new RegExp(`(?:^|[}\\s])${escaped}\\s*\\{([^}]*)\\}`).exec(css);
  if (!block) throw new Error(`${STYLESHEET}: no “${selector} { … }” rule (the pictures take their colours from it)`);
  return Object.fromEntries([...block[1]!.matchAll(/--([a-z0-9-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** The light theme (the pictures are kept and forwarded: they do not follow the reader's dark mode). */
export function palette(css: string): Palette {
  const vars = customProperties(css, ':root');
  const missing = PALETTE_KEYS.filter((k) => !vars[k]);
  if (missing.length) throw new Error(`${STYLESHEET}: :root declares no ${missing.map((k) => `--${k}`).join(', ')} (the pictures use them)`);
  return Object.fromEntries(PALETTE_KEYS.map((k) => [k, vars[k]!])) as Palette;
}

/** The stylesheet's diagram rules, "figure.diagram svg X{…}": the X of each selector, and the declarations. */
function diagramRules(css: string): { selectors: string[]; body: string }[] {
  const rules = [...css.matchAll(/(^|\n)(figure\.diagram svg [^\s{][^{]*)\{([^}]*)\}/g)].map((m) => ({
    selectors: m[2]!.split(',').map((s) => s.trim().replace(/^figure\.diagram svg /, '')),
    body: m[3]!.trim(),
  }));
  if (!rules.length) throw new Error(`${STYLESHEET}: no “figure.diagram svg …” rules (the standalone diagrams copy them)`);
  return rules;
}

/** The value of a variable the diagram rules use; throws when the stylesheet does not declare it. */
function declared(vars: Record<string, string>, name: string): string {
  if (!vars[name]) throw new Error(`${STYLESHEET}: the diagram rules use --${name}, which is not declared`);
  return vars[name];
}

/**
 * The stylesheet's diagram rules for a diagram on its own (the standalone SVG): "figure.diagram svg X"
 * becomes "svg X", with the variables they use declared for light and dark, so the diagram opened
 * full screen looks as it does on the page and follows the phone's dark mode.
 */
export function standaloneDiagramCss(css: string): string {
  const rules = diagramRules(css).map(({ selectors, body }) => `${selectors.map((s) => `svg ${s}`).join(',')}{${body}}`);
  const used = new Set(['surface', ...[...rules.join('').matchAll(/var\(--([a-z0-9-]+)\)/g)].map((m) => m[1]!)]);
  const declare = (vars: Record<string, string>) => [...used].map((name) => `--${name}:${declared(vars, name)}`).join(';');
  const light = customProperties(css, ':root');
  const dark = { ...light, ...customProperties(css, DARK_THEME) };
  return `svg{${declare(light)};background:var(--surface)}@media (prefers-color-scheme: dark){svg{${declare(dark)}}}${rules.join('')}`;
}

/**
 * The same rules for a picture of the diagram (diagram-flatten.ts), which resvg draws: it knows
 * neither variables nor !important, so the light colours are written out and each selector is put
 * under the diagram's id ("#diagram-x X"), which with the rules placed last outranks Mermaid's own.
 */
export function pictureDiagramCss(css: string): (id: string) => string {
  const light = customProperties(css, ':root');
  const rules = diagramRules(css).map(({ selectors, body }) => ({
    selectors,
    body: body.replace(/\s*!important/g, '').replace(/var\(--([a-z0-9-]+)\)/g, (_, name: string) => declared(light, name)),
  }));
  return (id) => rules.map(({ selectors, body }) => `${selectors.map((s) => `#${id} ${s}`).join(',')}{${body}}`).join('');
}
