/**
 * Moving through the images while a filter is on: ← and → skip what the filter
 * hides, and "n of N" counts only what it shows. The shown positions are kept
 * as a sorted array of indices into the full list, so a step or a position is
 * a binary search, not a scan of 100,000 rows.
 */

/** indices into `items`, in list order, of the images the filter shows; null when no filter is on */
export function shownIndices(items: readonly { id: number }[], ids: readonly number[] | null): number[] | null {
  if (ids === null) return null;
  const wanted = new Set(ids);
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) if (wanted.has(items[i]!.id)) out.push(i);
  return out;
}

/** first position in `sorted` whose value is >= `value` */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index one step from `index` among the shown ones; `index` itself when
 * there is none that way. From an image the filter hides, a step goes to the
 * nearest shown one in that direction.
 */
export function stepWithin(shown: readonly number[], index: number, step: 1 | -1): number {
  const at = lowerBound(shown, index);
  const found = shown[at] === index;
  const next = step === 1 ? (found ? at + 1 : at) : at - 1;
  return shown[next] ?? index;
}

export interface NavPosition {
  /** 1-based position among the shown images; 0 when the current image is hidden by the filter */
  position: number;
  total: number;
  atStart: boolean;
  atEnd: boolean;
}

export function navPosition(shown: readonly number[] | null, index: number, length: number): NavPosition {
  if (shown === null) return { position: length === 0 ? 0 : index + 1, total: length, atStart: index <= 0, atEnd: index >= length - 1 };
  const at = lowerBound(shown, index);
  const found = shown[at] === index;
  return {
    position: found ? at + 1 : 0,
    total: shown.length,
    atStart: stepWithin(shown, index, -1) === index,
    atEnd: stepWithin(shown, index, 1) === index,
  };
}

/** the first or last of the shown images (of all `length` when no filter is on); `index` when none is shown */
export function edgeWithin(shown: readonly number[] | null, length: number, index: number, edge: 'first' | 'last'): number {
  if (shown === null) return length === 0 ? index : edge === 'first' ? 0 : length - 1;
  return (edge === 'first' ? shown[0] : shown[shown.length - 1]) ?? index;
}

/**
 * The nearest image past `index` in the direction of `step`, among the shown
 * ones, that `wanted` accepts; null when there is none that way (no wrapping:
 * "none left after this one" is an answer worth giving).
 */
export function findWithin<T>(
  items: readonly T[],
  shown: readonly number[] | null,
  index: number,
  step: 1 | -1,
  wanted: (item: T) => boolean,
): number | null {
  if (shown === null) {
    for (let i = index + step; i >= 0 && i < items.length; i += step) if (wanted(items[i]!)) return i;
    return null;
  }
  const at = lowerBound(shown, index);
  const from = step === 1 ? (shown[at] === index ? at + 1 : at) : at - 1;
  for (let k = from; k >= 0 && k < shown.length; k += step) {
    const i = shown[k]!;
    if (wanted(items[i]!)) return i;
  }
  return null;
}
