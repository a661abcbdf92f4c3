import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { redo, undo } from '../../../../src-main/core/session/undo-redo';
import { makeImages, writeBytes } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { runFixture } from '../../../support/run-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { BOM } from './editing-dataset';

const COUNT = 300;
/** each case opens a dataset twice and runs a process of its own: more than the default 30 s on a busy machine */
const TIMEOUT = 120_000;
const STEMS = Array.from({ length: COUNT }, (_, i) => `p${String(i).padStart(3, '0')}`);

/** every tenth image has no caption (the batch creates one), every seventh a BOM and CRLF, the rest plain text */
function original(i: number): Buffer | null {
  if (i % 10 === 0) return null;
  if (i % 7 === 0) return Buffer.concat([BOM, Buffer.from(`tag ${i}, x\r\n`)]);
  return Buffer.from(`tag ${i}`);
}

/** what the fixture's batch (add “cut” at the end) writes */
function edited(i: number): Buffer {
  if (i % 10 === 0) return Buffer.from('cut');
  if (i % 7 === 0) return Buffer.concat([BOM, Buffer.from(`tag ${i}, x, cut\r\n`)]);
  return Buffer.from(`tag ${i}, cut`);
}

const ORIGINAL = STEMS.map((_, i) => original(i));

let images: ReturnType<typeof makeTempDir>;
beforeAll(async () => {
  images = makeTempDir();
  await makeImages(images.path, STEMS.map((s) => `${s}.png`), { width: 8, height: 8 });
});
afterAll(() => images.cleanup());

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

const captionPath = (dir: string, i: number) => join(dir, `${STEMS[i]}.txt`);
const captionsNow = (dir: string) => STEMS.map((_, i) => (existsSync(captionPath(dir, i)) ? readFileSync(captionPath(dir, i)) : null));
const images_ = (n: number) => (n === 1 ? '1 image' : `${n} images`);

/**
 * A dataset of COUNT images, opened once and closed, then a batch over all of
 * it in a process of its own, killed after `killAfter` files were written.
 * Returns the caption files as the crash left them and which ones the batch changed.
 */
async function crashedBatch(killAfter: number) {
  const dir = join(tmp.path, 'set');
  cpSync(images.path, dir, { recursive: true });
  ORIGINAL.forEach((bytes, i) => bytes && writeBytes(captionPath(dir, i), bytes));
  const first = makeWorkspace(tmp.path);
  await first.workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  await first.workspace.shutdown();

  const run = await runFixture(resolve(__dirname, 'fixtures/batch-then-die.ts'), [dir, tmp.path, String(killAfter)]);
  expect(run.err).toBe('');
  expect(run.out).toContain('started');
  expect(run.signal).toBe('SIGKILL');

  const atCrash = captionsNow(dir);
  const changed = STEMS.map((_, i) => i).filter((i) => !bytesEqual(atCrash[i]!, ORIGINAL[i]!));
  // a caption write is whole or not at all
  for (const i of changed) expect(atCrash[i], `${STEMS[i]}.txt`).toEqual(edited(i));
  expect(changed.length).toBeGreaterThanOrEqual(killAfter);
  return { dir, atCrash, changed };
}

const bytesEqual = (a: Buffer | null, b: Buffer | null) => (a === null || b === null ? a === b : a.equals(b));

describe('a batch edit cut short by a crash', () => {
  it.each([0, 1, 33, COUNT - 1])(
    'killed after %i files: undo puts every caption back byte for byte, the step counts what it changed, redo does it again',
    async (killAfter) => {
      const { dir, atCrash, changed } = await crashedBatch(killAfter);

      const { workspace } = makeWorkspace(tmp.path);
      await workspace.open({ path: dir });
      const session = workspace.requireSession();
      if (changed.length === 0) {
        expect(await session.history.state()).toMatchObject({ canUndo: false, undoLabel: null });
      } else {
        expect(await session.history.state()).toMatchObject({ canUndo: true, undoLabel: `Add “cut” to ${images_(changed.length)}` });
        expect(await undo(session)).toMatchObject({ restored: changed.length, conflicts: [], redoLabel: `Add “cut” to ${images_(changed.length)}` });
      }
      expect(captionsNow(dir)).toEqual(ORIGINAL);

      if (changed.length > 0) {
        expect(await redo(session)).toMatchObject({ restored: changed.length, conflicts: [] });
        expect(captionsNow(dir)).toEqual(atCrash);
        expect(await undo(session)).toMatchObject({ restored: changed.length, conflicts: [] });
        expect(captionsNow(dir)).toEqual(ORIGINAL);
      }
      await workspace.shutdown();
    },
    TIMEOUT,
  );

  it('leaves alone a caption another program wrote after the crash, whether the batch had reached it or not', async () => {
    const { dir, changed } = await crashedBatch(33);
    const reached = changed.find((i) => ORIGINAL[i] !== null)!;
    const last = COUNT - 1;
    expect(changed).not.toContain(last);
    writeFileSync(captionPath(dir, reached), 'theirs');
    writeFileSync(captionPath(dir, last), 'theirs too');

    const { workspace } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir });
    const session = workspace.requireSession();
    await undo(session);
    const expected = ORIGINAL.map((bytes, i) => (i === reached ? Buffer.from('theirs') : i === last ? Buffer.from('theirs too') : bytes));
    expect(captionsNow(dir)).toEqual(expected);
    await redo(session);
    expect(captionsNow(dir)[reached]).toEqual(Buffer.from('theirs'));
    expect(captionsNow(dir)[last]).toEqual(Buffer.from('theirs too'));
    await workspace.shutdown();
  }, TIMEOUT);
});
