import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planProviders } from '../../../../src-main/core/autotag/execution-provider';
import { readModelFolder } from '../../../../src-main/core/autotag/model-folder';
import { checkModelLayout } from '../../../../src-main/core/autotag/model-shape';
import { parseTagCsv } from '../../../../src-main/core/autotag/tag-csv';
import { selectedTagsCsv, TINY_TAGS, tinyModel, writeModelFolder } from '../../../support/make-onnx-model';
import { makeTempDir } from '../../../support/temp-dir';

const temp = makeTempDir('autotag-model-');
afterAll(() => temp.cleanup());

describe('selected_tags.csv', () => {
  it('reads names and categories in row order, quoted names included', () => {
    const parsed = parseTagCsv('tag_id,name,category,count\r\n9999999,general,9,807968\n1,"a,b",0,5\n2,hatsune_miku,4,3\n');
    expect(parsed).toEqual({ ok: true, tags: [{ name: 'general', category: 'rating' }, { name: 'a,b', category: 'general' }, { name: 'hatsune_miku', category: 'character' }] });
  });

  it('refuses a different header, saying which header it expected', () => {
    expect(parseTagCsv('id,tag,type\n1,smile,0\n')).toEqual({ ok: false, reason: 'selected_tags.csv starts with "id,tag,type", not the header tag_id,name,category,count' });
  });
});

describe('model folder', () => {
  it('reads a folder of model.onnx and selected_tags.csv', async () => {
    const dir = await writeModelFolder(join(temp.path, 'ok'), tinyModel());
    const folder = await readModelFolder(dir);
    expect(folder.modelPath).toBe(join(dir, 'model.onnx'));
    expect(folder.tags).toHaveLength(TINY_TAGS.length);
  });

  it('says what is missing or wrong', async () => {
    await expect(readModelFolder(join(temp.path, 'nowhere'))).rejects.toThrow(/holds no model\.onnx/);
    const dir = await writeModelFolder(join(temp.path, 'bad-header'), tinyModel());
    writeFileSync(join(dir, 'selected_tags.csv'), selectedTagsCsv(TINY_TAGS, 'tag_id,name,category'));
    await expect(readModelFolder(dir)).rejects.toThrow('selected_tags.csv starts with "tag_id,name,category", not the header tag_id,name,category,count');
  });
});

describe('model layout', () => {
  const input = (dims: (number | string)[]) => [{ name: 'input_1:0', dims }];
  const output = (n: number | string) => [{ name: 'predictions_sigmoid', dims: ['batch', n] }];

  it('reads the size and the batch from an NHWC input', () => {
    expect(checkModelLayout(input(['batch', 448, 448, 3]), output(12), 12)).toEqual({
      ok: true,
      layout: { inputName: 'input_1:0', outputName: 'predictions_sigmoid', size: 448, fixedBatch: null, tagCount: 12 },
    });
    expect(checkModelLayout(input([8, 384, 384, 3]), output(12), 12)).toMatchObject({ ok: true, layout: { size: 384, fixedBatch: 8 } });
  });

  it('refuses NCHW, a wrong channel count, a non-square input and an output of another size', () => {
    expect(checkModelLayout(input(['batch', 3, 448, 448]), output(12), 12)).toMatchObject({ ok: false, reason: expect.stringMatching(/NCHW/) });
    expect(checkModelLayout(input(['batch', 448, 448, 1]), output(12), 12)).toMatchObject({ ok: false, reason: expect.stringMatching(/1 channels where a tagger takes 3/) });
    expect(checkModelLayout(input(['batch', 448, 'w', 3]), output(12), 12)).toMatchObject({ ok: false, reason: expect.stringMatching(/not a fixed square/) });
    expect(checkModelLayout(input(['batch', 448, 448, 3]), output(9083), 10861)).toMatchObject({ ok: false, reason: expect.stringMatching(/gives 9083 scores per image but selected_tags\.csv lists 10861/) });
  });
});

describe('execution providers', () => {
  it('tries the platform\'s fast providers the package offers, then CPU', () => {
    expect(planProviders('auto', 'linux', ['cpu', 'cuda'])).toEqual({ candidates: ['cuda', 'cpu'], skipped: [] });
    expect(planProviders('auto', 'win32', ['cpu', 'dml', 'cuda'])).toEqual({ candidates: ['cuda', 'dml', 'cpu'], skipped: [] });
    expect(planProviders('auto', 'darwin', ['cpu', 'coreml'])).toEqual({ candidates: ['coreml', 'cpu'], skipped: [] });
  });

  it('says why a provider was not tried', () => {
    expect(planProviders('auto', 'linux', ['cpu'])).toEqual({ candidates: ['cpu'], skipped: ['CUDA: this build of onnxruntime-node does not include it'] });
    expect(planProviders('dml', 'linux', ['cpu'])).toEqual({ candidates: ['cpu'], skipped: ['DirectML is not available on linux'] });
    expect(planProviders('cpu', 'win32', ['cpu', 'dml'])).toEqual({ candidates: ['cpu'], skipped: [] });
  });
});
