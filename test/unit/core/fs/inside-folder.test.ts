import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isInsideFolder, isInsidePath, realLocation } from '../../../../src-main/core/fs/inside-folder';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let served: string;
let outside: string;
beforeEach(() => {
  tmp = makeTempDir();
  served = join(tmp.path, 'served');
  outside = join(tmp.path, 'outside');
  mkdirSync(join(served, 'set'), { recursive: true });
  mkdirSync(outside);
});
afterEach(() => tmp.cleanup());

describe('isInsideFolder', () => {
  it('refuses a link inside the folder that points out of it, and anything under it, existing or not', async () => {
    symlinkSync(outside, join(served, 'out'));
    expect(await isInsideFolder(join(served, 'out'), served)).toBe(false);
    expect(await isInsideFolder(join(served, 'out', 'new', 'export.zip'), served)).toBe(false);
  });

  it('refuses a dangling link: what is created through it lands where it points', async () => {
    symlinkSync(join(outside, 'not-yet'), join(served, 'dangling'));
    expect(await isInsideFolder(join(served, 'dangling'), served)).toBe(false);
    expect(await isInsideFolder(join(served, 'dangling', 'x.zip'), served)).toBe(false);
    expect(await realLocation(join(served, 'dangling', 'x.zip'))).toBe(join(realpathSync(outside), 'not-yet', 'x.zip'));
  });

  it('accepts the folder itself, a link that stays inside, a path not made yet, and a name starting with ..', async () => {
    symlinkSync(join(served, 'set'), join(served, 'alias'));
    expect(await isInsideFolder(served, served)).toBe(true);
    expect(await isInsideFolder(join(served, 'alias'), served)).toBe(true);
    expect(await isInsideFolder(join(served, 'set', 'a', 'b.zip'), served)).toBe(true);
    expect(await isInsideFolder(join(served, '..hidden'), served)).toBe(true);
  });

  it('follows a link in the folder given as the root, as in the path', async () => {
    symlinkSync(served, join(tmp.path, 'served-link'));
    expect(await isInsideFolder(join(served, 'set'), join(tmp.path, 'served-link'))).toBe(true);
    expect(await isInsideFolder(join(tmp.path, 'served-link', 'set'), served)).toBe(true);
  });

  it('refuses a sibling whose name only starts like the folder', async () => {
    mkdirSync(join(tmp.path, 'served-other'));
    expect(await isInsideFolder(join(tmp.path, 'served-other'), served)).toBe(false);
    expect(isInsidePath(join(tmp.path, 'served-other'), served)).toBe(false);
  });
});
