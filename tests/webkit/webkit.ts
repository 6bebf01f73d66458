/**
 * A real WebKit for the smoke tests: Debian's WebKitGTK (package webkit2gtk-driver), driven over
 * WebDriver by selenium-webdriver, in a 390×844 window on a virtual X display (package xvfb).
 * iPhone readers' WeChat is WebKit (WKWebView); every other test runs in Chromium.
 *
 * Playwright's WebKit is a patched build that Playwright downloads from its CDN (not reachable from
 * every machine, and built for Ubuntu); WebKitGTK is a released WebKit from the distribution.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Builder, type WebDriver } from 'selenium-webdriver';
import { dist, serveDist } from '../../scripts/lib/serve-dist.ts';
import { freePort } from '../../scripts/lib/free-port.ts';

export const PHONE = { width: 390, height: 844 } as const;

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, command)));
}

/** Why WebKit cannot run on this machine, or undefined when it can. */
export function webkitUnavailable(): string | undefined {
  const missing = [!onPath('WebKitWebDriver') && 'webkit2gtk-driver', !onPath('Xvfb') && 'xvfb'].filter(Boolean);
  if (missing.length === 0) return undefined;
  return `WebKit smoke tests skipped: ${missing.join(' and ')} not installed. Install as root with: apt-get install ${missing.join(' ')} (bash scripts/setup.sh does it when run as root)`;
}

/** A started process; its output is kept for error messages. A pipe on fd 3 takes Xvfb's -displayfd. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, output: () => output };
}

async function stop(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill();
  await exited;
}

/** Polls url until it answers (a started server is ready); fails when the process exits or after timeoutMs. */
async function waitForUrl(url: string, exited: Promise<number | null>, what: () => string, timeoutMs = 30_000): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone !== undefined) throw new Error(`${what()} exited (code ${gone}) before ${url} answered`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${what()} did not answer at ${url} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Serves dist/ with the scripts' loopback server (the one npm run preview uses) on a free port. Not astro preview:
 * loading astro.config runs the content check, which takes 15–35 s on a busy 2-core machine.
 */
export async function serveSite(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no built site: run \`npm run build\` first (the WebKit tests read the built pages).`);
  const { origin, server } = await serveDist();
  return {
    url: origin,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A virtual X display the size of a phone screen; resolves to its number once Xvfb is ready. */
async function startDisplay() {
  // -displayfd: Xvfb picks a free display and writes its number to fd 3 when it accepts clients.
  const xvfb = start('Xvfb', ['-displayfd', '3', '-screen', '0', `${PHONE.width}x${PHONE.height}x24`, '-nolisten', 'tcp']);
  const display = await new Promise<string>((resolve, reject) => {
    (xvfb.child.stdio[3] as NodeJS.ReadableStream).once('data', (d) => resolve(String(d).trim()));
    void xvfb.exited.then((code) => reject(new Error(`Xvfb exited (code ${code}) before its display was ready:\n${xvfb.output()}`)));
  });
  return { display: `:${display}`, close: () => stop(xvfb.child, xvfb.exited) };
}

export interface WebKit {
  driver: WebDriver;
  close(): Promise<void>;
}

/**
 * WebKitGTK's MiniBrowser in a window showing a 390×844 CSS-pixel viewport (--full-screen hides the
 * toolbar, whose minimum width would otherwise keep the window wider than a phone).
 *
 * javaScript: false starts it with --enable-javascript=false (a WebKitSettings property): JavaScript is
 * off as a reader would turn it off (the page's scripts never run, <noscript> is shown), while the test
 * still reads the page through WebDriver, whose scripts WebKit runs apart from the page's setting.
 */
export async function startWebKit({ javaScript }: { javaScript: boolean }): Promise<WebKit> {
  const x = await startDisplay();
  const port = await freePort();
  const env = { ...process.env, DISPLAY: x.display, NO_AT_BRIDGE: '1' };
  const driverProcess = start('WebKitWebDriver', [`--port=${port}`], env);
  const closeAll = async () => {
    await stop(driverProcess.child, driverProcess.exited);
    await x.close();
  };
  try {
    const server = `http://127.0.0.1:${port}`;
    await waitForUrl(`${server}/status`, driverProcess.exited, () => `WebKitWebDriver:\n${driverProcess.output()}`);
    const args = ['--automation', '--full-screen', ...(javaScript ? [] : ['--enable-javascript=false'])];
    const driver = await new Builder()
      .usingServer(server)
      .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { args } })
      .build();
    await driver.manage().window().setRect({ x: 0, y: 0, ...PHONE });
    return {
      driver,
      async close() {
        await driver.quit().catch(() => {});
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
