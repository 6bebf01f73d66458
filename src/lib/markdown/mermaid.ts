/**
 * Build-time Mermaid: rehype-mermaid renders ```mermaid blocks to inline SVG in Chromium; these two
 * plugins run around it to
 * - skip rendering diagrams whose source and config are unchanged (an on-disk cache keyed by both),
 * - give every diagram ids of its own (rehype-mermaid numbers ids per file: mermaid-0, mermaid-1 …,
 *   which collide when several files share a page such as the whole-book PDF),
 * - wrap each diagram in a figure that scrolls sideways on phones.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtmlIsomorphic } from 'hast-util-from-html-isomorphic';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';
import { h } from 'hastscript';
import { NOT_SEARCHED_PROP, SCREEN_ONLY_PROP } from '../site/markers.ts';
import { diagramUrl } from '../site/urls.ts';
import { displayPath } from '../content/paths.ts';
import { explainMermaidError } from './mermaid-errors.ts';

export interface MermaidCacheOptions {
  /** Folder for cached SVGs. */
  dir: string;
  /** Everything that changes the output besides the source (Mermaid config, renderer version). */
  config: unknown;
}

const KEY_ATTR = 'dataDiagramKey';
/** On screen a diagram shrinks to fit the column, but labels stay at 11 px or more (16 px × 0.69). */
export const MIN_READABLE_SCALE = 0.69;
/** The text column of a 390 px phone, in CSS px: wider diagrams scroll there, with a hint. */
const PHONE_BOX = 337;

export function diagramKey(source: string, config: unknown): string {
  return createHash('sha256').update(JSON.stringify([config, source.trim()])).digest('hex').slice(0, 12);
}

/** Replaces every occurrence of a Mermaid-generated id in an SVG string with a new one. */
export function renameSvgId(svg: string, oldId: string, newId: string): string {
  const escaped = oldId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return svg.replace(new RegExp(`${escaped}(?![0-9])`, 'g'), newId);
}

function isMermaidPre(node: Element): boolean {
  const code = node.children.find((c): c is Element => c.type === 'element');
  const className = code?.properties.className;
  return node.tagName === 'pre' && code?.tagName === 'code' && Array.isArray(className) && className.includes('language-mermaid');
}

function figure(key: string, content: ElementContent): Element {
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['diagram'], [KEY_ATTR]: key },
    children: [content],
  };
}

function parseSvg(svg: string): ElementContent {
  return fromHtmlIsomorphic(svg, { fragment: true }).children[0] as ElementContent;
}

/** "流程图：受理；登记；…", from the diagram's node labels in drawing order, for screen readers. */
export function diagramLabel(svg: Element): string {
  const labels: string[] = [];
  visit(svg, 'element', (node: Element) => {
    const className = node.properties.className;
    if (Array.isArray(className) && className.includes('nodeLabel')) {
      const text = toText(node).trim();
      if (text && !labels.includes(text)) labels.push(text);
      return 'skip';
    }
    return undefined;
  });
  return `流程图：${labels.join('；')}`;
}

/** Before rehype-mermaid: cached diagrams become SVG now; the others are left for rendering. */
export function rehypeMermaidCacheLookup(options: MermaidCacheOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (!parent || index === undefined || !isMermaidPre(node)) return;
      const key = diagramKey(toText(node, { whitespace: 'pre' }), options.config);
      const cached = join(options.dir, `${key}.svg`);
      parent.children[index] = figure(key, existsSync(cached) ? parseSvg(readFileSync(cached, 'utf8')) : node);
      return 'skip';
    });
  };
}

/** After rehype-mermaid: give new SVGs their own ids, store them, and finish every figure. */
export function rehypeMermaidCacheStore(options: MermaidCacheOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const key = node.properties[KEY_ATTR];
      if (node.tagName !== 'figure' || typeof key !== 'string') return;
      delete node.properties[KEY_ATTR];
      let svg = node.children[0];
      if (svg?.type !== 'element' || svg.tagName !== 'svg') return;
      const newId = `diagram-${key}`;
      if (svg.properties.id !== newId) {
        const html = renameSvgId(toHtml(svg), String(svg.properties.id), newId);
        mkdirSync(options.dir, { recursive: true });
        writeFileSync(join(options.dir, `${key}.svg`), html);
        svg = parseSvg(html) as Element;
      }
      svg.properties.role = 'img';
      // Alternative text: Mermaid's own (accTitle/accDescr) when the diagram has one, else its labels.
      if (!svg.properties.ariaLabelledBy) svg.properties.ariaLabel = diagramLabel(svg);
      const width = Number.parseFloat(String(svg.properties.width)) || 0;
      const wide = width * MIN_READABLE_SCALE > PHONE_BOX;
      node.properties = { ...node.properties, dataDiagram: key, className: ['diagram', ...(wide ? ['wide'] : [])], style: `--diagram-width: ${Math.ceil(width)}px` };
      node.children = [
        h('section', { className: ['scroll-box'], tabIndex: 0, ariaLabel: wide ? '流程图（较宽，可左右滑动）' : '流程图' }, [svg]),
        h('figcaption', { [SCREEN_ONLY_PROP]: '', [NOT_SEARCHED_PROP]: '' }, [
          ...(wide ? [h('span', { className: ['scroll-hint'] }, '图较宽，左右滑动可看全。')] : []),
          h('a', { href: diagramUrl(key, 'svg') }, '查看大图'),
          h('a', { href: diagramUrl(key, 'png') }, '保存图片'),
        ]),
      ];
      return 'skip';
    });
  };
}

/**
 * rehype-mermaid's errorFallback: a diagram Mermaid cannot read stops the build with the content
 * file, the line of the broken diagram line (not the fence) and what to fix, like the content check.
 */
export function mermaidErrorFallback(element: Element, _diagram: string, error: unknown, file: { path?: string }): never {
  const explained = explainMermaidError(error instanceof Error ? error.message : String(error));
  const fence = element.position?.start.line;
  const line = fence === undefined ? '?' : fence + (explained.diagramLine ?? 0);
  const path = file.path ? displayPath(file.path) : '(unknown file)';
  const detail = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
  const problem = new Error(`Content check failed: 1 problem\n\n${path}:${line}  flowchart: ${explained.problem} (Mermaid: ${detail})\n    fix: ${explained.fix}`);
  problem.name = 'ContentError';
  problem.stack = problem.message;
  throw problem;
}
