/**
 * Draws the share images and pictures to keep from an existing build (dist/), as `npm run build` does
 * at its end, and prints what was drawn, the time and the size added to dist/ (the images benchmark;
 * goal with the whole book: ≤ 30 s cold on 2 cores, ≤ 2 s when nothing changed).
 * Usage: node scripts/images.ts           (unchanged pictures come from the cache)
 *        node scripts/images.ts --cold    (draw everything again)
 * Needs a build with SITE_URL set (without it the pages name no share images).
 */
import { join } from 'node:path';
import { seconds } from '../src/lib/build/dist-files.ts';
import { buildImages } from '../src/lib/images/build.ts';

const root = join(import.meta.dirname, '..');
const site = process.env.SITE_URL;
const started = performance.now();
const result = await buildImages({ dist: join(root, 'dist'), root, site, force: process.argv.includes('--cold') });
for (const warning of result.warnings) console.log(`warning: ${warning}`);
console.log(
  `drawing: ${result.timing.drawing.toFixed(1)} s on ${result.timing.threads} threads; diagrams in Chromium: ${result.timing.photographing.toFixed(1)} s (side by side)`,
);
console.log(
  `images: ${result.shareImages} share images, ${result.diagrams} diagrams (SVG + PNG), ${result.cards} phrase cards; drawn now: ${result.drawn}; ${(result.bytes / 1024 / 1024).toFixed(1)} MB in dist/; ${seconds(started)}`,
);
