/**
 * Which Chromium the build (Mermaid) and the tests (Playwright) launch. Debian's /usr/bin/chromium
 * where it is installed (Playwright cannot download its own browser on machines without access to
 * its CDN); Playwright's own browser otherwise, or when PLAYWRIGHT_CHROMIUM=bundled.
 */
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface ChromiumLaunch {
  executablePath?: string;
  args: string[];
}

export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env): ChromiumLaunch {
  const path = env.CHROMIUM_PATH ?? SYSTEM_CHROMIUM;
  const useSystem = env.PLAYWRIGHT_CHROMIUM !== 'bundled' && existsSync(path);
  return {
    ...(useSystem ? { executablePath: path } : {}),
    // Quiet background traffic: the readers' and CI's networks allow no third-party hosts.
    args: ['--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  };
}
