import { forEachSliced } from '../perf/time-slicer';
import { startBackgroundProbe } from './background-probe';
import { ChangeCollector } from './change-set';
import type { DatasetSession } from './dataset-session';
import { forEachLimited } from './for-each-limited';
import type { CaptionState, ImageEntry } from './image-entry';
import type { OpenDeps } from './open-session';
import { syncFolder } from './sync-folder';

/** captions other programs changed, read again a few at a time */
const CAPTION_READS_IN_FLIGHT = 8;

/**
 * Bring the open list in line with the folder: images another program
 * added, removed or changed while the folder was open, or while it was
 * closed (a reopen shows the index first and checks it with this). The
 * index thread syncs and sends only what changed; new files get their
 * headers checked, and a caption that changed goes through the editor as
 * any change from another program does (taken, or a conflict when the
 * user's own edit is pending). The renderer is told.
 */
export async function resyncSession(session: DatasetSession, deps: Pick<OpenDeps, 'bus' | 'jobs' | 'scanPool'>): Promise<void> {
  const recursive = session.info().mode === 'in-place';
  const { index } = session;
  const synced = await syncFolder(session.store, session.datasetDir, { recursive, changesOnly: true, signal: session.closing });
  const changes = new ChangeCollector();
  changes.add(index.setUnreadable(synced.unreadable));

  // compared with the live captions before a new list takes their place (images that stay keep the live ones)
  const captionsChanged: { captionRel: string; id: number; state: CaptionState }[] = [];
  const filesChanged: { entry: ImageEntry; size: number; mtimeMs: number }[] = [];
  await forEachSliced(
    synced.entries,
    (e) => {
      const live = index.find(e.row.id);
      if (!live) return;
      if (live.caption.fingerprint !== e.caption.fingerprint || live.caption.readError !== e.caption.readError) captionsChanged.push({ captionRel: e.captionRel, id: e.row.id, state: e.caption });
      // a new list (synced.complete) carries the files' new sizes itself
      if (!synced.complete && (live.row.size !== e.row.size || live.row.mtimeMs !== e.row.mtimeMs)) filesChanged.push({ entry: live, size: e.row.size, mtimeMs: e.row.mtimeMs });
    },
    session.closing,
  );
  let unprobed = synced.unprobed;
  if (synced.complete) {
    const skipped = (await session.store.invalidFiles()).map((r) => ({ name: r.relPath, reason: r.reason }));
    changes.add(await index.replace(synced.entries, skipped, session.closing, { lookup: synced.lookup }));
  } else {
    changes.add(index.filesChanged(filesChanged));
    unprobed = filesChanged.map((f) => f.entry);
  }
  const unreadable = captionsChanged.filter((c) => c.state.readError !== undefined);
  changes.add(index.takeUnreadable(unreadable.map((c) => ({ entry: index.entry(c.id), state: c.state }))));
  session.announce(changes.result());
  if (unprobed.length > 0) startBackgroundProbe(session, unprobed, deps);

  const reread = captionsChanged.filter((c) => c.state.readError === undefined).map((c) => c.captionRel);
  await forEachLimited([...new Set(reread)], CAPTION_READS_IN_FLIGHT, session.closing, (rel) => session.editor.diskChanged(rel));
}
