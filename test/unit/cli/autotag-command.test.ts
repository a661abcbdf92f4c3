import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../../src-main/api/create-api-host';
import { runAutotagCommand } from '../../../src-main/cli/autotag-command';
import { parseCommandLine, type AutotagCommand } from '../../../src-main/cli/parse-args';
import { callApi } from '../../support/api-call';
import { tinyModel, writeModelFolder } from '../../support/make-onnx-model';
import { TAGGER_IMAGES, writeTestImage } from '../../support/tagger-images';
import { makeTempDir } from '../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let dir: string;
beforeEach(async () => {
  tmp = makeTempDir();
  dir = join(tmp.path, 'set');
  for (const name of ['blue-corner.png', 'red-band.png']) await writeTestImage(dir, TAGGER_IMAGES.find((i) => i.name === name)!);
  writeFileSync(join(dir, 'blue-corner.txt'), 'my tag');
});
afterEach(() => tmp.cleanup());

const paths = () => ({ userDataDir: join(tmp.path, 'app-data'), cacheDir: join(tmp.path, 'cache'), version: 'test' });
const parsed = (...args: string[]) => parseCommandLine(['autotag', dir, ...args], tmp.path) as AutotagCommand;

async function run(cmd: AutotagCommand) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAutotagCommand(cmd, paths(), (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('lora-tagger autotag', () => {
  it('parses every flag, and refuses a threshold out of range or a mode it does not know', () => {
    expect(parsed('--model', 'm', '--general', '0.5', '--character', '1', '--mcut', '--max-tags', '20', '--exclude', 'a, b_*', '--mode', 'replace', '--underscores', 'spaces', '--batch', '8', '--provider', 'cpu')).toEqual({
      command: 'autotag',
      folder: dir,
      model: join(tmp.path, 'm'),
      general: 0.5,
      character: 1,
      mcut: true,
      maxTags: 20,
      exclude: ['a', 'b_*'],
      mode: 'replace',
      underscoresToSpaces: true,
      batch: 8,
      provider: 'cpu',
    });
    expect(parsed('--model', 'SmilingWolf/wd-vit-tagger-v3').model).toBe('SmilingWolf/wd-vit-tagger-v3');
    expect(parseCommandLine(['autotag', dir, '--model', 'm', '--general', '1.5'])).toMatchObject({ command: 'error', message: expect.stringContaining('--general') });
    expect(parseCommandLine(['autotag', dir, '--model', 'm', '--mode', 'overwrite'])).toMatchObject({ command: 'error', message: expect.stringContaining('--mode') });
    expect(parseCommandLine(['autotag', dir])).toMatchObject({ command: 'error', message: expect.stringContaining('--model is required') });
  });

  it('replaces captions by the model’s tags (characters, then general, highest score first) and prints a summary', async () => {
    const model = await writeModelFolder(join(tmp.path, 'model'), tinyModel());
    const { code, out } = await run(parsed('--model', model, '--mode', 'replace'));
    expect(code).toBe(0);
    expect(out).toMatch(/Scored 2 images in [\d.]+ s \([\d.]+ images\/s\) on CPU/);
    expect(out).toContain('Wrote tags to 2 captions (replace)');
    expect(readFileSync(join(dir, 'blue-corner.txt'), 'utf8')).toBe('hatsune_miku, blue_top_left');
    expect(readFileSync(join(dir, 'red-band.txt'), 'utf8')).toBe('kirisame_marisa, red_bottom');

    // a second run resumes nothing (the first finished) and, in suggest mode, writes nothing
    const again = await run(parsed('--model', model, '--mode', 'suggest', '--general', '0.9'));
    expect(again.code).toBe(0);
    expect(again.out).toContain('no caption was written');
    expect(readFileSync(join(dir, 'blue-corner.txt'), 'utf8')).toBe('hatsune_miku, blue_top_left');
  });

  it('in suggest mode writes no caption and leaves suggestions the app shows when it opens the folder', async () => {
    const model = await writeModelFolder(join(tmp.path, 'model'), tinyModel());
    const { code, out } = await run(parsed('--model', model, '--mode', 'suggest'));
    expect(code).toBe(0);
    expect(out).toContain('Suggestions for 2 images');
    expect(readFileSync(join(dir, 'blue-corner.txt'), 'utf8')).toBe('my tag');
    expect(existsSync(join(dir, 'red-band.txt'))).toBe(false);

    const api = createApiHost({ transport: 'serve', servedFolder: null, ...paths() });
    try {
      await callApi(api, 'session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
      const { items } = await callApi(api, 'images.list', { offset: 0, limit: 10 });
      const blue = items.find((i) => i.name === 'blue-corner.png')!;
      const shown = await callApi(api, 'autotag.suggestions', { imageId: blue.id });
      expect(shown.modelId).toBe(model);
      expect(shown.suggestions.map((t) => t.tag).sort()).toEqual(['blue_top_left', 'hatsune_miku']);
    } finally {
      await api.shutdown();
    }
  });

  it('exits non-zero with the reason for a model that cannot be used, and writes nothing', async () => {
    const broken = await writeModelFolder(join(tmp.path, 'broken'), new TextEncoder().encode('not onnx'));
    const { code, err } = await run(parsed('--model', broken));
    expect(code).toBe(1);
    expect(err).toMatch(/lora-tagger autotag: .+/);
    expect(readFileSync(join(dir, 'blue-corner.txt'), 'utf8')).toBe('my tag');
  });
});
