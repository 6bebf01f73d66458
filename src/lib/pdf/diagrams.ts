/**
 * Flowcharts on paper at a readable size. Mermaid draws labels at 16 px; on A4 they must stay at
 * 8 pt or more, so a diagram is scaled down at most to MIN_SCALE. A diagram still wider than the
 * text column is turned sideways onto a page of its own; one taller than a page is cut into page-high
 * slices (each the same drawing seen through a window of the viewBox), the later ones marked （续）.
 * Pure: works on the SVG's hast element.
 */
import type { Element, ElementContent } from 'hast';

/** A4 text column and usable height, in CSS px (96 per inch): 174 mm × 230 mm. */
export const PAGE = { width: 657, height: 869 } as const;
/** Mermaid's label size is 16 px; 8 pt is 10.67 px. */
export const MIN_SCALE = 10.67 / 16;
/** Slices overlap a little, so a node cut by a page edge is seen whole on one of them. */
const OVERLAP = 24;

export interface Fit {
  scale: number;
  rotate: boolean;
  /** viewBox windows, top to bottom (one when it fits a page). */
  slices: { y: number; height: number }[];
}

/** How a diagram of this natural size goes on paper. */
export function fitOnPage(width: number, height: number): Fit {
  const flat = Math.min(1, PAGE.width / width);
  const turned = Math.min(1, PAGE.height / width, PAGE.width / height);
  const rotate = flat < MIN_SCALE && turned > flat && height * turned <= PAGE.width;
  const scale = rotate ? turned : Math.max(flat, Math.min(1, MIN_SCALE));
  if (rotate) return { scale, rotate, slices: [{ y: 0, height }] };
  const sliceHeight = PAGE.height / scale;
  if (height <= sliceHeight) return { scale, rotate, slices: [{ y: 0, height }] };
  const slices: { y: number; height: number }[] = [];
  for (let y = 0; y < height; y += sliceHeight - OVERLAP) {
    slices.push({ y, height: Math.min(sliceHeight, height - y) });
    if (y + sliceHeight >= height) break;
  }
  return { scale, rotate, slices };
}

const number = (value: unknown) => Number.parseFloat(String(value));

/** The figure's new content: the SVG sized (and turned or sliced) for print. */
export function fitDiagram(svg: Element): ElementContent[] {
  const [x = 0, y0 = 0, width = number(svg.properties.width), height = number(svg.properties.height)] = String(svg.properties.viewBox ?? '')
    .split(/[\s,]+/)
    .map(Number);
  if (!(width > 0 && height > 0)) return [svg];
  const fit = fitOnPage(width, height);
  const sized = (slice: { y: number; height: number }, i: number): Element => ({
    ...svg,
    properties: {
      ...svg.properties,
      ...(i > 0 ? { id: `${String(svg.properties.id)}-part${i + 1}` } : {}),
      viewBox: `${x} ${y0 + slice.y} ${width} ${slice.height}`,
      width: (width * fit.scale).toFixed(1),
      height: (slice.height * fit.scale).toFixed(1),
      style: undefined,
      className: [...(Array.isArray(svg.properties.className) ? svg.properties.className.map(String) : []), 'print-diagram'],
    },
  });
  if (fit.rotate) {
    return [{ type: 'element', tagName: 'div', properties: { className: ['diagram-rotated'] }, children: [sized(fit.slices[0]!, 0)] }];
  }
  return fit.slices.map((slice, i) => ({
    type: 'element',
    tagName: 'div',
    properties: { className: ['diagram-slice'] },
    children: [...(i > 0 ? [{ type: 'element', tagName: 'p', properties: { className: ['diagram-cont'] }, children: [{ type: 'text', value: '（流程图续）' }] } as Element] : []), sized(slice, i)],
  }));
}
