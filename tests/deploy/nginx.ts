/**
 * Runs Debian's nginx with the repository's configuration (deploy/nginx/) on the built site, on a
 * loopback port, as the user running the tests: the two files are copied with the example host's
 * listen, root and snippet paths swapped for the test's, and nothing else changed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/free-port.ts';

const deployDir = join(import.meta.dirname, '../../deploy/nginx');
/** The example paths of deploy/nginx/handbook.conf that a test (or an installer) replaces. */
const TEMPLATE = { root: '/srv/handbook/current', rules: '/etc/nginx/snippets/handbook-rules.conf' } as const;

/** The nginx binary, or why the deploy test cannot use one (then it is skipped, saying so). */
export function findNginx(): { path: string } | { unavailable: string } {
  const path = ['/usr/sbin/nginx', ...(process.env.PATH ?? '').split(':').map((dir) => join(dir, 'nginx'))].find((p) => existsSync(p));
  if (!path) return { unavailable: 'nginx is not installed. Install it as root with `bash scripts/setup.sh` (or: apt-get install nginx libnginx-mod-http-brotli-static)' };
  const version = spawnSync(path, ['-v'], { encoding: 'utf8' });
  if (version.status !== 0) return { unavailable: `${path} does not run here (${(version.error?.message ?? version.stderr).trim()})` };
  return { path };
}

/** Debian's Brotli module for precompressed .br files, when installed. */
function brotliModule(nginx: string): string | undefined {
  const built = spawnSync(nginx, ['-V'], { encoding: 'utf8' });
  const modules = /--modules-path=(\S+)/.exec(built.stderr)?.[1] ?? '/usr/lib/nginx/modules';
  const file = join(modules, 'ngx_http_brotli_static_module.so');
  return existsSync(file) ? file : undefined;
}

/** `text` with `pattern` replaced, which must occur exactly `times` times (or the template changed shape). */
function replaceExactly(file: string, text: string, pattern: RegExp, by: string, times: number): string {
  const found = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))?.length ?? 0;
  if (found !== times) throw new Error(`deploy/nginx/${file}: expected ${times}× ${pattern} (found ${found}); the test fills in these lines: update tests/deploy/nginx.ts with the template`);
  return text.replace(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`), by);
}

/** Resolves once something accepts connections on the port; rejects if nginx exits first. */
async function listening(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}) before listening:\n${log()}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      }).on('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on 127.0.0.1:${port} within 15 s:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface RunningNginx {
  origin: string;
  /** Whether .br copies are served (the Brotli module is installed). */
  brotli: boolean;
  stop(): Promise<void>;
}

export async function startNginx(nginx: string, site: string): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-nginx-'));
  const port = await freePort();
  const module = brotliModule(nginx);

  let rules = readFileSync(join(deployDir, 'handbook-rules.conf'), 'utf8');
  if (!module) rules = replaceExactly('handbook-rules.conf', rules, /^brotli_static on;$/m, '# (no Brotli module)', 1);
  writeFileSync(join(dir, 'handbook-rules.conf'), rules);

  let server = readFileSync(join(deployDir, 'handbook.conf'), 'utf8');
  server = replaceExactly('handbook.conf', server, /^ {4}listen 80;\n {4}listen \[::\]:80;$/m, `    listen 127.0.0.1:${port};`, 1);
  server = replaceExactly('handbook.conf', server, new RegExp(`^( {4}(?:root|include) )${TEMPLATE.root.replaceAll('/', '\\/')}`, 'm'), `$1${site}`, 2);
  server = replaceExactly('handbook.conf', server, new RegExp(`^( {4}include )${TEMPLATE.rules.replaceAll('/', '\\/').replaceAll('.', '\\.')};`, 'm'), `$1${join(dir, 'handbook-rules.conf')};`, 1);
  writeFileSync(join(dir, 'handbook.conf'), server);

  // One process as the current user (no master/worker switch to another user that may not read the
  // checkout), in the foreground, with its pid, logs and temporary files in the test's directory.
  writeFileSync(
    join(dir, 'nginx.conf'),
    `${module ? `load_module ${module};\n` : ''}daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/handbook.conf;
}
`,
  );
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
  const checked = spawnSync(nginx, ['-t', ...args], { encoding: 'utf8' });
  if (checked.status !== 0) throw new Error(`nginx -t rejects deploy/nginx/ (as filled in at ${dir}):\n${checked.stderr}`);

  const child = spawn(nginx, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const log = () => `${stderr}${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`;
  try {
    await listening(port, child, log);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    brotli: Boolean(module),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
