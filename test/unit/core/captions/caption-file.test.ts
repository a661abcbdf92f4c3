import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CAPTION_FORMAT } from '../../../../src-main/core/captions/caption-codec';
import {
  ABSENT_FINGERPRINT,
  fingerprintBytes,
  readCaptionFile,
  restoreCaptionBytes,
  writeCaptionFile,
} from '../../../../src-main/core/captions/caption-file';
import { UnreadableFileError } from '../../../../src-main/core/fs/regular-file';

let dir: string;
let path: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'caption-file-'));
  path = join(dir, 'img_001.txt');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fingerprintBytes', () => {
  it('is the sha1 hex of the bytes', () => {
    const bytes = Buffer.from('a, b');
    expect(fingerprintBytes(bytes)).toBe(createHash('sha1').update(bytes).digest('hex'));
    expect(fingerprintBytes(new Uint8Array(0))).not.toBe(ABSENT_FINGERPRINT);
  });
});

describe('readCaptionFile', () => {
  it('describes a missing file as an empty caption that does not exist', async () => {
    const s = await readCaptionFile(path);
    expect(s).toEqual({
      exists: false,
      fingerprint: ABSENT_FINGERPRINT,
      size: 0,
      mtimeMs: 0,
      decoded: { text: '', format: DEFAULT_CAPTION_FORMAT },
      bytes: null,
    });
  });

  it('reads bytes, fingerprint, size and decoded text of an existing file', async () => {
    const bytes = Buffer.from('\uFEFFlong_hair, (smile:1.1)\r\n', 'utf8');
    await writeFile(path, bytes);
    const s = await readCaptionFile(path);
    expect(s.exists).toBe(true);
    expect(s.bytes?.equals(bytes)).toBe(true);
    expect(s.fingerprint).toBe(fingerprintBytes(bytes));
    expect(s.size).toBe(bytes.length);
    expect(s.mtimeMs).toBeGreaterThan(0);
    expect(s.decoded).toEqual({ text: 'long_hair, (smile:1.1)', format: { encoding: 'utf8', bom: true, lineEnding: 'crlf' } });
  });

  it('throws errors other than a missing file, saying why in words', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(readCaptionFile(join(dir, 'file', 'a.txt'))).rejects.toMatchObject({
      code: 'io',
      reason: 'a part of its path is a file, not a folder',
    });
    await expect(readCaptionFile(dir)).rejects.toMatchObject({ code: 'io', reason: 'it is a folder, not a file' });
  });

  it('refuses a named pipe under the caption name at once, never waiting for a writer', async () => {
    execFileSync('mkfifo', [path]);
    await expect(readCaptionFile(path)).rejects.toMatchObject({
      code: 'io',
      reason: 'it is a named pipe, not a file',
      message: expect.stringContaining(path),
    });
  });
});

describe('writeCaptionFile', () => {
  it('creates a missing caption when the caller expected it absent', async () => {
    const out = await writeCaptionFile(path, 'a, b', { format: DEFAULT_CAPTION_FORMAT, expectedFingerprint: ABSENT_FINGERPRINT });
    expect(out.ok).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('a, b');
    if (!out.ok) return;
    expect(out.fellBack).toBe(false);
    expect(out.snapshot).toMatchObject({ exists: true, size: 4, fingerprint: fingerprintBytes(Buffer.from('a, b')) });
    expect(out.snapshot.decoded).toEqual({ text: 'a, b', format: DEFAULT_CAPTION_FORMAT });
  });

  it('keeps the BOM, encoding and line ending of the file it replaces', async () => {
    await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a, b\r\n', 'utf16le')]));
    const before = await readCaptionFile(path);
    const out = await writeCaptionFile(path, `${before.decoded.text}, c`, {
      format: before.decoded.format,
      expectedFingerprint: before.fingerprint,
    });
    expect(out.ok).toBe(true);
    const expected = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a, b, c\r\n', 'utf16le')]);
    expect((await readFile(path)).equals(expected)).toBe(true);
    if (!out.ok) return;
    // the snapshot is the new state: it matches a fresh read
    const after = await readCaptionFile(path);
    expect(out.snapshot.fingerprint).toBe(after.fingerprint);
    expect(out.snapshot.mtimeMs).toBe(after.mtimeMs);
    expect(out.snapshot.bytes?.equals(expected)).toBe(true);
    expect(out.snapshot.decoded).toEqual(after.decoded);
  });

  it('refuses to overwrite a file another program changed since it was read, and leaves that program\'s bytes', async () => {
    await writeFile(path, 'a, b');
    const read = await readCaptionFile(path);
    const theirs = Buffer.from('a, b, written elsewhere\n');
    await writeFile(path, theirs);

    const out = await writeCaptionFile(path, 'a, b, mine', { format: read.decoded.format, expectedFingerprint: read.fingerprint });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.reason).toBe('conflict');
    expect(out.current.fingerprint).toBe(fingerprintBytes(theirs));
    expect(out.current.decoded.text).toBe('a, b, written elsewhere');
    expect((await readFile(path)).equals(theirs)).toBe(true);
    expect(await readdir(dir)).toEqual(['img_001.txt']);
  });

  it('treats a caption created by someone else as a conflict when we expected none', async () => {
    await writeFile(path, 'theirs');
    const out = await writeCaptionFile(path, 'mine', { format: DEFAULT_CAPTION_FORMAT, expectedFingerprint: ABSENT_FINGERPRINT });
    expect(out.ok).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('theirs');
  });

  it('treats a caption deleted by someone else as a conflict', async () => {
    await writeFile(path, 'a');
    const read = await readCaptionFile(path);
    await rm(path);
    const out = await writeCaptionFile(path, 'a, b', { format: read.decoded.format, expectedFingerprint: read.fingerprint });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.current.exists).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('writes an edit that Windows-1252 cannot hold as UTF-8 and says it fell back', async () => {
    await writeFile(path, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])); // "café\n" in 1252
    const read = await readCaptionFile(path);
    expect(read.decoded.format.encoding).toBe('windows1252');
    const out = await writeCaptionFile(path, 'café, 🐱', { format: read.decoded.format, expectedFingerprint: read.fingerprint });
    expect(out.ok && out.fellBack).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('café, 🐱\n');
    expect((await readCaptionFile(path)).decoded).toEqual({ text: 'café, 🐱', format: { encoding: 'utf8', bom: false, lineEnding: 'lf' } });
  });

  it('throws, saying why, when the folder is not writable as a folder', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(
      writeCaptionFile(join(dir, 'file', 'a.txt'), 'a', { format: DEFAULT_CAPTION_FORMAT, expectedFingerprint: ABSENT_FINGERPRINT }),
    ).rejects.toMatchObject({ code: 'io', reason: 'a part of its path is a file, not a folder' });
  });

  it('never writes over a folder or a named pipe under the caption name, nor does an undo', async () => {
    const pipe = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [pipe]);
    const folder = join(dir, 'folder.txt');
    await mkdir(folder);
    for (const target of [pipe, folder]) {
      await expect(
        writeCaptionFile(target, 'a', { format: DEFAULT_CAPTION_FORMAT, expectedFingerprint: ABSENT_FINGERPRINT }),
      ).rejects.toBeInstanceOf(UnreadableFileError);
      await expect(restoreCaptionBytes(target, Buffer.from('b'), ABSENT_FINGERPRINT)).rejects.toBeInstanceOf(UnreadableFileError);
      await expect(restoreCaptionBytes(target, null, ABSENT_FINGERPRINT)).rejects.toBeInstanceOf(UnreadableFileError);
    }
    expect((await lstat(pipe)).isFIFO()).toBe(true);
    expect((await lstat(folder)).isDirectory()).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['folder.txt', 'pipe.txt']);
  });
});

describe('restoreCaptionBytes', () => {
  it('puts back the exact earlier bytes', async () => {
    const original = Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x5f, 0x62, 0x0d, 0x0a]);
    await writeFile(path, original);
    const before = await readCaptionFile(path);
    const edit = await writeCaptionFile(path, 'changed', { format: before.decoded.format, expectedFingerprint: before.fingerprint });
    if (!edit.ok) throw new Error('edit failed');

    const undo = await restoreCaptionBytes(path, before.bytes, edit.snapshot.fingerprint);
    expect(undo.ok).toBe(true);
    expect((await readFile(path)).equals(original)).toBe(true);
    if (undo.ok) expect(undo.snapshot.fingerprint).toBe(before.fingerprint);
  });

  it('removes a file that did not exist before', async () => {
    const created = await writeCaptionFile(path, 'new', { format: DEFAULT_CAPTION_FORMAT, expectedFingerprint: ABSENT_FINGERPRINT });
    if (!created.ok) throw new Error('create failed');
    const undo = await restoreCaptionBytes(path, null, created.snapshot.fingerprint);
    expect(undo.ok).toBe(true);
    if (undo.ok) expect(undo.snapshot.exists).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses when the file changed since the edit it undoes, and leaves it', async () => {
    await writeFile(path, 'first');
    const before = await readCaptionFile(path);
    const edit = await writeCaptionFile(path, 'second', { format: before.decoded.format, expectedFingerprint: before.fingerprint });
    if (!edit.ok) throw new Error('edit failed');
    await writeFile(path, 'third, from elsewhere');

    const undo = await restoreCaptionBytes(path, before.bytes, edit.snapshot.fingerprint);
    expect(undo.ok).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('third, from elsewhere');
    const undoDelete = await restoreCaptionBytes(path, null, edit.snapshot.fingerprint);
    expect(undoDelete.ok).toBe(false);
    expect(await readFile(path, 'utf8')).toBe('third, from elsewhere');
  });
});
