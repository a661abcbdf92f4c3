/**
 * The JS heap still reachable, in MB: after a full collection, so garbage V8
 * had not got round to collecting does not count, as it does in the peak
 * RSS. Needs --expose-gc (bench children run with it); null without. Taken
 * once all phases are done, so no phase sees the collection.
 */
export function liveHeapMb(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

/**
 * The bench process's resident memory: the kernel's lifetime peak (which a
 * sampler could miss) and, per phase, the highest of samples taken every
 * 25 ms. Worker threads are part of the process and count; the generator and
 * vipsthumbnail are separate processes and do not.
 */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  private phasePeak = 0;

  start(): void {
    this.timer = setInterval(() => this.sample(), 25);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** the highest sample since the last call, in MB */
  takePhasePeak(): number {
    this.sample();
    const peak = this.phasePeak;
    this.phasePeak = 0;
    return peak / 1048576;
  }

  /** the kernel's figure for the whole process so far, in MB */
  lifetimePeakMb(): number {
    return (process.resourceUsage().maxRSS * 1024) / 1048576;
  }

  private sample(): void {
    this.phasePeak = Math.max(this.phasePeak, process.memoryUsage.rss());
  }
}
