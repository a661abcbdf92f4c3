import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface StallFigures {
  /** the longest time the event loop could not run a due timer, in ms */
  maxStallMs: number;
  /** 99th percentile of the same, in ms */
  p99StallMs: number;
  samples: number;
}

/**
 * How long the main event loop is blocked, from Node's own event-loop delay
 * histogram. The histogram records the time between ticks of a timer that
 * should fire every `resolutionMs`, so a value is a stall plus one
 * resolution: that resolution is taken off. A small resolution (5–10 ms)
 * sees short stalls; the timer itself costs next to nothing.
 */
export class StallMonitor {
  private readonly histogram: IntervalHistogram;
  private running = false;
  /** figures from before a pause: the histogram itself would count the paused time as one stall */
  private carried: StallFigures | null = null;

  constructor(readonly resolutionMs = 10) {
    this.histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  }

  start(): this {
    if (!this.running) this.histogram.enable();
    this.running = true;
    return this;
  }

  stop(): void {
    if (this.running) this.histogram.disable();
    this.running = false;
  }

  /**
   * Stop counting while something that is not the app's work runs (a
   * benchmark's own harness spawning a comparison tool).
   */
  pause(): void {
    if (!this.running) return;
    this.carried = this.figures();
    this.histogram.disable();
    this.running = false;
  }

  /** resolves once the gap of the pause is out of the figures */
  async resume(): Promise<void> {
    if (this.running) return;
    const kept = this.carried;
    this.histogram.enable();
    this.running = true;
    await new Promise((r) => setTimeout(r, this.resolutionMs * 2 + 1));
    this.histogram.reset();
    this.carried = kept;
  }

  /** figures since start or the last reset (across pauses: the p99 is then the highest segment's) */
  figures(): StallFigures {
    const h = this.histogram;
    const now: StallFigures =
      h.count === 0
        ? { maxStallMs: 0, p99StallMs: 0, samples: 0 }
        : { maxStallMs: this.stallOf(h.max), p99StallMs: this.stallOf(h.percentile(99)), samples: h.count };
    const c = this.carried;
    if (!c) return now;
    return {
      maxStallMs: Math.max(c.maxStallMs, now.maxStallMs),
      p99StallMs: Math.max(c.p99StallMs, now.p99StallMs),
      samples: c.samples + now.samples,
    };
  }

  reset(): void {
    this.carried = null;
    this.histogram.reset();
  }

  private stallOf(ns: number): number {
    return Math.max(0, Math.round((ns / 1e6 - this.resolutionMs) * 10) / 10);
  }
}
