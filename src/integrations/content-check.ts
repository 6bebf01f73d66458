/**
 * Runs the whole-book content check (lib/content/validate.ts) before Astro builds anything, so bad
 * content stops the build with a list of file:line problems and fixes instead of a stack trace. In
 * `astro dev` it runs again whenever a content file changes and prints what it finds.
 */
import type { AstroIntegration } from 'astro';
import { loadContent } from '../lib/content/load.ts';
import { contentPaths } from '../lib/content/paths.ts';
import { formatProblems, validateContent } from '../lib/content/validate.ts';

export default function contentCheck(): AstroIntegration {
  const paths = contentPaths();
  const run = () => validateContent(loadContent(paths));
  return {
    name: 'handbook-content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        const problems = run();
        if (problems.length === 0) return void logger.info('content check passed');
        if (command === 'dev') return void logger.error(formatProblems(problems));
        const error = new Error(formatProblems(problems));
        error.name = 'ContentError';
        error.stack = error.message;
        throw error;
      },
      'astro:server:setup': ({ server, logger }) => {
        server.watcher.add(paths.root);
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(paths.root)) return;
          const problems = run();
          if (problems.length > 0) logger.error(formatProblems(problems));
          else logger.info('content check passed');
        });
      },
    },
  };
}
