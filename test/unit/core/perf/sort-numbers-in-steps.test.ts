import { describe, expect, it } from 'vitest';
import { sortNumbersInSteps } from '../../../../src-main/core/perf/sort-sliced';

/** runs the generator to its end, counting its pause points */
function drive(values: Float64Array): { result: Float64Array; pauses: number } {
  const steps = sortNumbersInSteps(values);
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { result: next.value, pauses };
    pauses++;
  }
}

function randomValues(n: number, seed: number): Float64Array {
  let s = seed;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    // duplicates, negatives and fractions alike
    out[i] = (s % 5000) - 2500 + (s % 7) / 8;
  }
  return out;
}

describe('sortNumbersInSteps', () => {
  it('sorts as the native sort does, in place, at sizes around its run length', () => {
    for (const n of [0, 1, 2, 8191, 8192, 8193, 16_385, 50_000]) {
      const values = randomValues(n, n + 1);
      const expected = Float64Array.from(values).sort();
      const { result } = drive(values);
      expect(result).toBe(values);
      expect(Array.from(result)).toEqual(Array.from(expected));
    }
  });

  it('pauses many times over a large input, so a sliced runner can let the loop run', () => {
    const { pauses } = drive(randomValues(140_000, 7));
    // 18 runs of 8,192, then five merge passes of 140,000 in steps of 16,384
    expect(pauses).toBeGreaterThanOrEqual(18 + 5 * 8);
  });
});
