/**
 * Reading one content file: frontmatter (with the line of every field) and the body lines.
 */
import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';

export interface SourceFile {
  /** Path as shown in messages, relative to the project root: content/book/2/17.mdx */
  path: string;
  text: string;
}

export interface ParsedFile {
  file: SourceFile;
  /** Parsed frontmatter (undefined when missing or not YAML). */
  data: Record<string, unknown> | undefined;
  /** Problem with the frontmatter block itself, if any. */
  frontmatterError?: { line: number; message: string };
  /** 1-based line of a top-level field (or of the frontmatter start when absent). */
  lineOf(field: string | number | undefined, index?: number): number;
  /** Body lines with their 1-based line numbers in the file, fenced code blocks marked. */
  body: BodyLine[];
}

export interface BodyLine {
  line: number;
  text: string;
  inCode: boolean;
}

const FENCE = /^\s*(```|~~~)/;

export function parseSourceFile(file: SourceFile): ParsedFile {
  const lines = file.text.split(/\r?\n/);
  let data: Record<string, unknown> | undefined;
  let frontmatterError: ParsedFile['frontmatterError'];
  let bodyStart = 0;
  const fieldLines = new Map<string, number>();
  const itemLines = new Map<string, number[]>();

  if (lines[0] !== '---') {
    frontmatterError = { line: 1, message: 'has no frontmatter: the file must start with a line "---"' };
  } else {
    const end = lines.indexOf('---', 1);
    if (end < 0) {
      frontmatterError = { line: 1, message: 'frontmatter is not closed: add a line "---" after the last field' };
    } else {
      bodyStart = end + 1;
      const counter = new LineCounter();
      const yamlText = lines.slice(1, end).join('\n');
      const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
      const lineAt = (node: Node | null | undefined) =>
        node?.range ? counter.linePos(node.range[0]).line + 1 : 1;
      if (doc.errors.length > 0) {
        const err = doc.errors[0]!;
        frontmatterError = {
          line: counter.linePos(err.pos[0]).line + 1,
          message: `frontmatter is not valid YAML (${err.code}): ${err.message.split('\n')[0]}`,
        };
      } else if (!isMap(doc.contents)) {
        frontmatterError = { line: 2, message: 'frontmatter must be a list of "field: value" lines' };
      } else {
        data = doc.toJSON() as Record<string, unknown>;
        for (const pair of doc.contents.items) {
          if (!isScalar(pair.key)) continue;
          const key = String(pair.key.value);
          fieldLines.set(key, lineAt(pair.key as Node));
          const value = pair.value as Node | null;
          if (value && 'items' in value && Array.isArray((value as { items: unknown[] }).items)) {
            itemLines.set(
              key,
              (value as { items: Node[] }).items.map((item) => lineAt(item)),
            );
          }
        }
      }
    }
  }

  const body: BodyLine[] = [];
  let inCode = false;
  for (let i = bodyStart; i < lines.length; i++) {
    const text = lines[i]!;
    const fence = FENCE.test(text);
    body.push({ line: i + 1, text, inCode: inCode || fence });
    if (fence) inCode = !inCode;
  }

  return {
    file,
    data,
    ...(frontmatterError ? { frontmatterError } : {}),
    lineOf(field, index) {
      if (field === undefined) return 1;
      const key = String(field);
      if (index !== undefined) {
        const items = itemLines.get(key);
        if (items?.[index] !== undefined) return items[index]!;
      }
      const line = fieldLines.get(key);
      return line ?? 1;
    },
    body,
  };
}
