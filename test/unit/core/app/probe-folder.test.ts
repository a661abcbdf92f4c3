import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { probeFolder } from '../../../../src-main/core/app/probe-folder';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

const defaults = { outputDir: 'output', prefix: 'img' };

describe('probeFolder', () => {
  it('counts the images and those with a caption beside them, in subfolders too, and not in the output folder', async () => {
    const dir = tmp.path;
    mkdirSync(join(dir, '10_name'));
    mkdirSync(join(dir, 'output'));
    // the count goes over every image of a large folder, a slice at a time
    for (let i = 0; i < 3000; i++) {
      writeFileSync(join(dir, `img${i}.png`), '');
      if (i % 3 === 0) writeFileSync(join(dir, `img${i}.txt`), 'a, b');
    }
    writeFileSync(join(dir, '10_name', 'deep.jpg'), '');
    writeFileSync(join(dir, '10_name', 'deep.txt'), 'c');
    // a caption with no image, and an image of the output folder with its caption: neither counts
    writeFileSync(join(dir, 'orphan.txt'), 'd');
    writeFileSync(join(dir, 'output', 'img_001.png'), '');
    writeFileSync(join(dir, 'output', 'img_001.txt'), 'e');

    expect(await probeFolder(dir, defaults)).toMatchObject({ imageCount: 3001, captionCount: 1001, hasSession: false, writable: true });
  });
});
