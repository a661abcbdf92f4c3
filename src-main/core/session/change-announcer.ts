import { IMAGE_LIST_PAGE, type HistoryState, type SessionInfo } from '../../../src-shared/contract';
import type { EventBus } from '../events/event-bus';
import type { ChangeSet } from './change-set';
import type { DatasetIndex } from './dataset-index';
import { summarize } from './image-entry';
import type { TagsFileKeeper } from './tags-file-keeper';

/**
 * Turns every change to the dataset index into the renderer's events. The
 * one place they are made: when two copies of this drifted, an image copied
 * in with its caption reached the list but left the stats bar and the tag
 * panel behind.
 */
export class ChangeAnnouncer {
  constructor(
    private readonly bus: EventBus,
    private readonly index: DatasetIndex,
    private readonly tagsFile: TagsFileKeeper,
    private readonly session: { info(): SessionInfo; positionId(): number | null },
  ) {}

  /**
   * caption.changed in full for the images of one caption file, or for the
   * image on screen among many (and for every change another program made:
   * those come one file at a time); one images.changed with every row, or
   * for more than a page "read the list again", which the renderer does a
   * page at a time; then the stats, and one tags.changed with the combined
   * counts.
   */
  announce(change: ChangeSet): void {
    this.announceCaptions(change);
    if (change.list || change.rows.length > IMAGE_LIST_PAGE) this.bus.emit('images.changed', { updated: [], reset: true });
    else if (change.rows.length > 0) this.bus.emit('images.changed', { updated: change.rows.map(summarize), reset: false });
    if (change.list || change.info) this.bus.emit('session.changed', { session: this.session.info() });
    if (change.list || change.rows.length > 0) this.bus.emit('stats.changed', this.index.stats());
    if (change.tags.length > 0) {
      this.bus.emit('tags.changed', { changes: [...change.tags] });
      this.tagsFile.schedule();
    }
  }

  /** settings changed: the renderer hears of it through session.changed */
  settingsChanged(): SessionInfo {
    const info = this.session.info();
    this.bus.emit('session.changed', { session: info });
    return info;
  }

  historyChanged(state: HistoryState): void {
    this.bus.emit('history.changed', state);
  }

  private announceCaptions(change: ChangeSet): void {
    if (change.captions.length === 0) return;
    const position = this.session.positionId();
    const files = new Set(change.captions.map((c) => c.entry.captionRel));
    for (const { entry, source } of change.captions) {
      if (files.size === 1 || source === 'disk' || entry.row.id === position) {
        this.bus.emit('caption.changed', { source, image: this.index.describe(entry) });
      }
    }
  }
}
