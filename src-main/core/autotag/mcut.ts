/**
 * MCut (maximum cut thresholding): sort the probabilities, find the largest
 * drop between neighbours, and cut in its middle. Null when there is no gap
 * to cut (fewer than two probabilities): the caller keeps its fixed threshold.
 */
export function mcutThreshold(probabilities: ArrayLike<number>): number | null {
  if (probabilities.length < 2) return null;
  const sorted = Float64Array.from(probabilities).sort().reverse();
  let at = 0;
  let widest = -1;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i + 1]!;
    if (gap > widest) {
      widest = gap;
      at = i;
    }
  }
  return (sorted[at]! + sorted[at + 1]!) / 2;
}

/** the character cut never falls below this, as in the reference: a wide gap among tiny scores is not a character */
export const CHARACTER_MCUT_FLOOR = 0.15;
