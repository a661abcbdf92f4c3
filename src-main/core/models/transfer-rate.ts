/** Bytes per second over the last few seconds, so the ETA follows the connection as it is now, not its average since the start. */
const WINDOW_MS = 5000;

export interface TransferProgress {
  /** bytes on disk, counting what an earlier, broken download left */
  bytes: number;
  /** null while the size is unknown */
  total: number | null;
  bytesPerSecond: number;
  /** null until there is a rate to go by, or while the size is unknown */
  etaSeconds: number | null;
}

export class TransferRate {
  private readonly samples: { at: number; bytes: number }[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** `bytes` is the running total; returns the progress to report */
  update(bytes: number, total: number | null): TransferProgress {
    const at = this.now();
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && at - this.samples[0]!.at > WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    const seconds = (at - first.at) / 1000;
    const bytesPerSecond = seconds > 0 ? (bytes - first.bytes) / seconds : 0;
    const etaSeconds = total !== null && bytesPerSecond > 0 ? Math.max(0, (total - bytes) / bytesPerSecond) : null;
    return { bytes, total, bytesPerSecond, etaSeconds };
  }
}
