import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEMP_MAX_AGE_MS } from '../../../../src-main/core/fs/sweep-temps';
import { makeImages } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** a file aged `ageMs`, as a write killed that long ago leaves its temp */
function put(path: string, ageMs: number): void {
  writeFileSync(path, 'half a caption');
  const t = (Date.now() - ageMs) / 1000;
  utimesSync(path, t, t);
}

const STALE = DEFAULT_TEMP_MAX_AGE_MS * 10;

describe('temp files of killed writes, on open', () => {
  it('are swept from every folder the dataset spans, and a user file that only looks like one is kept', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['top.png']);
    await makeImages(join(dir, '10_name'), ['a.png']);
    mkdirSync(join(dir, '10_name', 'deeper'));
    await makeImages(join(dir, '10_name', 'deeper'), ['b.png']);
    const staleTop = join(dir, '.lora-tagger-0123456789abcdef.top.txt.tmp');
    const staleSub = join(dir, '10_name', '.lora-tagger-0123456789abcdef.a.txt.tmp');
    const staleDeeper = join(dir, '10_name', 'deeper', '.lora-tagger-89abcdef01234567.b.txt.tmp');
    // a write in flight (another instance, `serve`): fresh, so not a leftover
    const inFlight = join(dir, '10_name', '.lora-tagger-fedcba9876543210.a.txt.tmp');
    // the user's own hidden file, of the shape this app's temps had before
    const lookAlike = join(dir, '10_name', '.notes.txt.0123456789abcdef.tmp');
    for (const p of [staleTop, staleSub, staleDeeper, lookAlike]) put(p, STALE);
    put(inFlight, 0);

    const { workspace } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    await workspace.requireSession().whenIdle();

    expect([staleTop, staleSub, staleDeeper].filter(existsSync)).toEqual([]);
    expect(existsSync(inFlight)).toBe(true);
    expect(existsSync(lookAlike)).toBe(true);
    expect(readdirSync(join(dir, '10_name')).sort()).toEqual(
      ['.lora-tagger-fedcba9876543210.a.txt.tmp', '.notes.txt.0123456789abcdef.tmp', 'a.png', 'deeper'].sort(),
    );
    await workspace.shutdown();
  });
});
