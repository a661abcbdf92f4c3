import { timeSlicer } from './time-slicer';

const RUN = 256;

/**
 * A stable sort that lets the event loop run while it works: runs of 256 are
 * sorted with Array.prototype.sort, then merged pairwise, pausing between
 * slices. For 100,000 paths in natural order (a locale-aware comparison of
 * about a microsecond each) one synchronous sort holds the loop for most of a
 * second. Returns a new array; `items` is left as it was.
 */
export async function sortSliced<T>(items: readonly T[], compare: (a: T, b: T) => number, signal?: AbortSignal): Promise<T[]> {
  const slicer = timeSlicer(signal);
  let from: T[] = new Array(items.length);
  for (let start = 0; start < items.length; start += RUN) {
    const run = items.slice(start, start + RUN).sort(compare);
    for (let k = 0; k < run.length; k++) from[start + k] = run[k]!;
    if (slicer.due()) await slicer.pause();
  }
  let to: T[] = new Array(items.length);
  for (let width = RUN; width < items.length; width *= 2) {
    for (let left = 0; left < items.length; left += 2 * width) {
      const mid = Math.min(left + width, items.length);
      const end = Math.min(left + 2 * width, items.length);
      let i = left;
      let j = mid;
      let k = left;
      while (i < mid && j < end) {
        // <= keeps equal items in input order: the sort is stable
        to[k++] = compare(from[i]!, from[j]!) <= 0 ? from[i++]! : from[j++]!;
        if ((k & 255) === 0 && slicer.due()) await slicer.pause();
      }
      while (i < mid) to[k++] = from[i++]!;
      while (j < end) to[k++] = from[j++]!;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** numbers sorted natively per run, and merged per step, between two pause points of sortNumbersInSteps */
const NUMBER_RUN = 8192;
const MERGE_STEP = 16_384;

/**
 * Sorts `values` ascending in place, as a generator for runSliced: each
 * `yield` is a pause point. Runs of 8,192 are sorted natively, then merged
 * pairwise. One native sort of 140,000 numbers held the loop for 20–30 ms on
 * a 2-core VM; no step here is more than a few milliseconds.
 */
export function* sortNumbersInSteps(values: Float64Array): Generator<void, Float64Array> {
  const n = values.length;
  for (let start = 0; start < n; start += NUMBER_RUN) {
    values.subarray(start, start + NUMBER_RUN).sort();
    yield;
  }
  if (n <= NUMBER_RUN) return values;
  let from: Float64Array = values;
  let to: Float64Array = new Float64Array(n);
  for (let width = NUMBER_RUN; width < n; width *= 2) {
    let sinceYield = 0;
    for (let left = 0; left < n; left += 2 * width) {
      const mid = Math.min(left + width, n);
      const end = Math.min(left + 2 * width, n);
      let i = left;
      let j = mid;
      let k = left;
      while (k < end) {
        to[k++] = j >= end || (i < mid && from[i]! <= from[j]!) ? from[i++]! : from[j++]!;
        if (++sinceYield === MERGE_STEP) {
          sinceYield = 0;
          yield;
        }
      }
    }
    [from, to] = [to, from];
  }
  if (from !== values) values.set(from);
  return values;
}
