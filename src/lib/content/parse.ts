/**
 * Reading one content file, once: its frontmatter (with the line of every field) and its body as the
 * Markdown syntax tree the renderer builds (lib/markdown/syntax.ts), with positions that are lines of
 * the file. Every check reads this; nothing re-reads the text with regular expressions.
 */
import type { Root } from 'mdast';
import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';
import { contentParser } from '../markdown/syntax.ts';

export interface SourceFile {
  /** Path as shown in messages, relative to the project root: content/book/2/17.mdx */
  path: string;
  text: string;
}

export interface FileProblem {
  line: number;
  message: string;
  fix: string;
}

export interface ParsedFile {
  file: SourceFile;
  /** Parsed frontmatter (undefined when missing or not YAML). */
  data: Record<string, unknown> | undefined;
  /** Problem with the file itself (encoding, frontmatter block), if any: the file is not checked further. */
  fileError?: FileProblem;
  /** The body could not be parsed as MDX (its tree is then empty). */
  bodyError?: FileProblem;
  /** 1-based line of a top-level field (or of its n-th list item); 1 when absent. */
  lineOf(field: string | number | undefined, index?: number): number;
  /** The body's syntax tree; positions are lines of the whole file. */
  tree: Root;
}

const parser = contentParser();
const FRONTMATTER_FIX = 'see docs/writing-content.md for the frontmatter format';

export function parseSourceFile(file: SourceFile): ParsedFile {
  const empty: Root = { type: 'root', children: [] };
  const fieldLines = new Map<string, number>();
  const itemLines = new Map<string, number[]>();
  const lineOf: ParsedFile['lineOf'] = (field, index) => {
    if (field === undefined) return 1;
    const key = String(field);
    const item = index === undefined ? undefined : itemLines.get(key)?.[index];
    return item ?? fieldLines.get(key) ?? 1;
  };
  const failed = (line: number, message: string, fix = FRONTMATTER_FIX): ParsedFile => ({ file, data: undefined, fileError: { line, message, fix }, lineOf, tree: empty });

  if (file.text.charCodeAt(0) === 0xfeff) {
    return failed(1, 'the file starts with a byte-order mark (BOM), which hides its frontmatter', 'save the file as UTF-8 without BOM (in most editors: “UTF-8”, not “UTF-8 with BOM”)');
  }
  const lines = file.text.split(/\r?\n/);
  if (lines[0] !== '---') return failed(1, 'has no frontmatter: the file must start with a line "---"');
  const end = lines.indexOf('---', 1);
  if (end < 0) return failed(1, 'frontmatter is not closed: add a line "---" after the last field');

  const counter = new LineCounter();
  const doc = parseDocument(lines.slice(1, end).join('\n'), { lineCounter: counter, prettyErrors: false });
  const lineAt = (node: Node | null | undefined) => (node?.range ? counter.linePos(node.range[0]).line + 1 : 1);
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    return failed(counter.linePos(err.pos[0]).line + 1, `frontmatter is not valid YAML (${err.code}): ${err.message.split('\n')[0]}`);
  }
  if (!isMap(doc.contents)) return failed(2, 'frontmatter must be a list of "field: value" lines');
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    fieldLines.set(key, lineAt(pair.key as Node));
    const value = pair.value as Node | null;
    if (value && 'items' in value && Array.isArray((value as { items: unknown[] }).items)) {
      itemLines.set(key, (value as { items: Node[] }).items.map((item) => lineAt(item)));
    }
  }
  const data = doc.toJSON() as Record<string, unknown>;

  // The body keeps its place in the file: the frontmatter lines become empty lines, as the renderer does.
  const body = [...lines.slice(0, end + 1).map(() => ''), ...lines.slice(end + 1)].join('\n');
  try {
    return { file, data, lineOf, tree: parser.parse(body) };
  } catch (error) {
    const e = error as { line?: number; reason?: string; message: string };
    return { file, data, lineOf, tree: empty, bodyError: { line: e.line ?? end + 2, ...mdxProblem(e.reason ?? e.message) } };
  }
}

/** An MDX syntax error in words a writer can act on. */
export function mdxProblem(reason: string): { message: string; fix: string } {
  const message = `the text cannot be read as MDX: ${reason.replace(/\s+/g, ' ').trim()}`;
  if (/expression|acorn|brace|`\{`|`\}`/i.test(reason)) {
    return { message, fix: 'a brace { } starts code in MDX: write full-width ｛ ｝ in Chinese text, or escape it as \\{ \\}' };
  }
  if (/tag|element|JSX|`<`/i.test(reason)) {
    return { message, fix: 'a < starts an HTML/JSX tag in MDX: write 小于/不超过 in words, or escape it as \\<' };
  }
  return { message, fix: 'check the line for a stray < { } or an unclosed tag; see docs/writing-content.md' };
}
