/**
 * The content check on its own, without building the site (about a second): schemas, numbering,
 * anchors, links and every cross-reference. `npm run build` and `npm run dev` run the same check.
 * Usage: npm run check:content
 */
import { loadContent } from '../src/lib/content/load.ts';
import { checkContent, formatProblems } from '../src/lib/content/validate.ts';

const { problems, stats } = checkContent(loadContent());
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`content check passed: ${stats.sections} book pages, ${stats.cases} cases, ${stats.phraseCards} phrase cards from ${stats.phraseBlocks} 话术 blocks`);
