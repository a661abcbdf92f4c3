import { runSliced } from './time-slicer';

const RUN = 256;
/** merged items between two pause points */
const MERGE_STEP = 256;

/**
 * A stable sort that lets the event loop run while it works (a locale-aware
 * natural-order comparison of 100,000 paths is too long for one turn): runs
 * of 256 are sorted with Array.prototype.sort, then merged pairwise. Returns
 * a new array; `items` is left as it was.
 */
export async function sortSliced<T>(items: readonly T[], compare: (a: T, b: T) => number, signal?: AbortSignal): Promise<T[]> {
  return (await runSliced(sortSteps(items, compare), undefined, { signal }))!;
}

function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Generator<void, T[]> {
  let from: T[] = new Array(items.length);
  for (let start = 0; start < items.length; start += RUN) {
    const run = items.slice(start, start + RUN).sort(compare);
    for (let k = 0; k < run.length; k++) from[start + k] = run[k]!;
    yield;
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
        if (k % MERGE_STEP === 0) yield;
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
const NUMBER_MERGE_STEP = 16_384;

/**
 * Sorts `values` ascending in place, as a generator for runSliced: each
 * `yield` is a pause point. Runs of 8,192 are sorted natively, then merged
 * pairwise, so no step holds the loop long.
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
        if (++sinceYield === NUMBER_MERGE_STEP) {
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
