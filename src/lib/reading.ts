/** Reading settings shared by the page stylesheet (html[data-font]) and the reader script. */
export const FONT_SIZES = ['s', 'm', 'l', 'xl'] as const;
export type FontSize = (typeof FONT_SIZES)[number];

/** The font size one step up (+1) or down (-1) from the current one, staying within the range. */
export function nextFontSize(current: string | undefined, step: number): FontSize {
  const index = FONT_SIZES.indexOf((current ?? 'm') as FontSize);
  const from = index < 0 ? 1 : index;
  return FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, from + step))]!;
}

/** Whether a font size is at either end of the range (its button then says so and does nothing). */
export function fontSizeLimit(current: string | undefined): 'smallest' | 'largest' | undefined {
  const size = nextFontSize(current, 0);
  return size === FONT_SIZES[0] ? 'smallest' : size === FONT_SIZES.at(-1) ? 'largest' : undefined;
}

/** What 继续阅读 remembers: the page, its label, and the heading the reader had reached. */
export interface ReadingPlace {
  url: string;
  label: string;
  anchor?: string;
  heading?: string;
}

/** The stored place, or undefined when missing or damaged. */
export function parsePlace(stored: string | null): ReadingPlace | undefined {
  if (!stored) return undefined;
  try {
    const place = JSON.parse(stored) as Partial<ReadingPlace>;
    if (typeof place.url !== 'string' || !place.url.startsWith('/') || typeof place.label !== 'string') return undefined;
    return { url: place.url, label: place.label, ...(typeof place.anchor === 'string' && /^[a-z][a-z0-9-]*$/.test(place.anchor) ? { anchor: place.anchor, ...(typeof place.heading === 'string' ? { heading: place.heading } : {}) } : {}) };
  } catch {
    return undefined;
  }
}

/** A page with this many ## headings or more gets 本页目录 and the quick bar. */
export const LONG_PAGE_HEADINGS = 4;
