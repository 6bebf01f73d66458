/**
 * Rebuilds the classroom PDFs from an existing build (dist/), as `npm run build` does at its end, and
 * prints each file's pages and size and the time taken (the PDF benchmark; goal ≤ 90 s cold on 2 cores,
 * ≤ 10 s when nothing changed).
 * Usage: npm run pdf            (unchanged layouts come from the cache)
 *        npm run pdf -- --cold  (lay everything out again)
 */
import { join } from 'node:path';
import { seconds } from '../src/lib/build/dist-files.ts';
import { buildPdfs } from '../src/lib/pdf/build.ts';
import { formatSize } from '../src/lib/pdf/documents.ts';
import { writeServerFiles } from '../src/integrations/precompress.ts';

const root = join(import.meta.dirname, '..');
const started = performance.now();
const { files, printed } = await buildPdfs({ dist: join(root, 'dist'), root, force: process.argv.includes('--cold'), log: console.log });
for (const f of files) console.log(`${f.file.padEnd(26)} ${String(f.pages).padStart(4)} pages  ${formatSize(f.bytes).padStart(8)}`);
console.log(`PDFs: ${files.length} files in ${seconds(started)} (printed now: ${printed.join(', ') || 'none, all cached'})`);
// The download links' sizes changed pages: their compressed copies and header files follow.
console.log(await writeServerFiles(join(root, 'dist'), root));
