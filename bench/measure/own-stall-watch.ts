import { readFileSync } from 'node:fs';
import type { RecordedStall } from './explain-stalls';

/**
 * The part of each event-loop stall the process itself is to blame for. On
 * a shared machine the OS often leaves a runnable main thread waiting for a
 * core; the stall monitor cannot tell that from our code blocking. Linux
 * counts the time a thread waited on the run queue
 * (/proc/self/task/<tid>/schedstat): a stall minus that wait is the time our
 * code held the loop (running, or blocked in a synchronous call). Elsewhere
 * the figures are the raw stalls.
 */
export class OwnStallWatch {
  private timer: NodeJS.Timeout | null = null;
  private last = 0;
  private lastWaitNs = 0;
  private maxOwn = 0;
  private maxQueued = 0;
  private readonly path = `/proc/self/task/${process.pid}/schedstat`;
  private readable = true;
  private phase = '';
  private readonly kept: RecordedStall[] = [];

  /** `keepOverMs`: stalls longer than this are kept, with when they happened (laid against GC pauses; explained with `--profile`) */
  constructor(
    private readonly resolutionMs = 5,
    private readonly keepOverMs = Infinity,
  ) {}

  /** the phase that stalls from now on are kept under */
  enterPhase(name: string): void {
    this.phase = name;
  }

  /** the stalls over `keepOverMs` so far, in the clock of a V8 CPU profile */
  keptStalls(): readonly RecordedStall[] {
    return this.kept;
  }

  /** the longest stall kept in `phase`, if any */
  longestKept(phase: string): RecordedStall | undefined {
    let longest: RecordedStall | undefined;
    for (const s of this.kept) if (s.phase === phase && (!longest || s.endUs - s.startUs > longest.endUs - longest.startUs)) longest = s;
    return longest;
  }

  start(): void {
    this.last = performance.now();
    this.lastWaitNs = this.waitNs();
    const tick = () => {
      const now = performance.now();
      const wait = this.waitNs();
      const stall = now - this.last - this.resolutionMs;
      const queued = (wait - this.lastWaitNs) / 1e6;
      this.maxOwn = Math.max(this.maxOwn, stall - queued);
      this.maxQueued = Math.max(this.maxQueued, queued);
      if (stall > this.keepOverMs) {
        const endUs = Number(process.hrtime.bigint() / 1000n);
        this.kept.push({ phase: this.phase, startUs: endUs - Math.round((now - this.last) * 1000), endUs, queuedMs: Math.round(queued * 10) / 10 });
      }
      this.last = now;
      this.lastWaitNs = wait;
      this.timer = setTimeout(tick, this.resolutionMs);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, this.resolutionMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** the harness's own work (spawning cp, vipsthumbnail) is not the app's */
  pause(): void {
    this.stop();
  }

  resume(): void {
    this.start();
  }

  /** [longest own stall, longest run-queue wait] since the last call, in ms */
  take(): { ownMs: number; queuedMs: number } {
    const out = { ownMs: Math.max(0, Math.round(this.maxOwn * 10) / 10), queuedMs: Math.round(this.maxQueued * 10) / 10 };
    this.maxOwn = 0;
    this.maxQueued = 0;
    return out;
  }

  private waitNs(): number {
    if (!this.readable) return 0;
    try {
      return Number(readFileSync(this.path, 'utf8').split(' ')[1]);
    } catch {
      this.readable = false;
      return 0;
    }
  }
}
