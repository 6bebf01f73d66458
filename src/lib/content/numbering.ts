/**
 * Section numbers of the book: "2" (a part), "2.17" (a section), "4.1.3" (a subsection).
 * Numbers are strings in content, compared and ordered numerically here.
 */

export const NUMBER_PATTERN = /^[1-9]\d*(\.[1-9]\d*){0,2}$/;

export type NodeKind = 'part' | 'section' | 'subsection';

export function isSectionNumber(value: string): boolean {
  return NUMBER_PATTERN.test(value);
}

export function numberParts(number: string): number[] {
  if (!isSectionNumber(number)) throw new Error(`"${number}" is not a section number like 2 or 2.17 or 4.1.3`);
  return number.split('.').map(Number);
}

export function kindOf(number: string): NodeKind {
  const depth = numberParts(number).length;
  return depth === 1 ? 'part' : depth === 2 ? 'section' : 'subsection';
}

/** "4.1.3" → "4.1"; "2.17" → "2"; a part has no parent. */
export function parentNumber(number: string): string | undefined {
  const parts = numberParts(number);
  return parts.length > 1 ? parts.slice(0, -1).join('.') : undefined;
}

/** "4.1.3" → "4" */
export function partOf(number: string): string {
  return String(numberParts(number)[0]);
}

/** Book order: 2 < 2.1 < 2.2 < 2.10 < 3 (a node comes before its children). */
export function compareNumbers(a: string, b: string): number {
  const pa = numberParts(a);
  const pb = numberParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return 0;
}

/** Path of the content file for a number, relative to content/book: "2.17" → "2/17.mdx". */
export function fileForNumber(number: string): string {
  return `${numberParts(number).join('/')}.mdx`;
}

/** Inverse of fileForNumber: "2/17.mdx" → "2.17"; undefined when the path does not follow the rule. */
export function numberForFile(relativePath: string): string | undefined {
  const match = /^(\d+(?:\/\d+){0,2})\.mdx$/.exec(relativePath);
  if (!match) return undefined;
  const number = match[1]!.replaceAll('/', '.');
  return isSectionNumber(number) ? number : undefined;
}

/** Case ids: two-digit role code + three-digit serial ("01003"). */
export const CASE_ID_PATTERN = /^(0[1-9])(\d{3})$/;

export function roleCodeOfCase(id: string): string | undefined {
  return CASE_ID_PATTERN.exec(id)?.[1];
}
