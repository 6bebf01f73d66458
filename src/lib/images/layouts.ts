/**
 * The drawn pictures, as satori element trees (flexbox, sizes in CSS px):
 * - the share image of a page (og:image, 1200×630): its title, one-line summary and the site name;
 * - a phrase card as a phone-width picture to keep (390 CSS px, drawn at 2×): the situation, where it
 *   comes from, the lines to say and to avoid, and its short address at the bottom;
 * - a flowchart as a picture to keep: the page's title, the diagram (diagram-flatten.ts: its shapes
 *   as an SVG image, its labels set here), its short address.
 * Text sizes are chosen so that a long title still fits; nothing is cut without an ellipsis.
 */
import { CALLOUTS, type CalloutLabel } from '../markdown/rehype-handbook.ts';
import { MIN_READABLE_SCALE } from '../markdown/mermaid.ts';
import type { FlatDiagram } from './diagram-flatten.ts';
import { FONT_FAMILY } from './fonts.ts';
import type { Palette } from './theme.ts';
import type { PhraseCard } from './extract.ts';

export type Style = Record<string, string | number>;
export interface SatoriElement {
  type: string;
  props: { style?: Style; children?: (SatoriElement | string)[] | SatoriElement | string; src?: string; width?: number; height?: number };
}

/** A picture to draw: its tree and size (CSS px; no height: as tall as its content), drawn at `scale`. */
export interface Picture {
  element: SatoriElement;
  width: number;
  height?: number;
  scale: number;
}

function h(type: string, style: Style, ...children: (SatoriElement | string)[]): SatoriElement {
  return { type, props: { style, children } };
}

/** The share image's size (og:image:width and og:image:height on every page say the same). */
export const OG_SIZE = { width: 1200, height: 630 } as const;
/** A picture to keep is a phone screen wide (CSS px), drawn at twice that in pixels. */
export const PHONE_WIDTH = 390;
export const PICTURE_SCALE = 2;

/** East Asian wide characters take a full em; others about half of one (Noto Sans SC's Latin). */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const char of text) em += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(char) ? 1 : 0.58;
  return em;
}

/** The largest of `sizes` (px, largest first) at which `text` fits in `lines` lines of `width` px. */
export function fitFontSize(text: string, width: number, lines: number, sizes: readonly number[]): number {
  const em = textWidthEm(text);
  // Lines break at characters, not words, so a line is filled to within about one character.
  return sizes.find((size) => Math.ceil((em * size) / (width - size)) <= lines) ?? sizes[sizes.length - 1]!;
}

const clamp = (lines: number): Style => ({ display: 'block', lineClamp: lines });
/**
 * A line across a column (`height` thick), or down a row (`width` thick). Lines are boxes of their own
 * rather than borders: satori draws borders through clip paths, which resvg composites in layers as
 * large as the whole picture.
 */
const rule = (thickness: { height: number } | { width: number }, color: string) => h('div', { ...thickness, flexShrink: 0, background: color });

/** The share image of a page: og:title, og:description, the site name. */
export function ogPicture(page: { title: string; description: string }, siteName: string, colors: Palette): Picture {
  const padX = 80;
  const inner = OG_SIZE.width - 2 * padX;
  const titleSize = fitFontSize(page.title, inner, 2, [68, 60, 52, 46]);
  const element = h(
    'div',
    { display: 'flex', flexDirection: 'column', width: '100%', height: '100%', background: colors.bg, color: colors.fg, fontFamily: FONT_FAMILY },
    rule({ height: 14 }, colors.accent),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: `46px ${padX}px 52px` },
      h('div', { ...clamp(2), fontSize: titleSize, fontWeight: 700, lineHeight: 1.3 }, page.title),
      h('div', { ...clamp(3), marginTop: 28, fontSize: 36, lineHeight: 1.55, color: colors.muted }, page.description),
      h(
        'div',
        { display: 'flex', flexDirection: 'column', marginTop: 'auto' },
        rule({ height: 2 }, colors.line),
        h('div', { paddingTop: 24, fontSize: 30, fontWeight: 700, color: colors.accent }, siteName),
      ),
    ),
  );
  return { element, ...OG_SIZE, scale: 1 };
}

/** The marks before the two labels (the stylesheet's ✗ is not in Noto Sans SC; √ and × are the marks of Chinese schoolwork). */
const MARKS = { do: '√', dont: '×' } as const;
const calloutLabel = (kind: (typeof CALLOUTS)[CalloutLabel]) => Object.entries(CALLOUTS).find(([, v]) => v === kind)![0];

function lines(label: string, items: string[], line: string, background: string, colors: Palette): SatoriElement {
  return h(
    'div',
    { display: 'flex', marginTop: 14, background },
    rule({ width: 4 }, line),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '10px 14px 12px' },
      h('div', { fontSize: 15, fontWeight: 700, color: line }, label),
      ...items.map((item) => h('div', { display: 'flex', marginTop: 6, fontSize: 17, lineHeight: 1.6, color: colors.fg }, h('div', { width: 14, flexShrink: 0, color: line }, '•'), h('div', { flex: 1 }, item))),
    ),
  );
}

/** A phrase card to keep: `url` is its short address, printed at the bottom. */
export function cardPicture(card: PhraseCard, url: string, siteName: string, colors: Palette): Picture {
  const element = h(
    'div',
    { display: 'flex', flexDirection: 'column', width: '100%', background: colors.bg, color: colors.fg, fontFamily: FONT_FAMILY },
    rule({ height: 5 }, colors.accent),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', padding: '13px 18px 14px' },
      h('div', { fontSize: 21, fontWeight: 700, lineHeight: 1.45 }, card.situation),
      h('div', { marginTop: 4, fontSize: 14, lineHeight: 1.5, color: colors.muted }, card.source),
      ...(card.say.length ? [lines(`${MARKS.do} ${calloutLabel('do')}`, card.say, colors['do-line'], colors['do-bg'], colors)] : []),
      ...(card.avoid.length ? [lines(`${MARKS.dont} ${calloutLabel('dont')}`, card.avoid, colors['dont-line'], colors['dont-bg'], colors)] : []),
      footer(url, siteName, colors),
    ),
  );
  return { element, width: PHONE_WIDTH, scale: PICTURE_SCALE };
}

/** The bottom line of a picture to keep: its address (to type or to recognise), and the site's name. */
function footer(url: string, siteName: string, colors: Palette): SatoriElement {
  return h(
    'div',
    { display: 'flex', flexDirection: 'column', marginTop: 16 },
    rule({ height: 1 }, colors.line),
    h('div', { marginTop: 8, fontSize: 15, lineHeight: 1.5, color: colors.fg, wordBreak: 'break-all' }, url),
    h('div', { fontSize: 12, lineHeight: 1.5, color: colors.muted }, siteName),
  );
}

const DIAGRAM_PAD = 16;
/** The diagram's frame: border and padding on each side, as on the page. */
const DIAGRAM_FRAME = 9;

/**
 * The drawn width of a diagram `svgWidth` wide in its picture, and the picture's width: a phone screen
 * (PHONE_WIDTH) when the diagram fits there with its labels at the site's smallest readable size
 * (mermaid.ts MIN_READABLE_SCALE); a wider diagram makes a wider picture at that size, to zoom into,
 * as it scrolls sideways on the page.
 */
export function diagramFit(svgWidth: number): { drawn: number; width: number } {
  const room = PHONE_WIDTH - 2 * (DIAGRAM_PAD + DIAGRAM_FRAME);
  const drawn = Math.ceil(Math.min(svgWidth, Math.max(room, svgWidth * MIN_READABLE_SCALE)));
  return { drawn, width: Math.max(PHONE_WIDTH, drawn + 2 * (DIAGRAM_PAD + DIAGRAM_FRAME)) };
}

/** A flowchart to keep: `svgWidth` is its width on the page (CSS px), `url` its short address. */
export function diagramPicture(input: { flat: FlatDiagram; svgWidth: number; title: string; url: string; siteName: string; colors: Palette }): Picture {
  const { flat, colors } = input;
  const { drawn, width } = diagramFit(input.svgWidth);
  const scale = drawn / flat.width;
  const height = Math.round(flat.height * scale * 100) / 100;
  const label = (l: FlatDiagram['labels'][number]) =>
    h(
      'div',
      {
        position: 'absolute',
        // A pixel of room on each side: satori may measure a line a fraction wider than the browser did.
        left: (l.x - 1) * scale,
        top: l.y * scale,
        width: (l.width + 2) * scale,
        height: l.height * scale,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        // Centred in its box: where satori fits a wrapped label in fewer lines than the browser did.
        justifyContent: 'center',
        fontSize: flat.fontSize * scale,
        lineHeight: 1.5,
        textAlign: 'center',
        color: colors.fg,
        ...(l.onEdge ? { background: colors.surface } : {}),
      },
      ...l.lines.map((line) => h('div', l.wrap ? {} : { whiteSpace: 'nowrap' }, line)),
    );
  const diagram: SatoriElement = {
    type: 'div',
    props: {
      style: { position: 'relative', display: 'flex', width: drawn, height },
      children: [{ type: 'img', props: { src: `data:image/svg+xml;base64,${Buffer.from(flat.svg).toString('base64')}`, width: drawn, height, style: { position: 'absolute', left: 0, top: 0 } } }, ...flat.labels.map(label)],
    },
  };
  const element = h(
    'div',
    { display: 'flex', flexDirection: 'column', width: '100%', background: colors.bg, color: colors.fg, fontFamily: FONT_FAMILY },
    rule({ height: 5 }, colors.accent),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', padding: `12px ${DIAGRAM_PAD}px 14px` },
      h('div', { marginBottom: 10, fontSize: 17, fontWeight: 700, lineHeight: 1.45 }, input.title),
      // The frame's border is a box of its own (see rule).
      h('div', { display: 'flex', padding: 1, borderRadius: 8, background: colors.line }, h('div', { display: 'flex', flexGrow: 1, justifyContent: 'center', padding: DIAGRAM_FRAME - 1, borderRadius: 7, background: colors.surface }, diagram)),
      footer(input.url, input.siteName, colors),
    ),
  );
  return { element, width, scale: PICTURE_SCALE };
}
