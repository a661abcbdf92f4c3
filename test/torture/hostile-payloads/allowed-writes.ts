import { isAbsolute, join, relative, sep } from 'node:path';
import type { Sandbox } from './sandbox';

/**
 * Which writes a payload's answer allows, precisely. A payload that failed
 * (any error answer) may change no file of the dataset and nothing of the
 * canary; one that succeeded may change only what its channel writes:
 * captions (`*.txt`: the image's caption, and tags.txt, which follows them),
 * or, for an export, the path the export reports. The dataset's
 * `.lora-tagger/` is the app's own index and is not counted.
 */
const CAPTION_WRITERS = new Set([
  'caption.setTags',
  'caption.setText',
  'caption.resolveConflict',
  'batch.apply',
  'history.undo',
  'history.redo',
  'session.save',
  // a model's or a captioning backend's tags and captions, written as one undoable step
  'autotag.apply',
  'autotag.settle',
  'captioner.accept',
]);

const isCaptionFile = (rel: string): boolean => rel.endsWith('.txt') && !rel.includes('/.');

/** `change` is one line of diffTrees for the dataset ("created sub/e.txt"); true if the answer asked for it */
export function datasetWriteAllowed(change: string, channel: string, answer: { ok: boolean; outPath?: string }, dataset: string): boolean {
  if (!answer.ok) return false;
  const rel = change.slice(change.indexOf(' ') + 1);
  // an undo or redo restores a caption's bytes before, and before it there may have been no file
  const mayRemove = channel === 'history.undo' || channel === 'history.redo';
  if (CAPTION_WRITERS.has(channel)) return (mayRemove || !change.startsWith('removed')) && isCaptionFile(rel);
  if (channel === 'export.run' && answer.outPath) return inside(join(dataset, rel), answer.outPath);
  return false;
}

const inside = (path: string, folder: string): boolean => {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/**
 * After the run, a change anywhere in the sandbox or the canary is a write
 * outside unless it is in the app's own folders, in the dataset (checked
 * payload by payload), or in an export a successful export.run reported.
 */
export function outsideWrites(changes: readonly string[], box: Sandbox, exports: ReadonlySet<string>): string[] {
  const allowedRoots = [box.userDataDir, box.cacheDir, box.dataset, ...exports];
  return changes.filter((change) => {
    const path = join(box.root, change.slice(change.indexOf(' ') + 1));
    // the folders leading to an allowed place are made on the way to it
    if (change.startsWith('created') && allowedRoots.some((root) => inside(root, path))) return false;
    return !allowedRoots.some((root) => inside(path, root));
  });
}
