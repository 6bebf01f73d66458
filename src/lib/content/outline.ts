/**
 * The book's outline (content/outline.json): the nine parts and their numbered sections, as in the
 * printed book's table of contents. Section files must agree with it.
 */
export interface OutlineSection {
  number: string;
  title: string;
  /** Printed page where the section starts (its length in the book guides ours). */
  page: number;
}

export interface OutlinePart extends OutlineSection {
  sections: OutlineSection[];
}

export interface Outline {
  book: string;
  parts: OutlinePart[];
}

/** Every part and section of the outline, by number. */
export function outlineEntries(outline: Outline): Map<string, OutlineSection> {
  const entries = new Map<string, OutlineSection>();
  for (const part of outline.parts) {
    entries.set(part.number, part);
    for (const section of part.sections) entries.set(section.number, section);
  }
  return entries;
}
