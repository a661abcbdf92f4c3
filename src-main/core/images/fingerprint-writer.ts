import type { SessionStore } from '../store/session-store';

const FLUSH_DELAY_MS = 500;
const FLUSH_AT = 500;

/**
 * Content fingerprints learnt by the render workers, written to
 * session.sqlite in batches (one transaction per few hundred) rather than
 * one write per thumbnail: the next open then knows every cache key without
 * reading a file. Losing the last batch costs only a re-read of those files.
 */
export class FingerprintWriter {
  private pending = new Map<number, string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly store: SessionStore) {}

  set(id: number, fingerprint: string): void {
    this.pending.set(id, fingerprint);
    if (this.pending.size >= FLUSH_AT) this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), FLUSH_DELAY_MS);
      this.timer.unref();
    }
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const rows = [...this.pending].map(([id, fingerprint]) => ({ id, fingerprint }));
    this.pending = new Map();
    // the session closed under a render that finished late, an image deleted meanwhile: the fingerprint is learnt again next time
    this.store.setFingerprints(rows).catch(() => undefined);
  }
}
