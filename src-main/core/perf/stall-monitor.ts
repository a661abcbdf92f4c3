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

  /** figures since start or the last reset */
  figures(): StallFigures {
    const h = this.histogram;
    if (h.count === 0) return { maxStallMs: 0, p99StallMs: 0, samples: 0 };
    return {
      maxStallMs: this.stallOf(h.max),
      p99StallMs: this.stallOf(h.percentile(99)),
      samples: h.count,
    };
  }

  reset(): void {
    this.histogram.reset();
  }

  private stallOf(ns: number): number {
    return Math.max(0, Math.round((ns / 1e6 - this.resolutionMs) * 10) / 10);
  }
}
