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
  private busy = false;
  /** the WAL's mtime when it was last checkpointed: it keeps its size afterwards, so size alone says nothing */
  private settledAt = -1;

  constructor(
    private readonly db: Database.Database,
    private readonly checkpointElsewhere: (dbPath: string, mode: 'passive' | 'truncate') => Promise<unknown>,
  ) {}

  /** false for an in-memory database, which has no WAL */
  start(): boolean {
    if (this.db.memory || !this.db.name || this.timer) return false;
    this.db.pragma('wal_autocheckpoint = 0');
    this.timer = setInterval(() => void this.tick(), INTERVAL_MS);
    this.timer.unref();
    return true;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * Checkpoint everything now, off the main thread: call before closing, so
   * the close (which checkpoints whatever is left, synchronously) finds
   * nothing to copy.
   */
  async settle(): Promise<void> {
    while (this.busy) await new Promise((r) => setTimeout(r, 10));
    // truncating too: at 100,000 images closing then spent 450 ms emptying a large WAL file
    if (this.timer) await this.tick(0, 'truncate');
  }

  private async tick(threshold = CHECKPOINT_AT_BYTES, mode: 'passive' | 'truncate' = 'passive'): Promise<void> {
    if (this.busy) return;
    const wal = await stat(`${this.db.name}-wal`).catch(() => null);
    if (!wal || wal.size === 0 || wal.size < threshold || wal.mtimeMs === this.settledAt || !this.timer) return;
    this.busy = true;
    try {
      await this.checkpointElsewhere(this.db.name, mode);
      this.settledAt = wal.mtimeMs;
    } catch {
      this.stop();
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    } finally {
      this.busy = false;
    }
  }
}
