import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { warmUpFolderSync } from '../../../../src-main/core/store/folder-sync-warm-up';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

const mtimes = (dir: string) => readdirSync(dir).map((n) => statSync(join(dir, n)).mtimeMs);

describe('the folder sync warm-up', () => {
  it('makes its folder of captioned images once, syncs and pages it, and only reads it the next time', async () => {
    const folder = join(tmp.path, 'cache', 'index-warm-up');
    expect(await warmUpFolderSync(() => null, folder).done).toBe(600);
    expect(readdirSync(folder)).toHaveLength(1200);
    const before = { dir: statSync(folder).mtimeMs, files: mtimes(folder) };
    expect(await warmUpFolderSync(() => null, folder).done).toBe(600);
    expect({ dir: statSync(folder).mtimeMs, files: mtimes(folder) }).toEqual(before);
    expect(readdirSync(join(tmp.path, 'cache'))).toEqual(['index-warm-up']);
  });

  it('removes what an app closed while making the folder left beside it', async () => {
    const cache = join(tmp.path, 'cache');
    mkdirSync(join(cache, 'index-warm-up-x1Yz'), { recursive: true });
    writeFileSync(join(cache, 'index-warm-up-x1Yz', 'img_0.jpg'), '');
    writeFileSync(join(cache, 'thumbs'), 'not ours to touch');
    expect(await warmUpFolderSync(() => null, join(cache, 'index-warm-up')).done).toBe(600);
    expect(readdirSync(cache).sort()).toEqual(['index-warm-up', 'thumbs']);
  });

  it('stops at its next check when a request comes', async () => {
    const warmUp = warmUpFolderSync(() => null, join(tmp.path, 'index-warm-up'));
    warmUp.stop();
    expect(await warmUp.done).toBe(0);
  });

  it('does nothing, and says nothing, where its folder cannot be made', async () => {
    writeFileSync(join(tmp.path, 'cache'), 'a file where the cache folder would be');
    expect(await warmUpFolderSync(() => null, join(tmp.path, 'cache', 'index-warm-up')).done).toBe(0);
    expect(readdirSync(tmp.path)).toEqual(['cache']);
  });
});
