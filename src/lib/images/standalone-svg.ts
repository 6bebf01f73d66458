/**
 * A flowchart as a file of its own (查看大图), to open full screen and zoom: the SVG of the page,
 * written as XML (a browser reads a .svg file with its XML parser, so HTML's unclosed <br> and named
 * character references would break it), with the site's diagram styles inside it.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';

/** `svg`: the diagram's <svg> element from the page; `css`: theme.ts standaloneDiagramCss. */
export function standaloneSvg(svg: Element, css: string): string {
  return svgFile({ ...svg, children: [{ type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: css }] }, ...svg.children] });
}

/** An <svg> element as an SVG file (XML). */
export function svgFile(svg: Element): string {
  if (svg.tagName !== 'svg') throw new Error(`svgFile: expected an <svg> element, got <${svg.tagName}>`);
  const copy: Element = { ...svg, properties: { ...svg.properties, xmlns: 'http://www.w3.org/2000/svg' } };
  const xml = toHtml(copy, {
    space: 'svg',
    closeSelfClosing: true,
    closeEmptyElements: true,
    characterReferences: { useNamedReferences: false },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
}
