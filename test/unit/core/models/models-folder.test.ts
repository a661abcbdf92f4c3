import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRepoId } from '../../../../src-main/core/models/catalog';
import { addPicked, COMPLETE_MARKER, listInstalled, repoDir, resolveModelFolder } from '../../../../src-main/core/models/models-folder';
import { TransferRate } from '../../../../src-main/core/models/transfer-rate';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let modelsDir: string;
beforeEach(() => {
  tmp = makeTempDir();
  modelsDir = join(tmp.path, 'models');
});
afterEach(() => tmp.cleanup());

const modelFolder = (path: string, files: Record<string, string>) => {
  mkdirSync(path, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(path, name), text);
  return path;
};
const BOTH = { 'model.onnx': 'onnx', 'selected_tags.csv': 'tag_id,name,category,count\n' };

describe('the models folder', () => {
  it('lists a download only once both files and the completion marker are there', async () => {
    modelFolder(join(modelsDir, 'SmilingWolf', 'wd-vit-tagger-v3'), { ...BOTH, [COMPLETE_MARKER]: '{}' });
    modelFolder(join(modelsDir, 'SmilingWolf', 'wd-swinv2-tagger-v3'), BOTH); // the marker is missing: a download never finished
    modelFolder(join(modelsDir, 'SmilingWolf', 'wd-convnext-tagger-v3'), { 'model.onnx.part': 'half', 'selected_tags.csv': 'x', [COMPLETE_MARKER]: '{}' });
    expect((await listInstalled(modelsDir)).map((m) => [m.id, m.label])).toEqual([['SmilingWolf/wd-vit-tagger-v3', 'WD ViT v3']]);
  });

  it('remembers a picked folder holding both files, and refuses one that lacks a file, saying which', async () => {
    const good = modelFolder(join(tmp.path, 'my-tagger'), BOTH);
    const half = modelFolder(join(tmp.path, 'half'), { 'model.onnx': 'onnx' });
    const empty = modelFolder(join(tmp.path, 'empty-csv'), { 'model.onnx': 'onnx', 'selected_tags.csv': '' });
    expect(await addPicked(modelsDir, good)).toMatchObject({ id: good, source: 'folder', path: good });
    await expect(addPicked(modelsDir, half)).rejects.toThrow(/half is not a tagger model folder: selected_tags\.csv is missing or empty/);
    await expect(addPicked(modelsDir, empty)).rejects.toThrow(/selected_tags\.csv is missing or empty/);
    await expect(addPicked(modelsDir, join(tmp.path, 'nowhere'))).rejects.toThrow(/no such file or folder/);
    expect((await listInstalled(modelsDir)).map((m) => m.id)).toEqual([good]);
  });

  it('finds the folder a run names: a downloaded repository id, or a folder path', async () => {
    const downloaded = modelFolder(join(modelsDir, 'SmilingWolf', 'wd-vit-tagger-v3'), { ...BOTH, [COMPLETE_MARKER]: '{}' });
    const mine = modelFolder(join(tmp.path, 'mine'), BOTH);
    expect(await resolveModelFolder(modelsDir, 'SmilingWolf/wd-vit-tagger-v3')).toBe(downloaded);
    expect(await resolveModelFolder(modelsDir, mine)).toBe(mine);
    await expect(resolveModelFolder(modelsDir, 'SmilingWolf/wd-eva02-large-tagger-v3')).rejects.toThrow(/is not downloaded yet/);
    await expect(resolveModelFolder(modelsDir, join(tmp.path, 'nowhere'))).rejects.toThrow(/no such file or folder/);
  });

  it('never lets a repository id climb out of the models folder', () => {
    expect(isRepoId('SmilingWolf/wd-vit-tagger-v3')).toBe(true);
    for (const bad of ['../etc', 'a/..', 'a/b/c', '/abs/x', 'a\\b/c', 'a/.', '']) expect(isRepoId(bad)).toBe(false);
    expect(() => repoDir(modelsDir, '../x')).toThrow(/Not a Hugging Face repository id/);
  });
});

describe('the download rate', () => {
  it('gives the rate over the last seconds and the time left at that rate', () => {
    let now = 0;
    const rate = new TransferRate(() => now);
    expect(rate.update(0, 1000)).toEqual({ bytes: 0, total: 1000, bytesPerSecond: 0, etaSeconds: null });
    now = 2000;
    expect(rate.update(200, 1000)).toEqual({ bytes: 200, total: 1000, bytesPerSecond: 100, etaSeconds: 8 });
    now = 10_000; // the connection got faster: the old samples fall out of the window
    const later = rate.update(800, 1000);
    expect(later.bytesPerSecond).toBe(75);
    now = 12_000;
    expect(rate.update(1000, 1000).bytesPerSecond).toBe(100);
  });
});
