/**
 * Draws the share images and pictures to keep from an existing build (dist/), as `npm run build` does
 * at its end, and prints what was drawn, the time (wall and this process's CPU, its drawing threads
 * included) and the size added to dist/: the images benchmark. Goal with the whole book: ≤ 30 s cold
 * on 2 cores, ≤ 2 s when nothing changed.
 * Usage: node scripts/images.ts             (unchanged pictures come from the cache)
 *        node scripts/images.ts --cold      (read every page and draw everything again)
 * Needs a build with SITE_URL set (without it the pages name no share images).
 */
import { join } from 'node:path';
import { buildImages } from '../src/lib/images/build.ts';

const root = join(import.meta.dirname, '..');
const cold = process.argv.includes('--cold');
const wall = performance.now();
const cpu = process.cpuUsage();
const result = await buildImages({ dist: join(root, 'dist'), root, site: process.env.SITE_URL, force: cold });
const used = process.cpuUsage(cpu);
for (const warning of result.warnings) console.log(`warning: ${warning}`);
console.log(
  `${cold ? 'cold' : 'images'}: ${result.shareImages} share images, ${result.diagrams} diagrams (SVG + PNG), ${result.cards} phrase cards; drawn now: ${result.drawn}; ` +
    `${((performance.now() - wall) / 1000).toFixed(1)} s (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s; pictures done at ${result.timing.drawing.toFixed(1)} s on ${result.timing.threads} threads); ` +
    `${(result.bytes / 1024 / 1024).toFixed(1)} MB in dist/`,
);
