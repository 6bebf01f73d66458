/**
 * The classroom PDFs, after the site and its search index are written (lib/pdf/build.ts). Unchanged
 * layouts come from the cache; a failure fails the build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { seconds } from '../lib/build/dist-files.ts';
import { buildPdfs } from '../lib/pdf/build.ts';

export default function pdfs(): AstroIntegration {
  return {
    name: 'handbook-pdf',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // A developer's shortcut for quick rebuilds; a site built this way has broken PDF links.
        if (process.env.HANDBOOK_SKIP_PDF) return void logger.warn('PDFs skipped (HANDBOOK_SKIP_PDF is set): the download links of this build are broken');
        const started = performance.now();
        const { files, printed } = await buildPdfs({ dist: fileURLToPath(dir), root: process.cwd(), log: (line) => logger.info(line) });
        const pages = files.reduce((sum, f) => sum + f.pages, 0);
        logger.info(`step PDFs: ${files.length} files, ${pages} pages; printed now: ${printed.join(', ') || 'none (all cached)'}; ${seconds(started)}`);
      },
    },
  };
}
