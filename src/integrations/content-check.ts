/**
 * Runs the whole-book content checks before Astro builds anything, so bad content stops the build
 * with a list of file:line problems and fixes instead of a stack trace.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../lib/content/load.ts';
import { formatProblems, validateContent } from '../lib/content/validate.ts';

export default function contentCheck(contentDir: string): AstroIntegration {
  return {
    name: 'handbook-content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const problems = validateContent(loadContent(root, contentDir));
        if (problems.length > 0) {
          const error = new Error(formatProblems(problems));
          error.name = 'ContentError';
          error.stack = error.message;
          throw error;
        }
        logger.info('content check passed');
      },
    },
  };
}
