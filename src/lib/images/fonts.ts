/**
 * Fonts for the drawn pictures: Noto Sans SC from @fontsource, as WOFF (the system's CJK fonts are TTC
 * collections, which satori cannot read). Two subsets are always loaded: the Simplified Chinese set
 * (about 7,000 characters, with Latin letters and full-width punctuation) and Latin. Any other
 * character is looked up in the package's unicode ranges, and the numbered subset holding it is loaded
 * when satori asks for it. Characters the font does not have are reported, so a picture never shows a
 * box without the build saying where.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FONT_PACKAGE = 'node_modules/@fontsource/noto-sans-sc';
export const WEIGHTS = [400, 700] as const;
export type Weight = (typeof WEIGHTS)[number];

export interface SatoriFont {
  name: string;
  data: Buffer;
  weight: Weight;
  style: 'normal';
}

const BASE_SUBSETS = ['chinese-simplified', 'latin'];
const familyOf = (subset: string) => `Noto Sans SC ${subset}`;
/** The CSS font-family of every text in the layouts: the base subsets, each a family of its own. */
export const FONT_FAMILY = BASE_SUBSETS.map(familyOf).join(', ');

export type UnicodeRanges = Record<string, [number, number][]>;

/** "U+4e00-4e0f,U+4e20" → [[0x4e00, 0x4e0f], [0x4e20, 0x4e20]] (the CSS unicode-range syntax, no wildcards). */
export function parseUnicodeRange(css: string): [number, number][] {
  return css.split(',').map((part) => {
    const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match) throw new Error(`unicode range “${part}” is not of the form U+hex or U+hex-hex`);
    const from = Number.parseInt(match[1]!, 16);
    return [from, match[2] ? Number.parseInt(match[2], 16) : from];
  });
}

/** Which subsets hold the characters of `text`, and which characters none holds. */
export function subsetsFor(text: string, ranges: UnicodeRanges): { subsets: string[]; uncovered: string[] } {
  const subsets = new Set<string>();
  const uncovered = new Set<string>();
  for (const char of new Set(text)) {
    if (/\s/.test(char)) continue;
    const code = char.codePointAt(0)!;
    const subset = Object.keys(ranges).find((name) => ranges[name]!.some(([from, to]) => code >= from && code <= to));
    if (subset) subsets.add(subset);
    else uncovered.add(char);
  }
  return { subsets: [...subsets], uncovered: [...uncovered] };
}

/** "“Ⅱ” (U+2161)" */
export function describeChars(chars: string[]): string {
  return chars.map((c) => `“${c}” (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ');
}

/** The fonts of one renderer: the base subsets at once, the others when a text needs them. */
export class FontSet {
  readonly base: SatoriFont[];
  private readonly dir: string;
  private readonly ranges: UnicodeRanges;
  private readonly loaded = new Set<string>();
  /** How many subsets are loaded (it grows when a text needs another). */
  get loadedCount(): number {
    return this.loaded.size;
  }

  constructor(root: string) {
    this.dir = join(root, FONT_PACKAGE);
    const all = JSON.parse(readFileSync(join(this.dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    // Keys are "[87]" for numbered subsets and plain names for the others; file names use "87".
    this.ranges = Object.fromEntries(Object.entries(all).map(([key, css]) => [key.replace(/^\[(\d+)\]$/, '$1'), parseUnicodeRange(css)]));
    for (const subset of BASE_SUBSETS) delete this.ranges[subset];
    this.base = BASE_SUBSETS.flatMap((subset) => this.faces(subset));
  }

  private faces(subset: string): SatoriFont[] {
    this.loaded.add(subset);
    return WEIGHTS.map((weight) => ({
      name: familyOf(subset),
      weight,
      style: 'normal' as const,
      data: readFileSync(join(this.dir, 'files', `noto-sans-sc-${subset}-${weight}-normal.woff`)),
    }));
  }

  /**
   * satori's loadAdditionalAsset: the fonts holding the characters of `segment` that the loaded fonts
   * lack (satori keeps them for later pictures); `uncovered` collects what no subset holds.
   */
  additional(segment: string, uncovered: Set<string>): SatoriFont[] {
    const fonts: SatoriFont[] = [];
    const loadedBefore = new Set(this.loaded);
    for (const char of new Set(segment)) {
      if (/\s/.test(char)) continue;
      const { subsets } = subsetsFor(char, this.ranges);
      // Asked for a character of a subset loaded before: that subset lacks it after all.
      if (!subsets.length || subsets.every((s) => loadedBefore.has(s))) uncovered.add(char);
      for (const s of subsets) if (!this.loaded.has(s)) fonts.push(...this.faces(s));
    }
    return fonts;
  }
}

/** What changes the glyphs: the font package's version. */
export function fontVersion(root: string): string {
  return (JSON.parse(readFileSync(join(root, FONT_PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;
}
