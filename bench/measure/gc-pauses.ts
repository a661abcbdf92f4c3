import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

/**
 * The main isolate's garbage-collection pauses, from Node's `gc` performance
 * entries. A V8 pause holds the event loop like any synchronous work; with
 * these, every run (not only one under `--profile`) can say how much of a
 * stall was collection, and of which kind. Times are microseconds of the
 * monotonic clock, as `process.hrtime` and the stall watch count them.
 */
export interface GcPause {
  kind: string;
  startUs: number;
  endUs: number;
}

const KINDS: Record<number, string> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental marking',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks',
};

function gcKind(code: number): string {
  return KINDS[code] ?? `kind ${code}`;
}

export class GcPauseWatch {
  private observer: PerformanceObserver | null = null;
  private readonly pauses: GcPause[] = [];
  /** index of the first pause not yet taken by `take` */
  private taken = 0;
  /** the monotonic clock's µs at performance.now() = 0 */
  private readonly originUs = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;

  start(): void {
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) this.pauses.push(this.toPause(entry));
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  /** the longest pause since the last call (entries arrive a turn late: call it after an await) */
  take(): { ms: number; kind: string } {
    let longest: GcPause | null = null;
    for (let i = this.taken; i < this.pauses.length; i++) {
      const p = this.pauses[i]!;
      if (!longest || p.endUs - p.startUs > longest.endUs - longest.startUs) longest = p;
    }
    this.taken = this.pauses.length;
    return longest ? { ms: Math.round((longest.endUs - longest.startUs) / 100) / 10, kind: longest.kind } : { ms: 0, kind: '' };
  }

  all(): readonly GcPause[] {
    return this.pauses;
  }

  private toPause(entry: PerformanceEntry): GcPause {
    // Node's gc entries carry their kind in `detail`, which the DOM type of PerformanceEntry lacks
    const detail = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail;
    const startUs = Math.round(this.originUs + entry.startTime * 1000);
    return { kind: gcKind(detail?.kind ?? -1), startUs, endUs: startUs + Math.round(entry.duration * 1000) };
  }
}

/** how much of [startUs, endUs] the pauses covered, by kind, longest first */
export function gcInside(pauses: readonly GcPause[], startUs: number, endUs: number): [string, number][] {
  const byKind = new Map<string, number>();
  for (const p of pauses) {
    const overlap = Math.min(p.endUs, endUs) - Math.max(p.startUs, startUs);
    if (overlap > 0) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + overlap / 1000);
  }
  return [...byKind.entries()].map(([kind, ms]) => [kind, Math.round(ms * 10) / 10] as [string, number]).sort((a, b) => b[1] - a[1]);
}
