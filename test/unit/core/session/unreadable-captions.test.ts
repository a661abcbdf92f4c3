import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeImages, writeBytes } from '../../../support/make-images';
import { runFixture } from '../../../support/run-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { filesUnder } from '../images/thumbnails.helpers';
import { unreadableCaptionScenario, type ScenarioOutcome } from './unreadable-caption-scenario';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** a.png with a.txt, and b.png whose b.txt is made unreadable by `spoil` */
async function folderWith(spoil: (captionPath: string) => void): Promise<string> {
  const dir = join(tmp.path, 'set');
  await makeImages(dir, ['a.png', 'b.png']);
  writeBytes(join(dir, 'a.txt'), 'red');
  spoil(join(dir, 'b.txt'));
  return dir;
}

/** what the scenario must show whatever made b.txt unreadable */
function expectOneImagesProblem(outcome: ScenarioOutcome, reason: string, exportDir: string): void {
  const problem = { name: 'b.txt', reason: expect.stringContaining(`caption cannot be read (${reason})`) };
  // the folder opens; b.png stays listed and its caption's problem is listed with the reason
  expect(outcome.opened).toEqual({ names: ['a.png', 'b.png'], skipped: [problem] });
  // an edit of b.png is refused, naming the file and the reason; a.png edits as ever
  expect(outcome.editB).toMatchObject({ ok: false, code: 'io', message: expect.stringContaining('b.txt') });
  expect((outcome.editB as { message: string }).message).toContain(reason);
  expect(outcome.tagsOfA).toEqual(['red', 'green']);
  // a batch over the folder changes a.png and lists b.png as refused, with the reason, rather than stopping
  expect(outcome.batch).toEqual({ changed: 1, refused: [{ name: 'b.png', reason: expect.stringContaining(reason) }] });
  // an image dropped in while open is listed; the problem stays listed
  expect(outcome.resynced).toEqual({ names: ['a.png', 'b.png', 'c.png'], skipped: [problem] });
  expect(outcome.reopened).toEqual({ names: ['a.png', 'b.png', 'c.png'], skipped: [problem] });
  // the CLI exports the rest, says which image it left out and why, and exits 0
  expect(outcome.cli.code).toBe(0);
  expect(outcome.cli.lines).toContain(`  left out b.png: its caption file b.txt cannot be read (${reason})`);
  expect(outcome.cli.lines.some((l) => l.startsWith('  error: 1 image will be left out') && l.includes('b.txt'))).toBe(true);
  const exported = filesUnder(exportDir).map((f) => f.path.slice(exportDir.length + 1));
  expect(exported.filter((p) => !p.endsWith('.toml') && p !== '.lora-tagger-export').sort()).toEqual(['10_dataset/a.png', '10_dataset/a.txt', '10_dataset/c.png']);
}

describe('a caption that cannot be read is one image\'s problem', () => {
  it('a folder named like the caption (EISDIR)', async () => {
    const dir = await folderWith((p) => mkdirSync(p));
    const outcome = await unreadableCaptionScenario(dir, tmp.path);
    expectOneImagesProblem(outcome, 'it is a folder, not a file', join(tmp.path, 'export'));
    expect(lstatSync(join(dir, 'b.txt')).isDirectory()).toBe(true);
  }, 60_000);

  it('a named pipe named like the caption: nothing waits on it', async () => {
    const dir = await folderWith((p) => execFileSync('mkfifo', [p]));
    const outcome = await unreadableCaptionScenario(dir, tmp.path);
    expectOneImagesProblem(outcome, 'it is a named pipe, not a file', join(tmp.path, 'export'));
    expect(lstatSync(join(dir, 'b.txt')).isFIFO()).toBe(true);
  }, 60_000);

  it('a caption without read permission (EACCES), where permissions bind', async () => {
    const dir = await folderWith((p) => {
      writeBytes(p, 'secret, tags');
      chmodSync(p, 0o000);
    });
    const run = await runFixture(resolve(__dirname, 'fixtures/unreadable-caption.ts'), [dir, tmp.path], { permissionsApply: true });
    expect(run.err).toBe('');
    expectOneImagesProblem(JSON.parse(run.out) as ScenarioOutcome, 'permission denied', join(tmp.path, 'export'));
    // never written over: the same bytes, the same permissions
    expect(lstatSync(join(dir, 'b.txt')).mode & 0o777).toBe(0);
    chmodSync(join(dir, 'b.txt'), 0o644);
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('secret, tags');
  }, 90_000);
});
