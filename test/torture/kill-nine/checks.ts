// What must hold after a kill, as plain functions over what the driver read
// from disk: each is fed deliberately broken input in kill-nine-checks.test.ts,
// so a checker that stopped catching what it claims fails there.
import { TEMP_NAME_PATTERN } from '../../../src-main/core/fs/temp-name';
import { count, type Tally } from './tally';

/** caption file name → its text; null: no file */
export type Captions = ReadonlyMap<string, string | null>;

/**
 * A step over many captions (a batch, its undo, an auto-tag apply) killed
 * midway: each file holds its text before or its text after, whole. Once the
 * step was acknowledged, only the after will do (the before is a loss).
 */
export function checkBeforeOrAfter(trial: string, disk: Captions, before: Captions, after: Captions, acknowledged: boolean, t: Tally): void {
  for (const name of new Set([...before.keys(), ...after.keys(), ...disk.keys()])) {
    const now = disk.get(name) ?? null;
    const [was, will] = [before.get(name) ?? null, after.get(name) ?? null];
    if (now === will) continue;
    if (now === was) {
      if (acknowledged) count(t, 'losses', `${trial}: ${name} is back at its text before a step that was acknowledged`);
      continue;
    }
    count(t, 'tears', `${trial}: ${name} is neither its text before nor after (${describe(now)})`);
  }
}

/** After a reopen (and its undo): every caption is exactly `want`; a known version is a bad reopen, anything else a tear. */
export function checkAllAre(trial: string, what: string, disk: Captions, want: Captions, known: readonly Captions[], t: Tally): void {
  for (const name of new Set([...want.keys(), ...disk.keys()])) {
    const now = disk.get(name) ?? null;
    if (now === (want.get(name) ?? null)) continue;
    if (known.some((k) => (k.get(name) ?? null) === now)) count(t, 'badReopens', `${trial}: ${what}: ${name} is still ${describe(now)}`);
    else count(t, 'tears', `${trial}: ${what}: ${name} is torn (${describe(now)})`);
  }
}

/**
 * Names in a folder the app writes that are neither `expected` nor the app's
 * own temps. Right after a kill, temps are counted (expected: a kill between
 * write and rename leaves one); after the next open, a temp is a leftover.
 */
export function checkStrays(trial: string, where: string, names: readonly string[], expected: (name: string) => boolean, phase: 'killed' | 'reopened', t: Tally): void {
  for (const name of names) {
    if (expected(name)) continue;
    if (isTemp(name) && phase === 'killed') t.tempsAfterKill++;
    else count(t, 'leftovers', `${trial}: ${phase === 'killed' ? 'left' : 'still'} in ${where}: ${name}`);
  }
}

/** the atomic writer's temps, an import's `.<name>.importing` copies, the render workers' `<dest>.<pid>.<random>.tmp` */
export const isTemp = (name: string): boolean =>
  TEMP_NAME_PATTERN.test(name) || /^\..+\.importing$/.test(name) || /\.\d+\.[0-9a-z]+\.tmp$/.test(name);

/** Files that must not change (an import's source, a dataset an export reads): each as it was, none gone, none added. */
export function checkUnchanged(trial: string, what: string, before: ReadonlyMap<string, string>, now: ReadonlyMap<string, string>, t: Tally): void {
  for (const [rel, hash] of before) {
    const h = now.get(rel);
    if (h === undefined) count(t, 'losses', `${trial}: ${what}: ${rel} is gone`);
    else if (h !== hash) count(t, 'tears', `${trial}: ${what}: ${rel} changed`);
  }
  for (const rel of now.keys()) if (!before.has(rel)) count(t, 'leftovers', `${trial}: ${what}: ${rel} appeared`);
}

/**
 * An import's copies: each image under a real name is byte for byte one of
 * the originals (a half copy never gets a real name). With `complete`, after
 * the reopen finished the import, every original is there exactly once.
 */
export function checkCopies(trial: string, copies: ReadonlyMap<string, string>, originals: ReadonlyMap<string, string>, complete: boolean, t: Tally): void {
  const wanted = new Map<string, number>();
  for (const hash of originals.values()) wanted.set(hash, (wanted.get(hash) ?? 0) + 1);
  for (const [name, hash] of copies) {
    const left = wanted.get(hash);
    if (left === undefined) count(t, 'tears', `${trial}: the copy ${name} is no original whole`);
    else if (left === 0) count(t, 'leftovers', `${trial}: the copy ${name} is an original imported twice`);
    else wanted.set(hash, left - 1);
  }
  if (!complete) return;
  const missing = [...wanted.values()].reduce((a, b) => a + b, 0);
  if (missing > 0) count(t, 'badReopens', `${trial}: the reopened import left ${missing} originals without a copy`);
}

/**
 * An export killed midway: its destination is absent, or exactly what an
 * export never killed writes (the same entries, the same bytes).
 */
export function checkExport(trial: string, written: ReadonlyMap<string, string> | null, reference: ReadonlyMap<string, string>, t: Tally): void {
  if (written === null) return;
  const differ = [...new Set([...reference.keys(), ...written.keys()])].filter((name) => written.get(name) !== reference.get(name));
  if (differ.length > 0) count(t, 'tears', `${trial}: the export is not whole: ${differ.length} entries differ (${differ.slice(0, 3).join(', ')})`);
}

function describe(text: string | null): string {
  if (text === null) return 'no file';
  if (text === '') return 'empty';
  return `${text.length} chars: ${JSON.stringify(text.slice(0, 50))}`;
}

/**
 * Single caption edits (run-kill-nine.ts): a caption holds its last
 * acknowledged text, or the edit in flight whole. A version the host once had
 * (its text at open, an earlier edit of its own) is a lost edit; anything
 * else, empty included, is a tear.
 */
export function judgeEdit(c: { onDisk: string; acknowledged: string; inFlight: string | null; versions: (text: string) => boolean }): 'ok' | 'loss' | 'tear' {
  if (c.onDisk === c.acknowledged || (c.inFlight !== null && c.onDisk === c.inFlight)) return 'ok';
  return c.onDisk !== '' && c.versions(c.onDisk) ? 'loss' : 'tear';
}
