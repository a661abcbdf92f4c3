import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOptionsSchema, type CheckLine, type CheckReport } from '../../../../src-shared/contract/export';
import { checkDataset } from '../../../../src-main/core/export';
import { blocks, tempDir, writeDataset } from '../../../fixtures/export/fixture-images';
import { testThreadPools } from '../../../support/test-thread-pools';

const { export: pool } = testThreadPools();

let work: string;
let report: CheckReport;
const tags = '1girl, solo, smile';
const words = (text: string) => text.split(/[\s,]+/).filter((w) => w !== '').length;

beforeAll(async () => {
  work = await tempDir('check');
  const png = (seed: number, w?: number, h?: number) => blocks(seed, w, h).png().toBuffer();
  const dup = await png(3);
  const sources = await writeDataset(join(work, 'dataset'), [
    { rel: 'ok.png', data: await png(1), caption: tags }, // 1
    { rel: 'nocap.png', data: await png(2), caption: '' }, // 2
    { rel: 'dup-a.png', data: dup, caption: tags }, // 3
    { rel: 'sub/dup-b.png', data: dup, caption: tags }, // 4
    { rel: 'near-a.png', data: await png(4), caption: tags }, // 5
    { rel: 'near-b.jpg', data: await blocks(4, 384, 384).jpeg({ quality: 80 }).toBuffer(), caption: tags }, // 6
    { rel: 'clash.png', data: await png(5), caption: tags }, // 7
    { rel: 'clash.JPG', data: await blocks(6).jpeg().toBuffer(), caption: tags }, // 8
    { rel: 'small.png', data: await png(7, 100, 100), caption: tags }, // 9
    { rel: 'big.png', data: await png(8), caption: tags, bytes: 60_000_000 }, // 10
    { rel: 'wide.png', data: await png(9, 900, 256), caption: tags }, // 11
    { rel: 'long.png', data: await png(10), caption: Array.from({ length: 80 }, (_, i) => `tag${i}`).join(', ') }, // 12
    {
      rel: 'sentence.png',
      data: await png(11),
      caption: 'A young woman with long red hair stands on a windy beach at sunset and looks out over the sea',
    }, // 13
    { rel: 'skip.png', data: await png(12), caption: tags, skip: true }, // 14
    { rel: 'broken.png', data: Buffer.from('not a png'), caption: tags }, // 15
  ]);
  const options = exportOptionsSchema.parse({ target: 'civitai', out: { kind: 'zip', path: join(work, 'out.zip') } });
  report = await checkDataset(pool, sources, 'tags', options, { clipCount: words });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const find = (kind: CheckLine['kind']) => report.lines.filter((l) => l.kind === kind);

describe('checkDataset', () => {
  it('finds one of each problem, naming exactly the images concerned', () => {
    const summary = report.lines.map((l) => [l.kind, l.severity, l.imageIds]);
    expect(summary).toEqual([
      ['unreadable', 'error', [15]],
      ['file-too-large', 'error', [10]],
      ['no-caption', 'warning', [2]],
      ['duplicate', 'warning', [3, 4]],
      ['near-duplicate', 'warning', [5, 6]],
      ['stem-clash', 'warning', [7, 8]],
      ['too-small', 'warning', [9]],
      ['extreme-aspect', 'warning', [11]],
      ['long-caption', 'warning', [12]],
      ['caption-mode', 'warning', [13]],
      ['skipped', 'info', [14]],
    ]);
    expect(report.imageCount).toBe(14);
  });

  it('groups duplicates and stem clashes', () => {
    expect(find('duplicate')[0]!.groups).toEqual([[3, 4]]);
    expect(find('near-duplicate')[0]!.groups).toEqual([[5, 6]]);
    expect(find('stem-clash')[0]!.groups).toEqual([[7, 8]]);
  });

  it('says why in words a person can act on', () => {
    expect(find('unreadable')[0]!.message).toBe('1 image cannot be read and will be left out: not a readable image (unknown or damaged format).');
    expect(find('file-too-large')[0]!.message).toContain("over 50.0 MB, Civitai's limit per file");
    expect(find('long-caption')[0]!.message).toContain('over 75 CLIP tokens');
    expect(find('caption-mode')[0]!.message).toContain('read as sentences in a tags dataset');
  });

  it("counts kohya's buckets at the chosen resolution", () => {
    expect(report.buckets.resolution).toBe(1024);
    expect(report.buckets.counts).toEqual([
      { width: 1024, height: 1024, count: 12, imageIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13] },
      // 900×256 is 3.52:1; 1024×320 (3.2) is nearer than 1024×256 (4)
      { width: 1024, height: 320, count: 1, imageIds: [11] },
    ]);
  });
});
