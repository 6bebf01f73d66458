/** A drawing thread of pool.ts: loads the fonts once, then draws the pictures it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { renderer } from './render.ts';
import type { Picture } from './layouts.ts';

const draw = renderer((workerData as { root: string }).root);

parentPort!.on('message', async ({ id, picture }: { id: number; picture: Picture }) => {
  try {
    const { png, uncovered } = await draw(picture);
    parentPort!.postMessage({ id, png, uncovered });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
