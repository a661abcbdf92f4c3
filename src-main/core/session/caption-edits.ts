import { join } from 'node:path';
import type { ImageDetail } from '../../../src-shared/contract';
import { findDuplicate, joinTags, normalizeTag } from '../../../src-shared/tag-text';
import { AppError } from '../app-error';
import { keepTriggerFirst } from '../batch/reorder';
import { readCaptionFile } from '../captions/caption-file';
import { editLabel, keepMineLabel } from '../history/step-labels';
import { writeCaption } from './caption-write';
import type { DatasetSession } from './dataset-session';
import { ChangeCollector } from './change-set';

/**
 * One image's caption edited by the user: each is one undoable step,
 * written through the same conflict-checked path as a batch edit.
 */

export function setTags(session: DatasetSession, id: number, tags: readonly string[], revision: number): Promise<ImageDetail> {
  const cleaned = tags.map(normalizeTag).filter((t) => t !== '');
  const dup = findDuplicate(cleaned);
  if (dup !== null) return Promise.reject(new AppError('duplicate-tag', `“${dup}” is already on this image`, { tag: dup }));
  const { triggerWord, separator } = session.settingsNow();
  return editCaption(session, id, joinTags(keepTriggerFirst(cleaned, triggerWord), separator), revision);
}

export function setText(session: DatasetSession, id: number, text: string, revision: number): Promise<ImageDetail> {
  // a caption file is one line: trainers read the first line or join lines differently
  return editCaption(session, id, text.replace(/\s*[\r\n]+\s*/g, ' '), revision);
}

function editCaption(session: DatasetSession, id: number, text: string, revision: number): Promise<ImageDetail> {
  const { index, editor } = session;
  const entry = index.entry(id);
  return editor.runStep(() =>
    editor.withCaptionFile(entry.captionRel, async () => {
      const c = entry.caption;
      if (c.conflict) {
        throw new AppError('conflict', 'This caption has a conflict to settle first', { image: session.detail(id) });
      }
      if (revision !== c.revision) {
        // the edit was made on a copy that is no longer current: keep both, let the user choose
        session.announce(index.markConflict(entry, c.text, text));
        throw new AppError('conflict', 'This caption changed since it was loaded', { image: session.detail(id) });
      }
      if (text === c.text && (c.exists || text === '')) return session.detail(id); // never rewrite an unchanged file
      const written = await writeCaption(session.datasetDir, entry, text);
      if (!written.ok) {
        if (written.refused) throw written.refused;
        session.announce(index.markConflict(entry, written.current.decoded.text, text));
        throw new AppError('conflict', `${entry.captionRel} was changed by another program`, { image: session.detail(id) });
      }
      await editor.recordStep(editLabel(entry.row.relPath), written.change);
      // a Set, not includes() per tag: a caption may hold tens of thousands of tags
      const before = new Set(c.tags);
      const { change } = index.takeWritten(entry.captionRel, written.snapshot);
      const added = entry.caption.tags.filter((t) => !before.has(t));
      if (added.length) await session.store.touchRecentTags(added);
      session.announce(change);
      return session.detail(id);
    }),
  );
}

/** settle a conflict: keep what is on disk, or write the refused edit over it (an undoable step) */
export function resolveConflict(session: DatasetSession, id: number, keep: 'disk' | 'mine'): Promise<ImageDetail> {
  const { index, editor } = session;
  const entry = index.entry(id);
  return editor.runStep(() =>
    editor.withCaptionFile(entry.captionRel, async () => {
      const conflict = entry.caption.conflict;
      if (!conflict) return session.detail(id);
      const disk = await readCaptionFile(join(session.datasetDir, entry.captionRel));
      // the disk version first: it is what the user saw, and what "mine" is written over
      const changes = new ChangeCollector();
      changes.add(index.takeDisk(entry, disk, 'app'));
      try {
        if (keep === 'mine') {
          const written = await writeCaption(session.datasetDir, entry, conflict.mineText);
          if (!written.ok) {
            if (written.refused) {
              // nothing was written: the choice stays open, with the user's text kept
              changes.add(index.markConflict(entry, disk.decoded.text, conflict.mineText));
              throw written.refused;
            }
            changes.add(index.markConflict(entry, written.current.decoded.text, conflict.mineText));
            throw new AppError('conflict', 'The file changed again; look at it once more', { image: session.detail(id) });
          }
          await editor.recordStep(keepMineLabel(entry.row.relPath), written.change);
          changes.add(index.takeWritten(entry.captionRel, written.snapshot).change);
        }
      } finally {
        session.announce(changes.result());
      }
      return session.detail(id);
    }),
  );
}
