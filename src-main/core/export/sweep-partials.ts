import { randomBytes } from 'node:crypto';
import { lstat, opendir, rm } from 'node:fs/promises';
import { uptime } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * An export writes beside its destination, to `<out>.partial-<pid>-<12 hex>`
 * (a folder, or the zip being written, whose files are staged in
 * `<that>-files`), and renames it into place at the end. A killed export
 * leaves them behind, hundreds of megabytes each time. The pid in the name
 * tells such a leftover from the partial of an export still running, in this
 * process or another, so a sweep never pulls files from under a live export.
 */

/** after `.partial-`: the writer's pid, 12 hex, and `-files` for a zip's staging folder */
const SUFFIX = /^([1-9]\d{0,9})-[0-9a-f]{12}(-files)?$/;

/** this process's partials whose export is still running */
const runningHere = new Set<string>();

/** A fresh partial path for an export to `finalPath`, in use until releasePartialPath. */
export function claimPartialPath(finalPath: string): string {
  const path = `${finalPath}.partial-${process.pid}-${randomBytes(6).toString('hex')}`;
  runningHere.add(path);
  return path;
}

export function releasePartialPath(path: string): void {
  runningHere.delete(path);
}

/**
 * Removes what killed exports to `finalPath` left beside it: only names of our
 * exact shape for that output name, only plain files and folders (never a
 * link), and never one whose export is running. A leftover that cannot be
 * removed is said in the log and left: the export about to start matters
 * more. Returns the names removed.
 */
export async function sweepPartials(finalPath: string): Promise<string[]> {
  const dir = dirname(finalPath);
  const prefix = `${basename(finalPath)}.partial-`;
  const removed: string[] = [];
  try {
    // a few hundred names at a time: the folder may be a dataset's neighbour with 100,000 files
    for await (const entry of await opendir(dir, { bufferSize: 512 })) {
      if (!entry.name.startsWith(prefix)) continue;
      const match = SUFFIX.exec(entry.name.slice(prefix.length));
      if (!match) continue;
      const path = join(dir, entry.name);
      const partial = match[2] ? path.slice(0, -match[2].length) : path;
      try {
        const info = await lstat(path);
        if (!info.isFile() && !info.isDirectory()) continue;
        if (isRunning(partial, Number(match[1]), info.mtimeMs)) continue;
        await rm(path, { recursive: true, force: true, maxRetries: 3 });
        removed.push(entry.name);
      } catch (err) {
        // gone already (another sweep got there): fine
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`[export] cannot remove the leftover ${path}: ${(err as Error).message}`);
      }
    }
  } catch (err) {
    console.warn(`[export] cannot look for leftovers of earlier exports in ${dir}: ${(err as Error).message}`);
  }
  return removed;
}

/** Whether the export writing `partial` (a path claimPartialPath gave) still runs; false for a name not of our shape. */
export function partialInUse(partial: string, lastWrittenMs: number): boolean {
  const at = partial.lastIndexOf('.partial-');
  const match = at < 0 ? null : SUFFIX.exec(partial.slice(at + '.partial-'.length));
  return match !== null && match[2] === undefined && isRunning(partial, Number(match[1]), lastWrittenMs);
}

/**
 * Whether the export that wrote `partial` still runs: in this process, it is
 * one not yet released; elsewhere, its process is alive. Process ids start
 * over at boot, so a partial last written before the boot is a leftover
 * whatever runs under its pid now.
 */
function isRunning(partial: string, pid: number, lastWrittenMs: number): boolean {
  if (pid === process.pid) return runningHere.has(partial);
  if (lastWrittenMs < Date.now() - uptime() * 1000) return false;
  return processAlive(pid);
}

/** Whether a process with this id exists: signal 0 checks without sending anything. */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, run by another user
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
