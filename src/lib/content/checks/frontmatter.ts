/** Frontmatter against the schemas (lib/content/schema.ts), each problem on the line of its field. */
import { ROLES } from '../../taxonomy.ts';
import type { ParsedFile } from '../parse.ts';
import type { Report } from './report.ts';

interface Issue {
  path: PropertyKey[];
  message: string;
  code: string;
  keys?: string[];
}
interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } };
}

/** The frontmatter as the schema reads it, or undefined after reporting why not. */
export function checkFrontmatter<T>(parsed: ParsedFile, schema: Schema<T>, report: Report): T | undefined {
  if (parsed.fileError) {
    report(parsed, parsed.fileError.line, parsed.fileError.message, parsed.fileError.fix);
    return undefined;
  }
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const [field, index] = issue.path as [string | undefined, number | undefined];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) {
        report(parsed, parsed.lineOf(key), `unknown field "${key}"`, 'remove it, or check its spelling against docs/writing-content.md');
      }
      continue;
    }
    const value = field === undefined ? undefined : (parsed.data ?? {})[field];
    const item = typeof index === 'number' && Array.isArray(value) ? value[index] : value;
    const message =
      value === undefined
        ? `field "${String(field)}" is missing`
        : issue.code === 'invalid_value'
          ? `field "${String(field)}" has an unknown value "${String(item)}"`
          : `field "${issue.path.join('.')}" ${issue.message}`;
    report(parsed, parsed.lineOf(field, typeof index === 'number' ? index : undefined), message, fixFor(String(field)));
  }
  return undefined;
}

function fixFor(field: string): string {
  switch (field) {
    case 'role':
    case 'roles':
      return `use one of: ${ROLES.map((r) => `${r.slug} (${r.name})`).join(', ')}`;
    case 'tags':
      return 'use tag names from TAGS in src/lib/taxonomy.ts (add a new tag there if none fits)';
    case 'source':
      return 'use casebook, article, course or scenario';
    default:
      return 'see docs/writing-content.md for the field';
  }
}
