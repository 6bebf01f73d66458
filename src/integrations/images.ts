/**
 * The share images and the pictures to keep, after the pages, the search index and the PDFs are
 * written (lib/images/build.ts). Unchanged pictures come from the cache; a failure fails the build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { seconds } from '../lib/build/dist-files.ts';
import { buildImages } from '../lib/images/build.ts';

export default function images(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'handbook-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const result = await buildImages({ dist: fileURLToPath(dir), root: process.cwd(), site });
        for (const warning of result.warnings) logger.warn(warning);
        logger.info(
          `step images: ${result.shareImages} share images, ${result.diagrams} diagrams, ${result.cards} phrase cards; drawn now: ${result.drawn} (the others cached); ${(result.bytes / 1024 / 1024).toFixed(1)} MB in dist/; ${seconds(started)}`,
        );
      },
    },
  };
}
