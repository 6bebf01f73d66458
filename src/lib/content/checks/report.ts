/** A problem found in the content: the file, the line, what is wrong, and how to fix it. */
import type { ParsedFile, SourceFile } from '../parse.ts';

export interface Problem {
  path: string;
  line: number;
  message: string;
  fix: string;
}

export type Report = (where: ParsedFile | SourceFile, line: number, message: string, fix: string) => void;

/** A problem list and the function that adds to it. */
export function collector(): { problems: Problem[]; report: Report } {
  const problems: Problem[] = [];
  const report: Report = (where, line, message, fix) => problems.push({ path: 'file' in where ? where.file.path : where.path, line, message, fix });
  return { problems, report };
}

/** Formats problems for a terminal: one block per problem, file:line first. */
export function formatProblems(problems: Problem[]): string {
  const lines = problems.map((p) => `${p.path}:${p.line}  ${p.message}\n    fix: ${p.fix}`);
  return `Content check failed: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n\n${lines.join('\n')}`;
}
