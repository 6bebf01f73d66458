/**
 * Draws pictures on worker threads (satori and resvg keep one core busy each), one picture at a time
 * per thread, in the order they were asked for. Threads are added as the work grows (addThread).
 */
import { Worker } from 'node:worker_threads';
import type { Drawn } from './render.ts';
import type { Picture } from './layouts.ts';

interface Job {
  id: number;
  picture: Picture;
  resolve: (drawn: Drawn) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; png: Uint8Array; uncovered: string[] } | { id: number; error: string };

export class DrawPool {
  private readonly queue: Job[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly workers: Worker[] = [];
  private nextId = 0;

  private readonly root: string;

  constructor(root: string) {
    this.root = root;
    // resvg's allocator (mimalloc, in the process once the threads load resvg) hands freed memory back
    // to the system at once, so every picture's 3 MB canvas costs fresh page faults. Told to keep it,
    // a picture takes about a third less CPU. It reads the variable when resvg is first loaded.
    process.env.MIMALLOC_PURGE_DELAY ??= '-1';
  }

  get threads(): number {
    return this.workers.length;
  }

  /** One more thread (it loads its fonts, then takes pictures from the queue). */
  addThread(): void {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { root: this.root } });
    worker.on('message', (reply: Reply) => this.done(worker, reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`a drawing thread stopped with exit code ${code}`));
    });
    this.workers.push(worker);
    this.idle.push(worker);
    this.next();
  }

  draw(picture: Picture): Promise<Drawn> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, picture, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.idle.length && this.queue.length) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage({ id: job.id, picture: job.picture });
    }
  }

  private done(worker: Worker, reply: Reply): void {
    const job = this.busy.get(worker)!;
    this.busy.delete(worker);
    this.idle.push(worker);
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve({ png: Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength), uncovered: reply.uncovered });
    this.next();
  }

  /** A thread died (it could not start, or ran out of memory): every waiting picture fails with it. */
  private fail(error: Error): void {
    for (const job of [...this.busy.values(), ...this.queue.splice(0)]) job.reject(error);
    this.busy.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
