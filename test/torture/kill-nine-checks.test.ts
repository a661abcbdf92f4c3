import { createWriteStream, mkdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { makeTempDir } from '../support/temp-dir';
import { checkAllAre, checkBeforeOrAfter, checkCopies, checkExport, checkStrays, checkUnchanged, judgeEdit } from './kill-nine/checks';
import { trialPaths } from './kill-nine/scenario';
import { batchEdit } from './kill-nine/scenarios/batch-edit';
import { emptyTally } from './kill-nine/tally';
import { decodes, hashZip } from './kill-nine/trial-files';

/**
 * The kill -9 harness's checkers, fed what they exist to catch: a checker
 * that stopped counting a torn caption, a lost edit or a leftover temp would
 * let every trial pass.
 */
const before = new Map([['a.txt', 'red hair, smile'], ['b.txt', 'blue eyes']]);
const after = new Map([['a.txt', 'red hair, smile, kill nine tag'], ['b.txt', 'blue eyes, kill nine tag']]);

describe('the checks of a step over many captions', () => {
  it('accept each caption before or after whole, and count a torn, an empty or a vanished one as a tear', () => {
    const t = emptyTally();
    checkBeforeOrAfter('t', new Map([['a.txt', 'red hair, smile'], ['b.txt', 'blue eyes, kill nine tag']]), before, after, false, t);
    expect([t.tears, t.losses]).toEqual([0, 0]);
    checkBeforeOrAfter('t', new Map([['a.txt', 'red hair, smile, kill n'], ['b.txt', '']]), before, after, false, t);
    expect(t.tears).toBe(2);
    checkBeforeOrAfter('t', new Map([['a.txt', 'red hair, smile']]), before, after, false, t);
    expect(t.tears).toBe(3); // b.txt gone
  });

  it('count a caption still before an acknowledged step as a loss', () => {
    const t = emptyTally();
    checkBeforeOrAfter('t', new Map([['a.txt', 'red hair, smile'], ['b.txt', 'blue eyes, kill nine tag']]), before, after, true, t);
    expect([t.losses, t.tears]).toEqual([1, 0]);
  });

  it('after the reopen and its undo, count a caption not put back as a bad reopen, and a torn one as a tear', () => {
    const t = emptyTally();
    checkAllAre('t', 'undone', new Map([['a.txt', 'red hair, smile, kill nine tag'], ['b.txt', 'blue']]), before, [before, after], t);
    expect([t.badReopens, t.tears]).toEqual([1, 1]);
  });

  it('reads a trial folder: a torn caption and a temp the reopen kept are counted through the scenario itself', async () => {
    const tmp = makeTempDir();
    try {
      const set = trialPaths(tmp.path).set;
      mkdirSync(set, { recursive: true });
      writeFileSync(join(set, 'img_0000.txt'), 'caption 0, red ha');
      writeFileSync(join(set, 'img_0001.txt'), 'caption 1, kill nine tag');
      writeFileSync(join(set, '.lora-tagger-0123456789abcdef.img_0001.txt.tmp'), 'caption 1');
      const facts = {
        before: [['img_0000.txt', 'caption 0, red hair'], ['img_0001.txt', 'caption 1']],
        after: [['img_0000.txt', 'caption 0, red hair, kill nine tag'], ['img_0001.txt', 'caption 1, kill nine tag']],
      };
      const killed = emptyTally();
      await batchEdit.check({ trial: 't', dir: tmp.path, facts, acknowledged: false, phase: 'killed', notes: [] }, killed);
      expect([killed.tears, killed.leftovers, killed.tempsAfterKill]).toEqual([1, 0, 1]);
      const reopened = emptyTally();
      await batchEdit.check({ trial: 't', dir: tmp.path, facts, acknowledged: false, phase: 'reopened', notes: ['undo ok'] }, reopened);
      // the torn caption, the one not undone, and the temp that outlived the open
      expect([reopened.tears, reopened.badReopens, reopened.leftovers]).toEqual([1, 1, 1]);
    } finally {
      tmp.cleanup();
    }
  });
});

describe('the checks of single caption edits', () => {
  const versions = (text: string) => text === 'at open' || text === 'edit 1';
  it('count an acknowledged edit missing as a loss, a half edit or an empty file as a tear', () => {
    expect(judgeEdit({ onDisk: 'edit 2', acknowledged: 'edit 2', inFlight: null, versions })).toBe('ok');
    expect(judgeEdit({ onDisk: 'edit 3', acknowledged: 'edit 2', inFlight: 'edit 3', versions })).toBe('ok');
    expect(judgeEdit({ onDisk: 'edit 1', acknowledged: 'edit 2', inFlight: null, versions })).toBe('loss');
    expect(judgeEdit({ onDisk: 'at open', acknowledged: 'edit 2', inFlight: 'edit 3', versions })).toBe('loss');
    expect(judgeEdit({ onDisk: 'edit', acknowledged: 'edit 2', inFlight: null, versions })).toBe('tear');
    expect(judgeEdit({ onDisk: '', acknowledged: 'edit 2', inFlight: null, versions: () => true })).toBe('tear');
  });
});

describe('the checks of names left behind', () => {
  it('count a temp right after a kill as expected, but one after the reopen, or any other stray name, as a leftover', () => {
    const t = emptyTally();
    const expected = (n: string) => n.endsWith('.png');
    checkStrays('t', 'the dataset', ['a.png', '.lora-tagger-0123456789abcdef.a.txt.tmp', '.img_001.png.importing'], expected, 'killed', t);
    expect([t.tempsAfterKill, t.leftovers]).toEqual([2, 0]);
    checkStrays('t', 'the dataset', ['.img_001.png.importing', 'a.png.4242.k3j4.tmp', 'notes.bak'], expected, 'reopened', t);
    expect(t.leftovers).toBe(3);
  });
});

describe('the checks of an import', () => {
  const originals = new Map([['day one/a.png', 'h1'], ['day two/b.jpg', 'h2']]);
  it('count a source file changed, gone or added', () => {
    const t = emptyTally();
    checkUnchanged('t', 'source', originals, new Map([['day one/a.png', 'hX'], ['c.png', 'h3']]), t);
    expect([t.tears, t.losses, t.leftovers]).toEqual([1, 1, 1]);
  });
  it('count a copy that is no original whole as a tear, one imported twice as a leftover, and originals the finished import missed', () => {
    const t = emptyTally();
    checkCopies('t', new Map([['img_001.png', 'h1']]), originals, false, t);
    expect(t.problems).toEqual([]);
    checkCopies('t', new Map([['img_001.png', 'h1'], ['img_002.png', 'half of h2'], ['img_003.png', 'h1']]), originals, true, t);
    expect([t.tears, t.leftovers, t.badReopens]).toEqual([1, 1, 1]);
  });
});

describe('the checks of an export and of thumbnails', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (tmp = makeTempDir()));
  afterEach(() => tmp.cleanup());

  it('accept no export or a whole one, and count one that differs from the reference as a tear', () => {
    const t = emptyTally();
    const reference = new Map([['a.png', 'h1'], ['a.txt', 'h2']]);
    checkExport('t', null, reference, t);
    checkExport('t', new Map(reference), reference, t);
    expect(t.tears).toBe(0);
    checkExport('t', new Map([['a.png', 'h1']]), reference, t);
    expect(t.tears).toBe(1);
  });

  it('reads a whole zip and refuses a truncated one', async () => {
    const path = join(tmp.path, 'out.zip');
    await new Promise<void>((resolve) => {
      const zip = new yazl.ZipFile();
      zip.addBuffer(Buffer.from('red hair, smile'), 'a.txt');
      zip.addBuffer(Buffer.alloc(5000, 7), 'a.png');
      zip.end();
      zip.outputStream.pipe(createWriteStream(path)).on('close', resolve);
    });
    expect([...(await hashZip(path)).keys()]).toEqual(['a.txt', 'a.png']);
    truncateSync(path, 3000);
    await expect(hashZip(path)).rejects.toThrow();
  });

  it('tells a torn thumbnail from a whole one', async () => {
    const path = join(tmp.path, 'thumb.webp');
    // noise, so the file is kilobytes and half of it is half an image
    const noise = Buffer.from(Array.from({ length: 256 * 192 * 3 }, (_, i) => (i * 7919) % 251));
    await sharp(noise, { raw: { width: 256, height: 192, channels: 3 } }).webp().toFile(path);
    expect(await decodes(path)).toBe(true);
    truncateSync(path, Math.floor(statSync(path).size / 2));
    expect(await decodes(path)).toBe(false);
  });
});
