import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { seedNote } from '../../../bench/phases/seed-phase';
import { tagguiMissing } from '../../../bench/phases/taggui-phase';

const hasPillow = spawnSync('python3', ['-c', 'import PIL']).status === 0;

describe('the TagGUI phase', () => {
  it('says plainly why it is skipped: no checkout named, or not a TagGUI checkout', async () => {
    expect(await tagguiMissing(null)).toMatch(/no --taggui DIR/);
    expect(await tagguiMissing(tmpdir())).toMatch(/is not a checkout of jhc13\/taggui/);
  });
});

describe('the seed phase', () => {
  it('says that a civitai-tagger checkout is not called, and why', () => {
    expect(seedNote(null)).toMatch(/no --seed DIR/);
    expect(seedNote('/no/such/dir')).toMatch(/does not exist/);
    expect(seedNote(tmpdir())).toMatch(/not called/);
  });

  it.skipIf(!hasPillow)("re-implements civitai-tagger's import: verified images copied as img_NNN with an empty caption, a broken one left out", async () => {
    const source = mkdtempSync(join(tmpdir(), 'seed-src-'));
    const session = join(mkdtempSync(join(tmpdir(), 'seed-out-')), 'session');
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } }).jpeg().toFile(join(source, 'b.jpg'));
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0f0' } }).png().toFile(join(source, 'a.png'));
    writeFileSync(join(source, 'c.jpg'), 'not an image');
    const run = spawnSync('python3', [join('bench', 'peers', 'seed_import.py'), source, session], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ images: 2, rejected: 1 });
    expect(readdirSync(session).sort()).toEqual(['img_001.png', 'img_001.txt', 'img_002.jpg', 'img_002.txt']);
    expect(readFileSync(join(session, 'img_002.jpg'))).toEqual(readFileSync(join(source, 'b.jpg')));
    expect(readFileSync(join(session, 'img_001.txt'), 'utf8')).toBe('');
  });

  it.skipIf(!hasPillow)('numbers the copies in natural order: shot2 before shot10', async () => {
    const source = mkdtempSync(join(tmpdir(), 'seed-src-'));
    const session = join(mkdtempSync(join(tmpdir(), 'seed-out-')), 'session');
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } }).png().toFile(join(source, 'shot10.png'));
    await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00f' } }).jpeg().toFile(join(source, 'shot2.jpg'));
    const run = spawnSync('python3', [join('bench', 'peers', 'seed_import.py'), source, session], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(readdirSync(session).sort()).toEqual(['img_001.jpg', 'img_001.txt', 'img_002.png', 'img_002.txt']);
  });
});
