import { describe, expect, it } from 'vitest';
import { explainStalls, formatExplanations, mainThreadProfileName, type CpuProfile } from '../../../bench/measure/explain-stalls';

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
  id,
  callFrame: { functionName, url, lineNumber: id * 10 },
  children,
});

// (root) → runPhase (bench) → buildIndex (app) → lowerCase (app); (root) → (garbage collector)
const profile: CpuProfile = {
  nodes: [
    frame(1, '(root)', '', [2, 5]),
    frame(2, 'runPhase', 'file:///repo/bench/run.ts', [3]),
    frame(3, 'buildIndex', 'file:///repo/src-main/core/query/index.ts', [4]),
    frame(4, 'lowerCase', 'file:///repo/src-main/core/query/indexed-image.ts'),
    frame(5, '(garbage collector)', ''),
  ],
  startTime: 1_000_000,
  // one sample every millisecond from 1,001,000 µs
  samples: [4, 4, 4, 5, 5, 3, 2, 2],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('explainStalls', () => {
  it('sums the samples inside each stall, longest stall first', () => {
    const [first, second] = explainStalls(profile, [
      { phase: 'edit', startUs: 1_006_500, endUs: 1_008_000, queuedMs: 0 },
      { phase: 'filter', startUs: 1_000_500, endUs: 1_005_500, queuedMs: 0 },
    ]);
    expect(first!.stall.phase).toBe('filter');
    expect(first!.samples).toBe(5);
    expect(first!.self).toEqual([
      ['lowerCase indexed-image.ts:41', 3],
      ['(garbage collector) (native):51', 2],
    ]);
    // only the app's own frames, innermost first; a sample with none says so
    expect(first!.app).toEqual([
      ['lowerCase indexed-image.ts:41 < buildIndex index.ts:31', 3],
      ['(not the app: V8, Node or the bench)', 2],
    ]);
    expect(second!.stall.phase).toBe('edit');
    expect(second!.self).toEqual([['runPhase run.ts:21', 2]]);
  });

  it('keeps only the longest stalls asked for, and prints each with its length and phase', () => {
    const stalls = Array.from({ length: 12 }, (_, k) => ({ phase: `p${k}`, startUs: 1_000_000, endUs: 1_000_000 + (k + 1) * 1000, queuedMs: k / 2 }));
    const explained = explainStalls(profile, stalls, 3);
    expect(explained.map((e) => e.stall.phase)).toEqual(['p11', 'p10', 'p9']);
    const lines = formatExplanations(2, explained);
    expect(lines[0]).toContain('run 2');
    expect(lines[1]).toBe('    12.0 ms in p11 (waiting for a core 5.5 ms), 8 samples');
  });
});

describe('mainThreadProfileName', () => {
  it('picks the main thread’s profile (thread 0) from those every thread wrote', () => {
    // as Node names them: the main thread, a worker (thread 3), tsx's loader thread (1)
    const names = ['CPU.20261124.185745.21864.3.004.cpuprofile', 'CPU.20261124.185744.21864.0.001.cpuprofile', 'CPU.20261124.185744.21864.1.002.cpuprofile'];
    expect(mainThreadProfileName(names)).toBe('CPU.20261124.185744.21864.0.001.cpuprofile');
    expect(mainThreadProfileName(['CPU.20261124.185745.21864.10.004.cpuprofile', 'notes.txt'])).toBeNull();
  });
});
