/**
 * MCut (maximum cut thresholding): sort the probabilities, find the largest
 * drop between neighbours, and cut in its middle. Null when there is no gap
 * to cut (fewer than two probabilities): the caller keeps its fixed threshold.
 */
export function mcutThreshold(probabilities: ArrayLike<number>): number | null {
  return mcutInPlace(Float64Array.from(probabilities));
}

/** mcutThreshold on an array of its own, which it sorts: no copy, for a preview that cuts every image */
export function mcutInPlace(values: Float64Array): number | null {
  if (values.length < 2) return null;
  values.sort();
  // from the highest down; of equal gaps the highest wins
  let at = values.length - 2;
  let widest = -1;
  for (let i = values.length - 2; i >= 0; i--) {
    const gap = values[i + 1]! - values[i]!;
    if (gap > widest) {
      widest = gap;
      at = i;
    }
  }
  return (values[at]! + values[at + 1]!) / 2;
}

/** the character cut never falls below this, as in the reference: a wide gap among tiny scores is not a character */
export const CHARACTER_MCUT_FLOOR = 0.15;
