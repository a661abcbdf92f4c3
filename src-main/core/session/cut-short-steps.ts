import { join } from 'node:path';
import { readCaptionFile } from '../captions/caption-file';
import type { DatasetSession } from './dataset-session';
import { fingerprintOf } from './undo-redo';

/**
 * Settles the steps a crash cut short, on open, before anyone can undo: a
 * batch records each chunk of files before writing them, so the process may
 * have died with some of those writes made and some not. The disk tells:
 * a file holding the bytes the write would leave was written, and stays in
 * the step; any other was never reached (or another program has changed it
 * since) and leaves the step, so undo neither "restores" a file the batch
 * never touched nor writes over a later change. The label then counts the
 * images the step really changed.
 */
export async function settleCutShortSteps(session: DatasetSession): Promise<void> {
  for (const step of await session.history.cutShort()) {
    const written: string[] = [];
    for (const file of step.pending) {
      // a file that cannot be read cannot be restored either: not the step's
      const disk = await readCaptionFile(join(session.datasetDir, file.captionRel)).catch(() => null);
      if (disk?.fingerprint === fingerprintOf(file.after)) written.push(file.captionRel);
    }
    await session.history.settleCutShort(step.id, written, imagesPerFile(session, step.captionRels));
  }
}

/** how many images each caption file belongs to: two when images share one; one for a caption whose image has gone */
function imagesPerFile(session: DatasetSession, captionRels: readonly string[]): Record<string, number> {
  return Object.fromEntries(captionRels.map((rel) => [rel, Math.max(1, session.index.ofCaption(rel).length)]));
}
