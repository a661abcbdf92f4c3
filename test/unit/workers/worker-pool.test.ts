import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanProtocol } from '../../../src-main/core/scan/scan-protocol';
import { createWorkerPool, workerEntry } from '../../../src-main/workers/worker-pool';
import { makeTempDir } from '../../support/temp-dir';

describe('workerEntry in the packaged app', () => {
  let dir: { path: string; cleanup: () => void };
  let main: string;
  beforeEach(() => {
    dir = makeTempDir();
    // the layout inside the archive: resources/app.asar/out/main/{workers,chunks}
    main = join(dir.path, 'resources', 'app.asar', 'out', 'main');
    mkdirSync(join(main, 'workers'), { recursive: true });
    mkdirSync(join(main, 'chunks'));
    writeFileSync(join(main, 'workers', 'probe-worker.js'), 'export default () => 1;');
  });
  afterEach(() => dir.cleanup());

  it('starts the bundled entry where it is, inside app.asar, not from an unpacked copy outside the integrity check', () => {
    const expected = { filename: join(main, 'workers', 'probe-worker.js'), execArgv: [] };
    expect(workerEntry('probe-worker', main)).toEqual(expected);
    // the pool's code may sit in a shared chunk one folder down
    expect(workerEntry('probe-worker', join(main, 'chunks'))).toEqual(expected);
  });
});

describe('a pool that hands each thread two tasks at once', () => {
  let dir: { path: string; cleanup: () => void };
  beforeEach(() => (dir = makeTempDir()));
  afterEach(() => dir.cleanup());

  it('has its thread start the second while the caller is busy and takes no message (the index thread between chunks)', async () => {
    const pool = createWorkerPool<ScanProtocol>('probe-worker', { maxThreads: 1, tasksPerThread: 2 });
    try {
      await pool.call('warm', {});
      writeFileSync(join(dir.path, 'a.png'), 'pixels');
      const copy = (name: string) => ({
        source: join(dir.path, 'a.png'),
        temp: join(dir.path, `${name}.tmp`),
        dest: join(dir.path, `${name}.png`),
        caption: join(dir.path, `${name}.txt`),
        resumed: false,
      });
      const both = Promise.all([pool.call('copy', { items: [copy('first')] }), pool.call('copy', { items: [copy('second')] })]);
      // blocked, as a thread doing its own chunk: with one task at a time, the second is handed over only
      // once this thread takes the first one's answer, so it cannot be made while this waits
      const nap = new Int32Array(new SharedArrayBuffer(4));
      for (let waited = 0; waited < 5000 && !existsSync(join(dir.path, 'second.png')); waited += 10) Atomics.wait(nap, 0, 0, 10);
      expect(existsSync(join(dir.path, 'second.png'))).toBe(true);
      expect((await both).map(([r]) => r!.ok)).toEqual([true, true]);
    } finally {
      await pool.destroy();
    }
  });
});
