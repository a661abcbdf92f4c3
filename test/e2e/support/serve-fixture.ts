import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base } from '@playwright/test';
import sharp from 'sharp';

const cliEntry = fileURLToPath(new URL('../../../out/main/cli.js', import.meta.url));

export interface Served {
  url: string;
  folder: string;
  work: string;
  stop(): Promise<void>;
}

/**
 * `lora-tagger serve <folder>` as a user runs it: the built plain-Node entry, a
 * fresh folder and fresh app folders per test, the URL read from what it prints.
 */
export async function serveFolder(folder: string, work: string): Promise<Served> {
  const child: ChildProcess = spawn(process.execPath, [cliEntry, 'serve', folder, '--port', '0'], {
    env: { ...process.env, LORA_TAGGER_USER_DATA: join(work, 'user-data'), LORA_TAGGER_CACHE: join(work, 'cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /Open (http:\/\/\S+)/.exec(output);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return {
    url,
    folder,
    work,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** distinct colours and sizes, so no two are duplicates; names that sort naturally, not by code point */
export async function makePhotos(folder: string, count: number, prefix = 'photo-'): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const names: string[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `${prefix}${i}.${i % 3 === 0 ? 'jpg' : 'png'}`;
    const img = sharp({ create: { width: 120 + i, height: 90, channels: 3, background: { r: (i * 12) % 256, g: 255 - ((i * 10) % 256), b: (i * 37) % 256 } } });
    await (name.endsWith('.jpg') ? img.jpeg() : img.png()).toFile(join(folder, name));
    names.push(name);
  }
  return names;
}

export const test = base.extend<{ work: string }>({
  // eslint-disable-next-line no-empty-pattern
  work: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'lora-tagger-e2e-'));
    await use(dir);
    if (!process.env.KEEP_TEST_DIRS) await rm(dir, { recursive: true, force: true });
  },
});
export { expect } from '@playwright/test';
