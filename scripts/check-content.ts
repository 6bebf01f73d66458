/**
 * The content check on its own, without building the site (about a second): schemas, numbering,
 * anchors and every cross-reference. `npm run build` runs the same check first.
 * Usage: npm run check:content
 */
import { loadContent } from '../src/lib/content/load.ts';
import { formatProblems, validateContent } from '../src/lib/content/validate.ts';

const root = process.cwd();
const problems = validateContent(loadContent(root, process.env.HANDBOOK_CONTENT_DIR ?? 'content'));
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log('content check passed');
