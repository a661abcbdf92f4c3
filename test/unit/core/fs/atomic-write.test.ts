import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../src-main/core/fs/atomic-write';
import { sweepStaleTemps } from '../../../../src-main/core/fs/sweep-temps';
import { TEMP_NAME_PATTERN } from '../../../../src-main/core/fs/temp-name';

const bypassesPermissions = await permissionsBypassed();

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'atomic-write-'));
});
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a file with exactly the given bytes and leaves no temp behind', async () => {
    const target = join(dir, 'a.txt');
    await writeFileAtomic(target, Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]));
    expect(await readFile(target)).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]));
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('replaces an existing file and keeps its permission bits', async () => {
    const target = join(dir, 'a.txt');
    await writeFile(target, 'old content that is longer');
    await chmod(target, 0o640);
    await writeFileAtomic(target, Buffer.from('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect((await stat(target)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('refuses to replace a read-only file (0o444), for root as for anyone, and leaves it and its mode untouched', async () => {
    const target = join(dir, 'a.txt');
    await writeFile(target, 'old');
    await chmod(target, 0o444);
    await expect(writeFileAtomic(target, Buffer.from('new'))).rejects.toMatchObject({
      code: 'read-only',
      message: expect.stringMatching(/^a\.txt is read-only: /),
    });
    expect(await readFile(target, 'utf8')).toBe('old');
    expect((await stat(target)).mode & 0o777).toBe(0o444);
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('writes an empty file', async () => {
    const target = join(dir, 'empty.txt');
    await writeFile(target, 'x');
    await writeFileAtomic(target, new Uint8Array(0));
    expect((await readFile(target)).length).toBe(0);
  });

  it('handles a name so long that prefix and suffix would overflow the 255-byte limit', async () => {
    const name = `${'é'.repeat(120)}.txt`; // 244 bytes in UTF-8
    const target = join(dir, name);
    await writeFileAtomic(target, Buffer.from('long'));
    expect(await readFile(target, 'utf8')).toBe('long');
    expect(await readdir(dir)).toEqual([name]);
  });

  it('throws ENOTDIR when the parent is a file, and creates nothing', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(writeFileAtomic(join(dir, 'file', 'a.txt'), Buffer.from('y'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(await readdir(dir)).toEqual(['file']);
    expect(await readFile(join(dir, 'file'), 'utf8')).toBe('x');
  });

  it('removes its temp when the rename fails (target is a folder) and leaves the folder alone', async () => {
    await mkdir(join(dir, 'taken'));
    await writeFile(join(dir, 'taken', 'inside.txt'), 'keep');
    await expect(writeFileAtomic(join(dir, 'taken'), Buffer.from('y'))).rejects.toMatchObject({
      code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST|EPERM)$/),
    });
    expect(await readdir(dir)).toEqual(['taken']);
    expect(await readFile(join(dir, 'taken', 'inside.txt'), 'utf8')).toBe('keep');
  });

  // root (and Windows, where chmod does not guard folders) can still write into
  // a 0o555 folder, so a read-only folder cannot be simulated there; the two
  // tests above cover the failure path in every environment
  it.skipIf(bypassesPermissions)(
    'throws EACCES in a read-only folder and leaves the old file untouched (skipped where a probe shows this process, e.g. root, writes through chmod 0o555)',
    async () => {
      const target = join(dir, 'a.txt');
      await writeFile(target, 'old');
      await chmod(dir, 0o555);
      await expect(writeFileAtomic(target, Buffer.from('new'))).rejects.toMatchObject({ code: 'EACCES' });
      expect(await readFile(target, 'utf8')).toBe('old');
      expect(await readdir(dir)).toEqual(['a.txt']);
    },
  );
});

/** Probes whether this process can write into a folder it made read-only. */
async function permissionsBypassed(): Promise<boolean> {
  const probe = await mkdtemp(join(tmpdir(), 'perm-probe-'));
  try {
    await chmod(probe, 0o555);
    await writeFile(join(probe, 'probe'), 'x');
    return true;
  } catch {
    return false;
  } finally {
    await chmod(probe, 0o755);
    await rm(probe, { recursive: true, force: true });
  }
}

describe('writeFileAtomic when the writer is killed mid-stream', () => {
  const fixture = fileURLToPath(new URL('./fixtures/rewrite-loop.ts', import.meta.url));
  const SIZE = 2 * 1024 * 1024;

  /** Runs the rewrite loop until it has reported `writes` finished writes, then SIGKILLs it. */
  async function killAfter(target: string, writes: number): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, target, String(SIZE)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let seen = 0;
    for await (const line of createInterface({ input: child.stdout })) {
      if (line.startsWith('wrote ') && ++seen >= writes) break;
    }
    if (seen < writes) throw new Error(`the writer stopped after ${seen} writes: ${stderr}`);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
  }

  it.each([1, 2, 3, 4, 5])('leaves one whole payload, never a mix (run %i)', async (run) => {
    const target = join(dir, 'caption.txt');
    await killAfter(target, 2 + run);

    const content = await readFile(target);
    expect(content.length).toBe(SIZE);
    const fill = content[0];
    expect(fill === 0x41 || fill === 0x42).toBe(true);
    expect(content.equals(Buffer.alloc(SIZE, fill))).toBe(true);

    // the write the kill interrupted may leave its temp: at most one, and ours
    const others = (await readdir(dir)).filter((n) => n !== 'caption.txt');
    expect(others.length).toBeLessThanOrEqual(1);
    for (const name of others) expect(name).toMatch(TEMP_NAME_PATTERN);

    await sweepStaleTemps(dir, { olderThanMs: 0 });
    expect(await readdir(dir)).toEqual(['caption.txt']);
    expect((await readFile(target)).equals(content)).toBe(true);
  });
});
