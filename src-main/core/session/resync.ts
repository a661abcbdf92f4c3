import { startBackgroundProbe } from './background-probe';
import type { DatasetSession } from './dataset-session';
import type { OpenDeps } from './open-session';
import { syncFolder } from './sync-folder';

/**
 * Images were added to or removed from the folder while it was open: bring
 * the list in line, check the new files, and tell the renderer.
 */
export async function resyncSession(session: DatasetSession, deps: Pick<OpenDeps, 'bus' | 'jobs' | 'scanPool'>): Promise<void> {
  const recursive = session.info().mode === 'in-place';
  const synced = await syncFolder(session.store, session.datasetDir, { recursive, signal: session.closing });
  const unreadable = session.index.setUnreadable(synced.unreadable);
  if (synced.added === 0 && synced.removed === 0) {
    session.announce(unreadable);
    return;
  }
  // images that stay keep their captions in memory, the live ones (revisions, pending conflicts)
  const skipped = (await session.store.invalidFiles()).map((r) => ({ name: r.relPath, reason: r.reason }));
  session.announce(await session.index.replace(synced.entries, skipped, session.closing));
  if (synced.unprobed.length > 0) startBackgroundProbe(session, synced.unprobed, deps);
}
