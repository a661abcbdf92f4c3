import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readImageHeader } from '../../../src-main/core/scan/image-header';
import { MAX_PIXELS } from '../../../src-main/core/scan/probe-images';
import { SAMPLE_JPEG_HEAD, SAMPLE_PNG_HEAD } from '../../../src-main/workers/sample-headers';
import { makeImage } from '../../support/make-images';
import { makeTempDir } from '../../support/temp-dir';
import { testThreadPools } from '../../support/test-thread-pools';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());
const { scan } = testThreadPools();

const facts = (path: string) => ({ size: statSync(path).size, mtimeMs: statSync(path).mtimeMs });

/**
 * A header check answers with the file's size and mtime as it opened it: a
 * first open lists a folder without a stat per image and learns them here.
 */
describe('the header check', () => {
  it("gives each file's size and mtime with its verdict, and refuses an empty file itself", async () => {
    const png = join(tmp.path, 'a.png');
    await makeImage(png, { width: 40, height: 30, seed: 3 });
    const empty = join(tmp.path, 'empty.png');
    writeFileSync(empty, '');
    const text = join(tmp.path, 'notes.png');
    writeFileSync(text, 'not an image at all');
    const gone = join(tmp.path, 'gone.png');

    const results = await scan.call('probe', { paths: [png, empty, text, gone], maxPixels: MAX_PIXELS });
    expect(results[0]).toEqual({ ok: true, width: 40, height: 30, format: 'png', file: facts(png) });
    expect(results[1]).toEqual({ ok: false, reason: 'the file is empty (0 bytes)', file: facts(empty) });
    expect(results[2]).toMatchObject({ ok: false, file: facts(text) });
    expect(results[3]).toEqual({ ok: false, reason: 'it is gone', file: null });
  });
});

describe("the header check's warm-up", () => {
  it('runs over made-up headers that read as plain images, so it warms the check itself, not sharp', () => {
    expect(readImageHeader(SAMPLE_JPEG_HEAD)).toEqual({ format: 'jpeg', width: 3840, height: 2160, orientation: 6 });
    expect(readImageHeader(SAMPLE_PNG_HEAD)).toEqual({ format: 'png', width: 3840, height: 2160, orientation: 1 });
  });

  it('leaves a started thread that checks headers as before', async () => {
    await scan.call('warm', {});
    const png = join(tmp.path, 'b.png');
    await makeImage(png, { width: 12, height: 9, seed: 1 });
    expect(await scan.call('probe', { paths: [png], maxPixels: MAX_PIXELS })).toEqual([{ ok: true, width: 12, height: 9, format: 'png', file: facts(png) }]);
  });
});
