/**
 * A flowchart made drawable without a browser, for its picture to keep (保存图片). Mermaid writes its
 * labels as HTML inside the SVG (foreignObject), which only a browser lays out, and colours the
 * shapes through CSS variables, which resvg does not know. Flattened, the diagram is:
 * - its SVG without the labels, with the site's diagram colours (light theme) as plain CSS after
 *   Mermaid's own rules, which resvg draws;
 * - its labels as boxes in the SVG's coordinates with their lines of text, which satori sets in the
 *   pictures' font (layouts.ts diagramPicture): the same font as the page's (Noto Sans SC is Noto Sans
 *   CJK SC's design), in the boxes Mermaid measured for it.
 */
import type { Element, ElementContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { svgFile } from './standalone-svg.ts';

export interface DiagramLabel {
  /** The box Mermaid made for the label (SVG user units, from the top left of the viewBox). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Its lines as written (a line may still wrap in the box when `wrap`). */
  lines: string[];
  /** Mermaid lets the text wrap at the box's width (white-space: break-spaces); otherwise it stays on its lines. */
  wrap: boolean;
  /** An edge's label: drawn on the diagram's surface colour, over the line it names. */
  onEdge: boolean;
}

export interface FlatDiagram {
  /** The SVG file to draw, labels left out. */
  svg: string;
  /** The viewBox's size (SVG user units). */
  width: number;
  height: number;
  /** The labels' font size (SVG user units), as Mermaid set it. */
  fontSize: number;
  labels: DiagramLabel[];
}

/** Mermaid's font size when its stylesheet names none. */
const MERMAID_FONT_SIZE = 16;

const TRANSLATE = /^\s*translate\(\s*(-?[\d.e+-]+)(?:[\s,]+(-?[\d.e+-]+))?\s*\)\s*$/;

/**
 * `svg`: the diagram's <svg> from the page; `rules`: the site's diagram rules for the diagram with
 * this id, colours written out (theme.ts pictureDiagramCss).
 */
export function flattenDiagram(svg: Element, rules: (id: string) => string): FlatDiagram {
  const id = String(svg.properties.id ?? '');
  const box = String(svg.properties.viewBox ?? '').trim().split(/[\s,]+/).map(Number);
  if (!id || box.length !== 4 || box.some((n) => !Number.isFinite(n))) throw new Error(`diagram <svg id="${id}">: no id or viewBox to draw it by (was it written by Mermaid?)`);
  const [minX, minY, width, height] = box as [number, number, number, number];
  const labels: DiagramLabel[] = [];

  const strip = (node: Element, x: number, y: number, onEdge: boolean): Element => {
    const children: ElementContent[] = [];
    for (const child of node.children) {
      if (child.type !== 'element') {
        children.push(child);
        continue;
      }
      const [dx, dy] = offset(child, id);
      const edge = onEdge || classes(child).includes('edgeLabel');
      if (child.tagName === 'foreignObject') {
        const label = labelOf(child, x + dx - minX, y + dy - minY, edge);
        if (label) labels.push(label);
        continue;
      }
      children.push(strip(child, x + dx, y + dy, edge));
    }
    return { ...node, children };
  };
  const flat = strip(svg, 0, 0, false);
  flat.children.push({ type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: rules(id) }] });
  const css = svg.children.flatMap((c) => (c.type === 'element' && c.tagName === 'style' ? [toText(c)] : [])).join('');
  const fontSize = Number(new RegExp(`#${id}\\{[^}]*font-size:\\s*([\\d.]+)px`).exec(css)?.[1] ?? MERMAID_FONT_SIZE);
  return { svg: svgFile(flat), width, height, fontSize, labels };
}

/** An element's own offset: its translate() and, for a foreignObject, its x and y. Any other transform is an error. */
function offset(node: Element, id: string): [number, number] {
  const placed = node.tagName === 'foreignObject';
  let dx = placed ? Number(node.properties.x ?? 0) : 0;
  let dy = placed ? Number(node.properties.y ?? 0) : 0;
  const transform = node.properties.transform;
  if (transform !== undefined && String(transform).trim() !== '') {
    const m = TRANSLATE.exec(String(transform));
    if (!m) throw new Error(`diagram <svg id="${id}">: a transform other than translate() (${String(transform)}); fix: flattenDiagram in src/lib/images/diagram-flatten.ts must learn it`);
    dx += Number(m[1]);
    dy += Number(m[2] ?? 0);
  }
  return [dx, dy];
}

function labelOf(node: Element, x: number, y: number, onEdge: boolean): DiagramLabel | undefined {
  const width = Number(node.properties.width);
  const height = Number(node.properties.height);
  const paragraphs: Element[] = [];
  const collect = (n: Element) => {
    for (const c of n.children) if (c.type === 'element') (c.tagName === 'p' ? paragraphs.push(c) : collect(c));
  };
  collect(node);
  const lines = (paragraphs.length ? paragraphs : [node]).flatMap((p) => toText(p).split('\n')).map((l) => l.trim()).filter(Boolean);
  if (!lines.length || !(width > 0) || !(height > 0)) return undefined;
  const box = node.children.find((c): c is Element => c.type === 'element');
  return { x, y, width, height, lines, wrap: /white-space:\s*break-spaces/.test(String(box?.properties.style ?? '')), onEdge };
}

const classes = (node: Element): string[] => (Array.isArray(node.properties.className) ? node.properties.className.map(String) : []);
