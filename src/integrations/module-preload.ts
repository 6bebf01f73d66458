/**
 * The first step after Astro has written the pages: each page lists in its head the modules its
 * scripts import (lib/build/module-preload.ts), so a phone fetches them together instead of one round
 * trip after another.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rewriteHtml, seconds } from '../lib/build/dist-files.ts';
import { withModulePreload } from '../lib/build/module-preload.ts';

export default function modulePreload(): AstroIntegration {
  return {
    name: 'handbook-module-preload',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const dist = fileURLToPath(dir);
        const modules = new Map<string, string>();
        const read = (path: string) => {
          if (!modules.has(path)) modules.set(path, readFileSync(join(dist, path), 'utf8'));
          return modules.get(path)!;
        };
        const changed = rewriteHtml(dist, (html) => withModulePreload(html, read));
        logger.info(`step module preload: ${changed} pages list the modules their scripts import; ${seconds(started)}`);
      },
    },
  };
}
