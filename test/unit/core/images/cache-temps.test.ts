import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachePath, listCached } from '../../../../src-main/core/images/cache-layout';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** the pid of a process that has ended */
const goneProcessPid = (): number => Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());

describe('temps in the thumbnail cache', () => {
  it('a temp left by a process that is gone (killed mid-render) is removed by the next listing; a running one’s stays until stale', async () => {
    const fingerprint = 'ab'.repeat(20);
    const dest = cachePath(tmp.path, 'thumb', 256, fingerprint, 'webp');
    mkdirSync(join(dest, '..'), { recursive: true });
    writeFileSync(dest, 'finished');
    const killed = `${dest}.${goneProcessPid()}.k1lled.tmp`;
    const ours = `${dest}.${process.pid}.running.tmp`;
    const parents = `${dest}.${process.ppid}.running.tmp`;
    const oldOfOurs = `${dest}.${process.pid}.old.tmp`;
    for (const path of [killed, ours, parents, oldOfOurs]) writeFileSync(path, 'half');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(oldOfOurs, hourAgo, hourAgo);

    expect(await listCached(tmp.path, 'thumb', 256)).toEqual(new Set([fingerprint]));
    expect([killed, ours, parents, oldOfOurs].map(existsSync)).toEqual([false, true, true, false]);
  });
});
