import { chmodSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImageService } from '../../../../src-main/core/images/image-service';
import { makeImages, writeBytes } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { runFixture } from '../../../support/run-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { testThreadPools } from '../../../support/test-thread-pools';

const pools = testThreadPools();

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** a valid PNG header claiming width × height, with one tiny IDAT: enough for a header reader, never decodable */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function noisyJpeg(): Promise<Buffer> {
  const raw = Buffer.alloc(256 * 256 * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919) % 251;
  return sharp(raw, { raw: { width: 256, height: 256, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

describe('bad input while scanning', () => {
  it('lists damaged files as skipped with a reason and keeps the rest', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['good.png', 'good2.jpg']);
    writeBytes(join(dir, 'zero.jpg'), Buffer.alloc(0));
    writeBytes(join(dir, 'text.png'), 'just some text pretending to be a png');
    writeBytes(join(dir, 'huge.png'), pngHeader(30000, 30000));
    const jpeg = await noisyJpeg();
    writeBytes(join(dir, 'truncated.jpg'), jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
    writeBytes(join(dir, 'text.txt'), 'caption of the fake png');
    const { workspace } = makeWorkspace(tmp.path);

    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    const session = workspace.requireSession();
    await session.whenIdle();
    const info = session.info();
    const skipped = Object.fromEntries(info.skippedFiles.map((f) => [f.name, f.reason]));
    expect(skipped['zero.jpg']).toMatch(/empty/);
    expect(skipped['text.png']).toMatch(/not a readable image/);
    expect(skipped['huge.png']).toMatch(/30000×30000.*limit/);
    // the truncated JPEG's header is intact: it is listed and can be tagged
    expect((await session.list()).map((i) => i.name)).toEqual(['good.png', 'good2.jpg', 'truncated.jpg']);
    // …but its preview says why it cannot be shown
    const images = new ImageService(join(tmp.path, 'cache'), pools);
    const truncated = (await session.list()).find((i) => i.name === 'truncated.jpg')!;
    const preview = await images.serve(session, truncated.id, 'preview');
    expect(preview).toMatchObject({ ok: false, status: 415, message: expect.stringMatching(/truncated/) });
    const good = await images.serve(session, (await session.list())[0]!.id, 'preview');
    expect(good.ok).toBe(true);
    await images.close();
    // the caption beside a skipped file is left alone
    expect(readFileSync(join(dir, 'text.txt'), 'utf8')).toBe('caption of the fake png');
    await workspace.shutdown();

    // reopening does not check the same bad files again, and still lists them
    const again = makeWorkspace(tmp.path);
    const info2 = await again.workspace.open({ path: dir });
    expect(info2.skippedFiles.map((f) => f.name).sort()).toEqual(['huge.png', 'text.png', 'zero.jpg']);
    await again.workspace.shutdown();
  });
});

describe('a read-only folder', () => {
  it('gives a clear message and leaves no half-done import', async () => {
    const dir = join(tmp.path, 'locked');
    await makeImages(dir, ['a.png', 'b.png', 'c.png']);
    chmodSync(dir, 0o555);
    const base = join(tmp.path, 'base');
    mkdirSync(base);
    for (const mode of ['import', 'in-place']) {
      // permissions bind the fixture as they bind a user; root's would not
      const run = await runFixture(resolve(__dirname, 'fixtures/open-as-given.ts'), [dir, base, mode], { permissionsApply: true });
      expect(run.err).toBe('');
      const result = JSON.parse(run.out);
      expect(result).toMatchObject({ ok: false, code: 'read-only' });
      expect(result.message).toMatch(/read-only/);
      expect(readdirSync(dir).sort()).toEqual(['a.png', 'b.png', 'c.png']);
    }
    chmodSync(dir, 0o755);
  });
});
