import { stat } from 'node:fs/promises';
import type Database from 'better-sqlite3';

/**
 * The WAL is copied back into the database once it holds more than this: a
 * small figure, so that what is left for the closing connection (which
 * SQLite always checkpoints, on the main thread) is small too.
 */
const CHECKPOINT_AT_BYTES = 256 * 1024;
const INTERVAL_MS = 500;

/** the slots of a hold's flags: set by the worker once it holds the database, by main once it has closed */
export const HOLD_FLAGS = { held: 0, released: 1 } as const;

export type CheckpointElsewhere = (dbPath: string, mode: 'passive' | 'truncate', hold?: SharedArrayBuffer) => Promise<unknown>;

/** called once the main connection has closed; resolves when the worker's has */
export type Release = () => Promise<void>;
const released: Release = async () => undefined;

// ES2024's Atomics.waitAsync, in Node since 16; not in the ES2023 lib this project compiles against
const waitAsync = (Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number): { async: boolean; value: Promise<string> | string };
}).waitAsync;

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
    private readonly checkpointElsewhere: CheckpointElsewhere,
  ) {}

  /** false for an in-memory database, which has no WAL */
  start(): boolean {
    if (this.db.memory || !this.db.name || this.enabled) return false;
    this.db.pragma('wal_autocheckpoint = 0');
    this.enabled = true;
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.checkpointPassive().finally(() => (this.running = null));
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
   * closing, so the close finds nothing to copy. No periodic checkpoint
   * starts after this one. The worker's connection then stays open until
   * `release` is called: close the main connection in between. SQLite's last
   * connection to close checks the WAL and deletes it, synchronously, and on
   * a disk busy with an import that held the main thread for 105 ms at
   * 100,000 images; this way the worker's connection is the last.
   */
  async settle(): Promise<Release> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.running) await this.running;
    if (!this.enabled) return released;
    const flags = new Int32Array(new SharedArrayBuffer(8));
    const done = this.checkpointElsewhere(this.db.name, 'truncate', flags.buffer as SharedArrayBuffer).then(
      () => true,
      () => false,
    );
    const held = waitAsync(flags, HOLD_FLAGS.held, 0);
    const heldNow = held.async ? (held.value as Promise<string>).then(() => 'held' as const) : Promise.resolve('held' as const);
    const outcome = await Promise.race([heldNow, done.then((ok) => (ok ? ('checked' as const) : ('failed' as const)))]);
    if (outcome === 'checked') return released; // a worker that checkpoints without holding
    if (outcome === 'failed') {
      this.fallBackToMain();
      return released;
    }
    return async () => {
      Atomics.store(flags, HOLD_FLAGS.released, 1);
      Atomics.notify(flags, HOLD_FLAGS.released);
      await done;
    };
  }

  private async checkpointPassive(): Promise<void> {
    const wal = await stat(`${this.db.name}-wal`).catch(() => null);
    if (!wal || !this.enabled) return;
    // a checkpoint of what was checkpointed already would copy nothing
    if (wal.size < CHECKPOINT_AT_BYTES || wal.mtimeMs === this.settledAt) return;
    try {
      await this.checkpointElsewhere(this.db.name, 'passive');
      this.settledAt = wal.mtimeMs;
    } catch {
      this.fallBackToMain();
    }
  }

  /** the worker could not check the database: the main connection does all of it itself, as SQLite does by default */
  private fallBackToMain(): void {
    this.stop();
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }
}
