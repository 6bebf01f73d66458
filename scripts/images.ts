/**
 * Draws the share images and pictures to keep from an existing build (dist/), as `npm run build` does
 * at its end, and prints what was drawn, the time (wall and this process's CPU, Chromium's not
 * included) and the size added to dist/: the images benchmark. Goal with the whole book: ≤ 30 s cold
 * on 2 cores, ≤ 2 s when nothing changed.
 * Usage: node scripts/images.ts             (unchanged pictures come from the cache)
 *        node scripts/images.ts --cold      (draw everything again)
 *        node scripts/images.ts --cards 350 (cold, then warm, with an empty cache of its own, on a copy
 *                                            of dist/'s pages plus 350 phrase-card pages made from the
 *                                            content's 可以这样说 / 避免这样说 blocks: the whole book
 *                                            before the phrase book exists)
 * Needs a build with SITE_URL set (without it the pages name no share images).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { htmlFiles } from '../src/lib/build/dist-files.ts';
import { buildImages, type ImageBuildResult } from '../src/lib/images/build.ts';
import { ogImageUrl, phraseCardUrl } from '../src/lib/site/urls.ts';

const root = join(import.meta.dirname, '..');
const site = process.env.SITE_URL;
const args = process.argv.slice(2);
const cardsAt = args.indexOf('--cards');

async function run(label: string, options: { dist: string; force?: boolean; cacheDir?: string }): Promise<ImageBuildResult> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = await buildImages({ ...options, root, site });
  const used = process.cpuUsage(cpu);
  for (const warning of result.warnings) console.log(`warning: ${warning}`);
  console.log(
    `${label}: ${result.shareImages} share images, ${result.diagrams} diagrams (SVG + PNG), ${result.cards} phrase cards; drawn now: ${result.drawn}; ` +
      `${((performance.now() - wall) / 1000).toFixed(1)} s (CPU ${((used.user + used.system) / 1e6).toFixed(1)} s; satori ${result.timing.drawing.toFixed(1)} s on ${result.timing.threads} threads, Chromium ${result.timing.photographing.toFixed(1)} s, side by side); ` +
      `${(result.bytes / 1024 / 1024).toFixed(1)} MB in dist/`,
  );
  return result;
}

/** Lines of the content's 可以这样说 and 避免这样说 blocks, in order. */
function contentLines(label: string): string[] {
  const files = (readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.mdx'));
  return files.flatMap((f) =>
    [...readFileSync(join(root, 'content', f), 'utf8').matchAll(new RegExp(`> \\*\\*${label}\\*\\*\\n>\\n((?:> - .*\\n)+)`, 'g'))].flatMap((m) => m[1]!.trim().split('\n').map((l) => l.replace(/^> - /, ''))),
  );
}

function cardPage(id: string, n: number, say: string[], avoid: string[]): string {
  const situation = say[n % say.length]!.replace(/[“”]/g, '').slice(0, 14);
  const url = (path: string) => (site ? new URL(path, site).toString() : path);
  const items = (lines: string[]) => lines.map((l) => `<li>${l}</li>`).join('');
  const pick = (lines: string[], count: number) => Array.from({ length: count }, (_, i) => lines[(n * 3 + i) % lines.length]!);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${situation}</title><link rel="canonical" href="${url(phraseCardUrl(id))}">
<meta property="og:title" content="${situation}"><meta property="og:description" content="${say[n % say.length]}">
${site ? `<meta property="og:image" content="${url(ogImageUrl(phraseCardUrl(id)))}">` : ''}</head><body><main>
<article data-phrase-card="${id}"><h1 data-card-situation>${situation}</h1><p data-card-source>5.1.${n % 30} ${situation}</p>
<div data-card-say><ul>${items(pick(say, 1 + (n % 3)))}</ul></div><div data-card-avoid><ul>${items(pick(avoid, 1 + (n % 2)))}</ul></div></article></main></body></html>`;
}

const dist = join(root, 'dist');
if (cardsAt < 0) {
  await run(args.includes('--cold') ? 'cold' : 'images', { dist, force: args.includes('--cold') });
} else {
  const count = Number(args[cardsAt + 1]);
  const copy = mkdtempSync(join(tmpdir(), 'handbook-images-'));
  try {
    for (const file of htmlFiles(dist)) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(join(dist, file), join(copy, file));
    }
    const say = contentLines('可以这样说');
    const avoid = contentLines('避免这样说');
    for (let n = 0; n < count; n++) {
      const id = `bench-${n}`;
      mkdirSync(join(copy, phraseCardUrl(id)), { recursive: true });
      writeFileSync(join(copy, phraseCardUrl(id), 'index.html'), cardPage(id, n, say, avoid));
    }
    console.log(`${htmlFiles(dist).length} pages of dist/ and ${count} phrase-card pages (from ${say.length} lines to say, ${avoid.length} to avoid), in ${copy}`);
    // A cache of its own, empty: cold is cold (no page read before, no picture drawn), and the
    // project's cache keeps what the real build uses.
    const cacheDir = join(copy, '.cache');
    await run('cold', { dist: copy, cacheDir });
    await run('warm', { dist: copy, cacheDir });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}
