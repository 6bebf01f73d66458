/**
 * Mermaid's syntax errors in words a writer can act on, pointing at the line of the content file.
 * Mermaid says "Parse error on line 3: … Expecting 'SQE', … got 'PS'"; the writer needs "line 27 of
 * 4/1.mdx: a label has a bracket in it: put the label in double quotes".
 */

export interface DiagramProblem {
  /** Line within the diagram (1 = the line after the opening fence), when Mermaid names one. */
  diagramLine?: number;
  problem: string;
  fix: string;
}

const BRACKETS = new Set(['PS', 'PE', 'SQS', 'SQE', 'DIAMOND_START', 'DIAMOND_STOP', 'STR', 'TAGEND', 'TAGSTART', 'PIPE']);

export function explainMermaidError(message: string): DiagramProblem {
  const line = /(?:Parse|Lexical) error on line (\d+)/.exec(message)?.[1];
  const got = /got '([A-Z_]+)'/.exec(message)?.[1];
  const at = line ? { diagramLine: Number(line) } : {};
  if (/No diagram type detected|UnknownDiagramError/i.test(message)) {
    return { problem: 'the diagram does not say what kind it is', fix: 'start the block with a line "flowchart TD"' };
  }
  if (got && BRACKETS.has(got)) {
    return {
      ...at,
      problem: 'a label has a bracket, brace, quote or | in it, which Mermaid reads as syntax',
      fix: 'put the whole label in double quotes, like A["先听（不打断）"], and write quotes inside it as “ ”',
    };
  }
  if (/Lexical error/.test(message)) {
    return { ...at, problem: 'Mermaid cannot read a character on this line', fix: 'check the arrows (-->, -->|文字|) and that every label is in double quotes' };
  }
  if (got === 'EOF' || /Expecting .*got 'EOF'/.test(message)) {
    return { ...at, problem: 'the diagram ends in the middle of a line', fix: 'finish the last arrow: A --> B' };
  }
  return { ...at, problem: 'Mermaid cannot read this line', fix: 'compare it with the flowchart example in docs/writing-content.md: A["文字"] --> B{"问题？"} and B -->|是| C["文字"]' };
}
