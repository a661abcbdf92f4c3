import { stat } from 'node:fs/promises';
import type Database from 'better-sqlite3';

/**
 * The WAL is copied back into the database once it holds more than this: a
 * small figure, so that what is left for the closing connection (which
 * SQLite always checkpoints, on the main thread) is small too.
 */
const CHECKPOINT_AT_BYTES = 256 * 1024;
const INTERVAL_MS = 500;

/**
 * Moves SQLite's WAL checkpoints off the main thread. By default the
 * connection that commits the 1,000th page copies the WAL into the database
 * and fsyncs it, synchronously: on a busy disk a single edit or a slice of an
 * open then held the event loop for 100–900 ms. Here the main connection
 * never checkpoints; a worker thread does, with its own connection, in
 * PASSIVE mode (it waits for nobody and nobody waits for it). Commits still
 * reach the WAL before they return, so durability is as before. Should a
 * background checkpoint fail, the main connection checkpoints again itself.
 */
export class WalCheckpointer {
  private timer: NodeJS.Timeout | null = null;
  /** started, and no background checkpoint has failed */
  private enabled = false;
  /** the checkpoint in flight: never two at once, or the closing connection waits on the other's lock */
  private running: Promise<void> | null = null;
  /** the WAL's mtime when it was last checkpointed: it keeps its size afterwards, so size alone says nothing */
  private settledAt = -1;

  constructor(
    private readonly db: Database.Database,
    private readonly checkpointElsewhere: (dbPath: string, mode: 'passive' | 'truncate') => Promise<unknown>,
  ) {}

  /** false for an in-memory database, which has no WAL */
  start(): boolean {
    if (this.db.memory || !this.db.name || this.enabled) return false;
    this.db.pragma('wal_autocheckpoint = 0');
    this.enabled = true;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.checkpoint(CHECKPOINT_AT_BYTES, 'passive').finally(() => (this.running = null));
    }, INTERVAL_MS);
    this.timer.unref();
    return true;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.enabled = false;
  }

  /**
   * Checkpoint and empty the WAL now, off the main thread: call before
   * closing, so the close (which checkpoints whatever is left, synchronously)
   * finds nothing to copy. No periodic checkpoint starts after this one.
   */
  async settle(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    // truncating too: at 100,000 images closing then spent 450 ms emptying a large WAL file
    if (this.enabled) await this.checkpoint(0, 'truncate');
  }

  private async checkpoint(threshold: number, mode: 'passive' | 'truncate'): Promise<void> {
    const wal = await stat(`${this.db.name}-wal`).catch(() => null);
    if (!wal || wal.size === 0 || !this.enabled) return;
    // a passive checkpoint of what was checkpointed already would copy nothing; a truncate still empties the file
    if (mode === 'passive' && (wal.size < threshold || wal.mtimeMs === this.settledAt)) return;
    try {
      await this.checkpointElsewhere(this.db.name, mode);
      this.settledAt = wal.mtimeMs;
    } catch {
      this.stop();
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    }
  }
}
