/** The review list's order: by tag name, by how many images have it, or by how sure the model was. */
export interface ReviewSort {
  by: 'tag' | 'images' | 'meanScore';
  descending: boolean;
}

interface Sortable {
  tag: string;
  images: number;
  meanScore: number;
}

/** a stable sort; ties fall back to the tag's name so the order never jumps between loads */
export function sortReview<T extends Sortable>(rows: readonly T[], sort: ReviewSort): T[] {
  const sign = sort.descending ? -1 : 1;
  const byName = (a: T, b: T) => a.tag.localeCompare(b.tag);
  return [...rows].sort((a, b) => {
    const primary = sort.by === 'tag' ? byName(a, b) : a[sort.by] - b[sort.by];
    return primary !== 0 ? sign * primary : byName(a, b);
  });
}
