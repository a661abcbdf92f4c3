import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkFolder } from '../../../../src-main/core/scan/walk-folder';
import { makeImages } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** a folder with one real image, and every kind of name that only looks like one */
async function oddFolder(name = 'set'): Promise<{ dir: string; outside: string }> {
  const dir = join(tmp.path, name);
  const outside = join(tmp.path, `${name}-outside`);
  await makeImages(dir, ['real.png', 'sub/inner.png']);
  await makeImages(outside, ['secret.png']);
  symlinkSync('loop-b.png', join(dir, 'loop-a.png'));
  symlinkSync('loop-a.png', join(dir, 'loop-b.png'));
  symlinkSync('self.jpg', join(dir, 'self.jpg'));
  symlinkSync('gone.png', join(dir, 'dangling.webp'));
  symlinkSync(join(outside, 'secret.png'), join(dir, 'link-out.png'));
  symlinkSync('real.png', join(dir, 'link-in.png'));
  mkdirSync(join(dir, 'folder.png'));
  execFileSync('mkfifo', [join(dir, 'pipe.png')]);
  writeFileSync(join(dir, 'real.txt'), 'kept');
  return { dir, outside };
}

describe('walking a folder', () => {
  it('names every image-like name it cannot take, with the reason, and takes a link inside the folder', async () => {
    const { dir } = await oddFolder();
    const listing = await walkFolder(dir, { recursive: false });
    expect(listing.images.map((i) => i.rel).sort()).toEqual(['link-in.png', 'real.png']);
    expect(Object.fromEntries(listing.notFiles.map((f) => [f.rel, f.reason]))).toEqual({
      'loop-a.png': 'it is a symbolic link that leads back to itself',
      'loop-b.png': 'it is a symbolic link that leads back to itself',
      'self.jpg': 'it is a symbolic link that leads back to itself',
      'dangling.webp': 'it is a symbolic link to something that is not there',
      'link-out.png': 'it is a link to a file outside the folder, which LoRA Tagger does not read',
      'folder.png': 'it is a folder, though named like an image',
      'pipe.png': 'it is a pipe, socket or device, not a file',
    });
  });

  it('opened in place or imported, the folder lists each of them among the skipped files, and no link out is imported', async () => {
    const { workspace } = makeWorkspace(tmp.path);
    const inPlace = await workspace.open({ path: (await oddFolder('here')).dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    // in place the walk goes into subfolders, so a folder named like an image is only a folder
    expect(inPlace.skippedFiles.map((f) => f.name).sort()).toEqual(['dangling.webp', 'link-out.png', 'loop-a.png', 'loop-b.png', 'pipe.png', 'self.jpg']);
    expect(inPlace.stats.total).toBe(3); // real.png, sub/inner.png and the link inside

    const imported = await workspace.open({ path: (await oddFolder('originals')).dir, setup: { mode: 'import', outputDir: 'copies', prefix: 'img' } });
    expect(imported.skippedFiles.map((f) => f.name).sort()).toEqual(['dangling.webp', 'link-out.png', 'loop-a.png', 'loop-b.png', 'pipe.png', 'self.jpg']);
    expect(imported.stats.total).toBe(3);
    await workspace.shutdown();
  });
});
