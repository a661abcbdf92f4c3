import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createThreadPools } from '../../../src-main/workers/thread-pools';
import { makeTempDir } from '../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

describe('the thread pools createApiHost hands to core', () => {
  it('serves each protocol from its own pool, and close ends them all, a render pool its user left open included', async () => {
    const pools = createThreadPools();
    const file = join(tmp.path, 'a.txt');
    writeFileSync(file, 'four');
    const render = pools.render(2);
    expect(render.threads).toBe(2);
    expect(Array.from(await pools.scan.call('stat', { paths: [file] }))).toEqual([4, expect.any(Number)]);
    expect(await render.call('warm', {})).toBeNull();
    expect(await pools.export.call('fingerprint', { paths: [], maxPixels: 1 })).toEqual([]);

    await pools.close();
    // a late call is refused rather than starting threads that outlive the host
    await expect(pools.scan.call('stat', { paths: [file] })).rejects.toThrow(/worker threads are closed: stat/);
    await expect(pools.export.call('fingerprint', { paths: [], maxPixels: 1 })).rejects.toThrow(/closed/);
    await expect(render.call('warm', {})).rejects.toThrow(/closed/);
    // and so is a render pool asked for after the close
    await expect(pools.render(1).call('warm', {})).rejects.toThrow(/closed/);
  });

  it('lets a render pool be destroyed by its user before close, once', async () => {
    const pools = createThreadPools();
    const render = pools.render(1);
    await render.call('warm', {});
    await render.destroy();
    await expect(render.call('warm', {})).rejects.toThrow(/closed/);
    // its second destroy (close's) is the first one's, and the pools never used close without a thread started
    await expect(Promise.all([render.destroy(), pools.close()])).resolves.toEqual([undefined, undefined]);
  });
});
