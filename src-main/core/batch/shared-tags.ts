import { compareAlpha } from './apply-op';

export interface SelectionSummary {
  /** on every selected image, in the order of the first image */
  shared: string[];
  /** on some but not all, with how many images carry each; most common first */
  partial: { name: string; count: number }[];
}

/**
 * What a multi-selection's tag editor shows: the tags all the images share
 * (editable as one) and those only some have. A tag repeated within one image
 * counts once for that image.
 */
export function summarizeSelection(tagLists: readonly (readonly string[])[]): SelectionSummary {
  const first = tagLists[0];
  if (first === undefined) return { shared: [], partial: [] };

  const counts = new Map<string, number>();
  for (const tags of tagLists) {
    for (const tag of new Set(tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }

  const total = tagLists.length;
  const shared = [...new Set(first)].filter((tag) => counts.get(tag) === total);
  const partial: { name: string; count: number }[] = [];
  for (const [name, count] of counts) if (count < total) partial.push({ name, count });
  partial.sort((a, b) => b.count - a.count || compareAlpha(a.name, b.name));
  return { shared, partial };
}
