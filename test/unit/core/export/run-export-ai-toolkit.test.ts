import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOptionsSchema } from '../../../../src-shared/contract/export';
import { runExport } from '../../../../src-main/core/export';
import { readText, solid, tempDir, walk, writeDataset } from '../../../fixtures/export/fixture-images';
import { testThreadPools } from '../../../support/test-thread-pools';

const { export: pool } = testThreadPools();

let work: string;
beforeAll(async () => {
  work = await tempDir('aitk');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const png = () => solid(8, 8, [50, 60, 70]).png().toBuffer();

describe('ai-toolkit folder', () => {
  it('writes images and captions in one folder, the trigger as [trigger] when asked', async () => {
    const sources = await writeDataset(join(work, 'tags-dataset'), [
      { rel: 'a.png', data: await png(), caption: '1girl, ohwx, smile' },
      { rel: 'b.png', data: await png(), caption: 'solo' },
      { rel: 'c.png', data: await png(), caption: '' },
    ]);
    const out = join(work, 'tags-out');
    const options = exportOptionsSchema.parse({
      target: 'ai-toolkit',
      out: { kind: 'folder', path: out },
      trigger: 'ohwx',
      aiToolkitTriggerPlaceholder: true,
    });
    const summary = await runExport(pool, sources, 'tags', options);
    expect(await walk(out)).toEqual(['.lora-tagger-export', 'a.png', 'a.txt', 'b.png', 'b.txt', 'c.png']);
    expect(await readText(join(out, 'a.txt'))).toBe('1girl, [trigger], smile');
    expect(await readText(join(out, 'b.txt'))).toBe('[trigger], solo');
    expect(summary.notes.join('\n')).toContain('trigger_word: "ohwx"');
  });

  it('replaces the trigger inside text captions, or puts [trigger] first', async () => {
    const sources = await writeDataset(join(work, 'text-dataset'), [
      { rel: 'a.png', data: await png(), caption: 'a photo of ohwx on a beach' },
      { rel: 'b.png', data: await png(), caption: 'a man in a hat' },
    ]);
    const out = join(work, 'text-out');
    const options = exportOptionsSchema.parse({
      target: 'ai-toolkit',
      out: { kind: 'folder', path: out },
      trigger: 'ohwx',
      aiToolkitTriggerPlaceholder: true,
    });
    await runExport(pool, sources, 'text', options);
    expect(await readText(join(out, 'a.txt'))).toBe('a photo of [trigger] on a beach');
    expect(await readText(join(out, 'b.txt'))).toBe('[trigger], a man in a hat');
  });

  it('puts the plain trigger first without the placeholder option', async () => {
    const sources = await writeDataset(join(work, 'plain-dataset'), [{ rel: 'a.png', data: await png(), caption: 'a man' }]);
    const out = join(work, 'plain-out');
    await runExport(pool, sources, 'text', exportOptionsSchema.parse({ target: 'ai-toolkit', out: { kind: 'folder', path: out }, trigger: 'ohwx' }));
    expect(await readText(join(out, 'a.txt'))).toBe('ohwx, a man');
  });

  it("exports a JPEG with format 'keep' as the very same bytes, and one with EXIF as the same pixels", async () => {
    const plain = await solid(40, 30, [120, 80, 200]).jpeg({ quality: 97 }).toBuffer();
    const tagged = await solid(40, 30, [20, 180, 90]).jpeg({ quality: 97 }).withExif({ IFD0: { Make: 'SecretCam' } }).toBuffer();
    const sources = await writeDataset(join(work, 'jpeg-dataset'), [
      { rel: 'a.jpg', data: plain, caption: 'x' },
      { rel: 'b.jpg', data: tagged, caption: 'y' },
    ]);
    const out = join(work, 'jpeg-out');
    await runExport(pool, sources, 'tags', exportOptionsSchema.parse({ target: 'ai-toolkit', out: { kind: 'folder', path: out } }));
    expect((await readFile(join(out, 'a.jpg'))).equals(plain)).toBe(true);
    const b = await readFile(join(out, 'b.jpg'));
    expect(b.includes('SecretCam')).toBe(false);
    expect((await sharp(b).raw().toBuffer()).equals(await sharp(tagged).raw().toBuffer())).toBe(true);
  });
});
