/** The images the strip and the grid show, in the order they show them. */
export interface ShownOrder {
  /** every image, or the filter's, in dataset order */
  ids: readonly number[];
  /** where an image sits in `ids`; -1 when it is not shown */
  positionOf(id: number | null | undefined): number;
}

/**
 * The images of `filter` in dataset order (the order ← and → walk them, see
 * logic/filtered-nav.ts), whatever order the filter listed them in; ids the
 * dataset no longer has are left out. No filter: the whole dataset.
 */
export function shownOrder(datasetIds: readonly number[], filter: readonly number[] | null): ShownOrder {
  const ids = filter === null ? datasetIds : keepListed(datasetIds, new Set(filter));
  const positions = new Map<number, number>();
  ids.forEach((id, at) => positions.set(id, at));
  return { ids, positionOf: (id) => (id == null ? -1 : (positions.get(id) ?? -1)) };
}

const keepListed = (ids: readonly number[], wanted: ReadonlySet<number>) => ids.filter((id) => wanted.has(id));
