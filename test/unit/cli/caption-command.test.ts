import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptionCommand } from '../../../src-main/cli/caption-command';
import { parseCommandLine, type CaptionCommand } from '../../../src-main/cli/parse-args';
import { startFakeVlmServer, type FakeVlmServer } from '../../support/fake-vlm-server';
import { makeTempDir } from '../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let dir: string;
let vlm: FakeVlmServer;
beforeEach(async () => {
  tmp = makeTempDir();
  dir = join(tmp.path, 'set');
  mkdirSync(dir);
  await sharp({ create: { width: 300, height: 150, channels: 3, background: { r: 220, g: 30, b: 30 } } }).png().toFile(join(dir, 'red.png'));
  await sharp({ create: { width: 100, height: 100, channels: 3, background: { r: 30, g: 30, b: 220 } } }).jpeg().toFile(join(dir, 'blue.jpg'));
  writeFileSync(join(dir, 'red.txt'), 'tag one, tag two');
  vlm = await startFakeVlmServer();
});
afterEach(async () => {
  await vlm.close();
  tmp.cleanup();
});

const paths = () => ({ userDataDir: join(tmp.path, 'app-data'), cacheDir: join(tmp.path, 'cache'), version: 'test' });
const parsed = (...args: string[]) => parseCommandLine(['caption', dir, ...args], tmp.path) as CaptionCommand;
const caption = (stem: string) => readFileSync(join(dir, `${stem}.txt`), 'utf8');

async function run(cmd: CaptionCommand, env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCaptionCommand(cmd, paths(), (l) => out.push(l), (l) => err.push(l), env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('lora-tagger caption', () => {
  it('parses its flags, guesses the protocol from the URL, and refuses what it cannot use', () => {
    expect(parsed('--backend', 'http://127.0.0.1:11434', '--model', 'qwen2.5vl:7b', '--mode', 'append', '--max-side', '768', '--concurrency', '4', '--api-key-env', 'MY_KEY')).toEqual({
      command: 'caption',
      folder: dir,
      backend: 'http://127.0.0.1:11434',
      kind: 'ollama',
      model: 'qwen2.5vl:7b',
      promptPreset: 'detailed',
      prompt: null,
      mode: 'append',
      maxSide: 768,
      concurrency: 4,
      apiKeyEnv: 'MY_KEY',
    });
    expect(parsed('--backend', 'http://127.0.0.1:1234/v1', '--model', 'm', '--prompt', 'Describe {name}')).toMatchObject({ kind: 'openai', prompt: 'Describe {name}', promptPreset: null, mode: 'suggest', maxSide: 1024, concurrency: 2 });
    const error = (...args: string[]) => parseCommandLine(['caption', dir, ...args]);
    expect(error('--model', 'm')).toMatchObject({ command: 'error', message: expect.stringContaining('--backend') });
    expect(error('--backend', 'ftp://x', '--model', 'm')).toMatchObject({ command: 'error', message: expect.stringContaining('--backend') });
    expect(error('--backend', 'http://x')).toMatchObject({ command: 'error', message: expect.stringContaining('--model') });
    expect(error('--backend', 'http://x', '--model', 'm', '--prompt', 'a', '--prompt-preset', 'short')).toMatchObject({ command: 'error', message: 'give --prompt-preset or --prompt, not both' });
    expect(error('--backend', 'http://x', '--model', 'm', '--mode', 'overwrite')).toMatchObject({ command: 'error', message: expect.stringContaining('--mode') });
    expect(error('--backend', 'http://x', '--model', 'm', '--api-key-env', 'sk-123')).toMatchObject({ command: 'error', message: expect.stringContaining('--api-key-env') });
  });

  it('replace: writes each image’s own caption; suggest writes nothing', async () => {
    const suggest = await run(parsed('--backend', `${vlm.url}/v1`, '--model', 'fake-vl', '--prompt-preset', 'short', '--max-side', '120'));
    expect(suggest).toMatchObject({ code: 0, err: '' });
    expect(suggest.out).toMatch(/^Captioned 2 images in/);
    expect(caption('red')).toBe('tag one, tag two');

    // the same run again: its answers are taken up, nothing is sent twice
    const replace = await run(parsed('--backend', `${vlm.url}/v1`, '--model', 'fake-vl', '--prompt-preset', 'short', '--max-side', '120', '--mode', 'replace'));
    expect(replace.code).toBe(0);
    expect(vlm.requests).toHaveLength(4);
    expect(caption('red')).toBe('A red image, 120 by 60 pixels.');
    expect(caption('blue')).toBe('A blue image, 100 by 100 pixels.');
  });

  it('append over Ollama, with the key from the environment, never from the command line', async () => {
    vlm.apiKey = 'sk-env';
    const result = await run(parsed('--backend', vlm.url, '--kind', 'ollama', '--model', 'fake-vl', '--mode', 'append', '--max-side', '64', '--api-key-env', 'VLM_KEY'), { VLM_KEY: 'sk-env' });
    expect(result.code).toBe(0);
    expect(caption('red')).toBe('tag one, tag two, A red image, 64 by 32 pixels.');
    expect(vlm.requests.every((r) => r.protocol === 'ollama' && r.authorization === 'Bearer sk-env')).toBe(true);
    // nothing of the key in the app's files
    expect(readFileSync(join(tmp.path, 'app-data', 'captioner-backends.json'), 'utf8')).not.toContain('sk-env');
  });

  it('fails with the reason when the key variable is unset, or when no image got a caption', async () => {
    expect(await run(parsed('--backend', vlm.url, '--model', 'fake-vl', '--api-key-env', 'NOPE'))).toMatchObject({ code: 1, err: expect.stringContaining('NOPE (--api-key-env) is not set') });
    const missing = await run(parsed('--backend', `${vlm.url}/v1`, '--model', 'not-there', '--mode', 'replace'));
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('failed red.png: 127.0.0.1');
    expect(missing.out).toContain('Not found (404');
    expect(missing.err).toContain('no image got a caption (2 failed)');
    expect(caption('red')).toBe('tag one, tag two');
  });
});
