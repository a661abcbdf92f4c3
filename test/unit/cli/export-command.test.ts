import { existsSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runExportCommand } from '../../../src-main/cli/export-command';
import type { ExportCommand } from '../../../src-main/cli/parse-args';
import { makeImages, writeBytes } from '../../support/make-images';
import { makeTempDir } from '../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

function zipEntries(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

const command = (folder: string, out: string, extra: Partial<ExportCommand> = {}): ExportCommand => ({
  command: 'export',
  folder,
  target: 'civitai',
  out,
  trigger: null,
  maxSide: null,
  format: 'keep',
  keepMetadata: false,
  ...extra,
});

describe('lora-tagger export', () => {
  it('exports a Civitai zip from a folder never opened before, and prints the check report', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png', 'b.jpg', 'c.png']);
    writeBytes(join(dir, 'a.txt'), 'red, blue');
    writeBytes(join(dir, 'b.txt'), 'green');
    const lines: string[] = [];
    const paths = { userDataDir: join(tmp.path, 'data'), cacheDir: join(tmp.path, 'cache'), version: 'test' };
    const zip = join(tmp.path, 'out.zip');

    const code = await runExportCommand(command(dir, zip, { trigger: 'mychar' }), paths, (l) => lines.push(l), (l) => lines.push(l));

    expect(code).toBe(0);
    const entries = await zipEntries(zip);
    // an image with no caption gets no .txt, trigger or not: the check reports it instead
    expect([...entries.keys()].sort()).toEqual(['a.png', 'a.txt', 'b.jpg', 'b.txt', 'c.png'].sort());
    expect(entries.get('a.txt')!.toString()).toBe('mychar, red, blue');
    expect(entries.get('b.txt')!.toString()).toBe('mychar, green');
    expect(lines[0]).toMatch(/^Check: 3 images/);
    expect(lines.some((l) => /without a caption|no caption/i.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('Exported 3 images'))).toBe(true);
  });

  it('writes where --out says, not only beside the folder: the command line is trusted, unlike a served browser', async () => {
    const dir = join(tmp.path, 'datasets', 'mine', 'set');
    await makeImages(dir, ['a.png']);
    const paths = { userDataDir: join(tmp.path, 'data'), cacheDir: join(tmp.path, 'cache'), version: 'test' };
    const zip = join(tmp.path, 'exports', 'set.zip');
    writeBytes(join(tmp.path, 'exports', '.keep'), '');

    expect(await runExportCommand(command(dir, zip), paths, () => undefined, () => undefined)).toBe(0);
    expect(existsSync(zip)).toBe(true);
  });

  it('checks and exports a dataset with a 10 MB caption, warning about it', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png', 'b.png']);
    const huge = 'red, '.repeat(2_000_000);
    writeBytes(join(dir, 'a.txt'), huge);
    writeBytes(join(dir, 'b.txt'), 'green');
    const lines: string[] = [];
    const paths = { userDataDir: join(tmp.path, 'data'), cacheDir: join(tmp.path, 'cache'), version: 'test' };
    const zip = join(tmp.path, 'out.zip');

    const code = await runExportCommand(command(dir, zip), paths, (l) => lines.push(l), (l) => lines.push(l));

    expect(code).toBe(0);
    expect(lines.some((l) => l.startsWith('  warning: 1 caption over 200,000 characters'))).toBe(true);
    const entries = await zipEntries(zip);
    expect([...entries.keys()].sort()).toEqual(['a.png', 'a.txt', 'b.png', 'b.txt']);
    expect(entries.get('a.txt')!.toString()).toBe(huge);
    expect(entries.get('b.txt')!.toString()).toBe('green');
  }, 60_000);

  it('exits non-zero and writes nothing when the export cannot be made', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png']);
    const errors: string[] = [];
    const paths = { userDataDir: join(tmp.path, 'data'), cacheDir: join(tmp.path, 'cache'), version: 'test' };
    const inside = join(dir, 'export.zip');
    const code = await runExportCommand(command(dir, inside), paths, () => undefined, (l) => errors.push(l));
    expect(code).toBe(1);
    expect(errors.join('\n')).toMatch(/lora-tagger export: /);
    expect(existsSync(inside)).toBe(false);
  });
});
