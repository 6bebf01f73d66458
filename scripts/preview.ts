/**
 * Serves the built site (dist/) at http://127.0.0.1:4321/ (or --port N) the way the production
 * server in deploy/nginx does: "/book/2/17" redirects to "/book/2/17/", a missing page is the
 * handbook's own 404 page with status 404. Used by `npm run preview`, scripts/start.sh and the e2e tests.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dist, serveDist } from './lib/serve-dist.ts';

const at = process.argv.indexOf('--port');
const port = at > 0 ? Number(process.argv[at + 1]) : 4321;
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ holds no built site: run npm run build first.');
  process.exit(1);
}
const { origin } = await serveDist(port);
console.log(`The handbook is served at ${origin}/ (Ctrl+C stops it)`);
