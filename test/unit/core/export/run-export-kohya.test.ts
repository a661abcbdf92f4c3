import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOptionsSchema, type ExportOptionsInput } from '../../../../src-shared/contract/export';
import { runExport } from '../../../../src-main/core/export';
import { readText, readZip, solid, tempDir, walk, writeDataset } from '../../../fixtures/export/fixture-images';
import { testThreadPools } from '../../../support/test-thread-pools';

const { export: pool } = testThreadPools();

let work: string;
beforeAll(async () => {
  work = await tempDir('kohya');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const png = () => solid(8, 8, [50, 60, 70]).png().toBuffer();

async function fixture(name: string) {
  return writeDataset(join(work, `${name}-dataset`), [
    { rel: 'a.png', data: await png(), caption: '1girl, smile' },
    { rel: 'nested/b.webp', data: await solid(8, 8, [9, 9, 9]).webp().toBuffer(), caption: 'ohwx, hat' },
    { rel: 'c.png', data: await png(), caption: '   ' },
    { rel: 'd.png', data: await png(), caption: 'gone', skip: true },
  ]);
}

const options = (path: string, over: Partial<ExportOptionsInput> = {}) =>
  exportOptionsSchema.parse({
    target: 'kohya',
    out: { kind: 'folder', path },
    trigger: 'ohwx',
    kohya: { repeats: 5, name: 'ohwx woman', resolution: 768, maxBucket: 1536, minBucket: 320 },
    ...over,
  });

describe('kohya folder', () => {
  it('writes <repeats>_<name>/ with images, non-empty captions and dataset.toml', async () => {
    const out = join(work, 'out');
    const summary = await runExport(pool, await fixture('plain'), 'tags', options(out));
    expect(await walk(out)).toEqual([
      '.lora-tagger-export',
      '5_ohwx woman/a.png',
      '5_ohwx woman/a.txt',
      '5_ohwx woman/c.png',
      '5_ohwx woman/nested_b.txt',
      '5_ohwx woman/nested_b.webp',
      'dataset.toml',
    ]);
    expect(await readText(join(out, '5_ohwx woman', 'a.txt'))).toBe('ohwx, 1girl, smile');
    expect(await readText(join(out, '5_ohwx woman', 'nested_b.txt'))).toBe('ohwx, hat');
    expect(await readText(join(out, 'dataset.toml'))).toBe(
      [
        '# Written by LoRA Tagger. Train with: --dataset_config "<this file>"',
        '[general]',
        'caption_extension = ".txt"',
        'enable_bucket = true',
        'min_bucket_reso = 320',
        'max_bucket_reso = 1536',
        'bucket_reso_steps = 64',
        '',
        '[[datasets]]',
        'resolution = 768',
        '',
        '  [[datasets.subsets]]',
        `  image_dir = "${join(out, '5_ohwx woman')}"`,
        '  num_repeats = 5',
        '  class_tokens = "ohwx woman"',
        '',
      ].join('\n'),
    );
    expect(summary.written).toBe(3);
    expect(summary.outPath).toBe(out);
    expect(summary.notes).toContain(
      "kohya's default caption extension is .caption: pass --caption_extension .txt or use the written dataset.toml.",
    );
    expect(summary.notes.join('\n')).toMatch(/1 image without a caption got no \.txt file \(kohya stops on an empty caption file\)/);
  });

  it('leaves dataset.toml out when not asked for', async () => {
    const out = join(work, 'no-toml');
    const summary = await runExport(pool, await fixture('no-toml'), 'tags', options(out, { kohya: { writeToml: false } }));
    expect(await walk(out)).not.toContain('dataset.toml');
    expect(summary.notes.join('\n')).toContain('--caption_extension .txt');
  });

  it('lays the same out inside a zip, with a relative image_dir', async () => {
    const zip = join(work, 'kohya.zip');
    await runExport(pool, await fixture('zip'), 'tags', options(zip, { out: { kind: 'zip', path: zip } }));
    const entries = await readZip(zip);
    expect(entries.map((e) => e.name)).toEqual([
      'dataset.toml',
      '5_ohwx woman/a.png',
      '5_ohwx woman/a.txt',
      '5_ohwx woman/nested_b.webp',
      '5_ohwx woman/nested_b.txt',
      '5_ohwx woman/c.png',
    ]);
    expect(entries[0]!.data.toString()).toContain('image_dir = "5_ohwx woman"');
  });

  it("keeps a dataset's own <repeats>_<name>/ folders and repeats; images outside them go to the folder the options name", async () => {
    const sources = await writeDataset(join(work, 'layout-dataset'), [
      { rel: '5_cat/a.png', data: await png(), caption: 'cat, sitting' },
      { rel: '5_cat/close/b.png', data: await png(), caption: 'cat, face' },
      { rel: '3_dog/a.png', data: await png(), caption: 'dog' },
      { rel: 'top.png', data: await png(), caption: 'both' },
      { rel: 'misc/c.png', data: await png(), caption: 'other' },
    ]);
    const out = join(work, 'layout');
    await runExport(pool, sources, 'tags', options(out, { trigger: null, kohya: { repeats: 10, name: 'shoot' } }));
    expect(await walk(out)).toEqual([
      '.lora-tagger-export',
      '10_shoot/misc_c.png',
      '10_shoot/misc_c.txt',
      '10_shoot/top.png',
      '10_shoot/top.txt',
      '3_dog/a.png',
      '3_dog/a.txt',
      '5_cat/a.png',
      '5_cat/a.txt',
      '5_cat/close_b.png',
      '5_cat/close_b.txt',
      'dataset.toml',
    ]);
    expect(await readText(join(out, '3_dog', 'a.txt'))).toBe('dog');
    const toml = await readText(join(out, 'dataset.toml'));
    expect(toml.slice(toml.indexOf('  [[datasets.subsets]]'))).toBe(
      [
        '  [[datasets.subsets]]',
        `  image_dir = "${join(out, '5_cat')}"`,
        '  num_repeats = 5',
        '  class_tokens = "cat"',
        '',
        '  [[datasets.subsets]]',
        `  image_dir = "${join(out, '3_dog')}"`,
        '  num_repeats = 3',
        '  class_tokens = "dog"',
        '',
        '  [[datasets.subsets]]',
        `  image_dir = "${join(out, '10_shoot')}"`,
        '  num_repeats = 10',
        '  class_tokens = "shoot"',
        '',
      ].join('\n'),
    );
  });

  it('converts every image to jpg when asked, at the chosen quality', async () => {
    const out = join(work, 'jpg');
    await runExport(pool, await fixture('jpg'), 'tags', options(out, { format: 'jpg', jpgQuality: 80 }));
    const files = await walk(out);
    expect(files.filter((f) => !f.endsWith('.txt') && !f.endsWith('.toml') && !f.startsWith('.'))).toEqual([
      '5_ohwx woman/a.jpg',
      '5_ohwx woman/c.jpg',
      '5_ohwx woman/nested_b.jpg',
    ]);
    const head = await readFile(join(out, '5_ohwx woman', 'a.jpg'));
    expect([head[0], head[1]]).toEqual([0xff, 0xd8]);
  });
});
