/**
 * What the main thread was doing during each long stall: the V8 CPU profile
 * of a run (`node --cpu-prof`) read against the stalls the run recorded, in
 * the same clock (microseconds of the monotonic clock, which is what both
 * `process.hrtime` and the profile's timestamps count). For `--profile`.
 */

/** one stall the run recorded, with the phase it happened in */
export interface RecordedStall {
  phase: string;
  startUs: number;
  endUs: number;
  /** of which the thread waited for a core (Linux; 0 elsewhere) */
  queuedMs: number;
  /** the main isolate's GC pauses inside it, ms by kind (see gc-pauses.ts) */
  gc?: [string, number][];
}

/** the parts of a `.cpuprofile` this reads */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface StallExplanation {
  stall: RecordedStall;
  samples: number;
  /** the innermost frame of each sample, most frequent first: [frame, samples] */
  self: [string, number][];
  /** the innermost three frames of the app's own code (src-main) in each sample, most frequent first */
  app: [string, number][];
}

/**
 * `--cpu-prof` profiles every thread, the workers and tsx's loader too, each
 * as CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; the main thread is
 * thread 0. (Given one file name, the threads overwrote each other's, and the
 * stalls were read against a worker's profile: every sample "(idle)".)
 */
export function mainThreadProfileName(names: readonly string[]): string | null {
  return names.find((n) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(n)) ?? null;
}

const APP_CODE = /[\\/]src-main[\\/]/;
const TOP = 4;

/** the longest `limit` stalls, each with the profile's samples inside it summed up */
export function explainStalls(profile: CpuProfile, stalls: readonly RecordedStall[], limit = 8): StallExplanation[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const frame = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = url.split(/[\\/]/).pop() || '(native)';
    return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
  };
  const appStack = (leaf: number) => {
    const frames: string[] = [];
    for (let id: number | undefined = leaf; id !== undefined && frames.length < 3; id = parentOf.get(id)) {
      if (APP_CODE.test(byId.get(id)!.callFrame.url)) frames.push(frame(id));
    }
    return frames.length > 0 ? frames.join(' < ') : '(not the app: V8, Node or the bench)';
  };

  // sample times are deltas from the profile's start
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));

  const longest = [...stalls].sort((a, b) => b.endUs - b.startUs - (a.endUs - a.startUs)).slice(0, limit);
  return longest.map((stall) => {
    const self = new Map<string, number>();
    const app = new Map<string, number>();
    let samples = 0;
    times.forEach((at, i) => {
      if (at < stall.startUs || at > stall.endUs) return;
      const leaf = profile.samples[i]!;
      samples++;
      bump(self, frame(leaf));
      bump(app, appStack(leaf));
    });
    return { stall, samples, self: mostFrequent(self), app: mostFrequent(app) };
  });
}

/** the explanations as lines for the bench's log */
export function formatExplanations(run: number, explanations: readonly StallExplanation[]): string[] {
  const lines = [`  run ${run}: the longest stalls and what the main thread ran in them (samples)`];
  for (const { stall, samples, self, app } of explanations) {
    const ms = ((stall.endUs - stall.startUs) / 1000).toFixed(1);
    lines.push(`    ${ms} ms in ${stall.phase} (waiting for a core ${stall.queuedMs} ms), ${samples} samples`);
    if (stall.gc?.length) lines.push(`      gc   ${stall.gc.map(([kind, gcMs]) => `${kind} ${gcMs} ms`).join(', ')}`);
    for (const [name, n] of self) lines.push(`      self ${n}× ${name}`);
    for (const [name, n] of app) lines.push(`      app  ${n}× ${name}`);
  }
  return lines;
}

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
const mostFrequent = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP);
