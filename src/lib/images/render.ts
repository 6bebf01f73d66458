/**
 * Draws a picture (layouts.ts) to PNG: satori lays it out and writes SVG with the glyphs as paths,
 * resvg rasterises that (no browser, no system fonts), png.ts encodes it (40 % smaller than resvg's
 * own encoding, for about 5 ms more a picture).
 */
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { FontSet } from './fonts.ts';
import type { Picture, SatoriElement } from './layouts.ts';
import { encodePng } from './png.ts';

export interface Drawn {
  png: Buffer;
  /** Characters no font has (drawn as boxes). */
  uncovered: string[];
}

export type Draw = (picture: Picture) => Promise<Drawn>;

/** The tree with `change` applied to every text. */
function mapText(node: SatoriElement | string, change: (text: string) => string): SatoriElement | string {
  if (typeof node === 'string') return change(node);
  const { children } = node.props;
  if (children === undefined) return node;
  return { ...node, props: { ...node.props, children: Array.isArray(children) ? children.map((c) => mapText(c, change)) : mapText(children, change) } };
}

/** A drawing function with its fonts loaded (reuse it: loading the fonts takes a second or two). */
export function renderer(root: string): Draw {
  const fonts = new FontSet(root);
  const layout = (picture: Picture, uncovered: Set<string>) =>
    satori(picture.element, {
      width: picture.width,
      ...(picture.height ? { height: picture.height } : {}),
      fonts: fonts.base,
      loadAdditionalAsset: async (_language, segment) => fonts.additional(segment, uncovered),
    });
  return async (picture) => {
    let uncovered = new Set<string>();
    const loaded = fonts.loadedCount;
    let svg = await layout(picture, uncovered);
    // A subset loaded now may lack a character its unicode range names: only a second layout, with
    // the subset in place, tells (rare: the first picture that needs a subset).
    if (fonts.loadedCount > loaded) svg = await layout(picture, (uncovered = new Set()));
    // A character no font has is written as its compatibility equivalent where it has one (Ⅱ → II).
    const equivalents = new Map<string, string>();
    for (const c of uncovered) if (c.normalize('NFKC') !== c) equivalents.set(c, c.normalize('NFKC'));
    if (equivalents.size) {
      const element = mapText(picture.element, (text) => text.replace(/./gsu, (c) => equivalents.get(c) ?? c)) as SatoriElement;
      svg = await layout({ ...picture, element }, (uncovered = new Set()));
    }
    const image = new Resvg(svg, { fitTo: { mode: 'zoom', value: picture.scale }, font: { loadSystemFonts: false } }).render();
    return { png: encodePng(image.pixels, image.width, image.height), uncovered: [...uncovered] };
  };
}
