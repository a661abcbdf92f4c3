import { stat } from 'node:fs/promises';
import type Database from 'better-sqlite3';

/** the WAL is copied back into the database once it holds more than this */
const CHECKPOINT_AT_BYTES = 1 << 20;
const INTERVAL_MS = 1000;

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

  constructor(
    private readonly db: Database.Database,
    private readonly checkpointElsewhere: (dbPath: string) => Promise<unknown>,
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

  private async tick(): Promise<void> {
    if (this.busy) return;
    const size = (await stat(`${this.db.name}-wal`).catch(() => null))?.size ?? 0;
    if (size < CHECKPOINT_AT_BYTES || !this.timer) return;
    this.busy = true;
    try {
      await this.checkpointElsewhere(this.db.name);
    } catch {
      this.stop();
      if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
    } finally {
      this.busy = false;
    }
  }
}
