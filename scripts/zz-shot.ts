import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../src/lib/chromium.ts';
import { serveDist } from './lib/serve-dist.ts';
const { origin, server } = await serveDist();
const b = await chromium.launch(chromiumLaunchOptions());
const p = await b.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
for (const [name, path, full] of process.argv.slice(2).map((a) => a.split('|'))) {
  await p.goto(origin + path);
  await p.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: full === 'full' });
}
await b.close(); server.close();
