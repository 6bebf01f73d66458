/**
 * Mermaid settings for every diagram. Colours come from the site's stylesheet (light and dark), so
 * the SVG is rendered once with a neutral theme; labels are measured and drawn in the CJK fonts the
 * readers' phones have (Noto Sans CJK must be installed where the site is built).
 */
export const DIAGRAM_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export const MERMAID_CONFIG = {
  theme: 'neutral',
  fontFamily: DIAGRAM_FONTS,
  flowchart: { htmlLabels: true, useMaxWidth: false, nodeSpacing: 30, rankSpacing: 40, wrappingWidth: 160 },
} as const;

