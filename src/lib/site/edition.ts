/**
 * The edition date printed on PDF covers: when the content last changed, never the time of the build,
 * so two builds of the same commit are the same. SOURCE_DATE_EPOCH (the reproducible-builds
 * convention) wins; else the date of the last git commit; else the newest content file.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function editionDate(contentRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (Number.isFinite(epoch) && epoch > 0) return new Date(epoch * 1000).toISOString().slice(0, 10);
  try {
    const date = execFileSync('git', ['log', '-1', '--format=%cs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  } catch {
    /* not a git checkout */
  }
  const newest = (readdirSync(contentRoot, { recursive: true, encoding: 'utf8' }) as string[]).reduce((max, f) => Math.max(max, statSync(join(contentRoot, f)).mtimeMs), 0);
  return new Date(newest).toISOString().slice(0, 10);
}
