/** Reading settings shared by the page stylesheet (html[data-font]) and the reader script. */
export const FONT_SIZES = ['s', 'm', 'l', 'xl'] as const;
export type FontSize = (typeof FONT_SIZES)[number];

/** The font size one step up (+1) or down (-1) from the current one, staying within the range. */
export function nextFontSize(current: string | undefined, step: number): FontSize {
  const index = FONT_SIZES.indexOf((current ?? 'm') as FontSize);
  const from = index < 0 ? 1 : index;
  return FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, from + step))]!;
}
