import { create } from 'zustand';
import type { ImageDetail, ImageSummary } from '../../src-shared/contract';
import { listAllImages } from '../../src-shared/list-images';
import { api, call } from '../transport/api';

/**
 * The dataset's images in order, and which one is on screen. Built to hold
 * 100,000 rows: one plain array (a row update copies pointers, not rows) and an
 * id → index map rebuilt only when the list itself changes.
 */
interface ImagesState {
  items: ImageSummary[];
  indexById: ReadonlyMap<number, number>;
  /** position of the current image in `items`; 0 when the list is empty */
  index: number;
}

export const useImagesStore = create<ImagesState>()(() => ({ items: [], indexById: new Map(), index: 0 }));

export const currentImage = (s: ImagesState): ImageSummary | null => s.items[s.index] ?? null;
export const currentImageId = (s: ImagesState): number | null => s.items[s.index]?.id ?? null;

const clampIndex = (index: number, length: number) => (length === 0 ? 0 : Math.min(Math.max(index, 0), length - 1));

export interface StartAt {
  imageId: number | null;
  index: number;
}

/**
 * Replace the list. With `start` (a session just opened) go there; without it
 * (the list was rebuilt) the current image stays current if it is still there,
 * else the position is kept.
 */
export function setImageList(items: ImageSummary[], start?: StartAt): void {
  const indexById = new Map(items.map((item, i) => [item.id, i]));
  const previous = useImagesStore.getState();
  const keepId = start ? start.imageId : currentImageId(previous);
  const byId = keepId == null ? undefined : indexById.get(keepId);
  const index = clampIndex(byId ?? start?.index ?? previous.index, items.length);
  useImagesStore.setState({ items, indexById, index });
}

export function setImageIndex(index: number): void {
  useImagesStore.setState((s) => {
    const next = clampIndex(index, s.items.length);
    return next === s.index ? s : { index: next };
  });
}

export async function loadImageList(start?: StartAt): Promise<boolean> {
  const result = await listAllImages((page) => call('images.list', page));
  if (result.ok) setImageList(result.value, start);
  return result.ok;
}

export const resetImages = () => useImagesStore.setState({ items: [], indexById: new Map(), index: 0 });

function updateRows(rows: readonly ImageSummary[]): void {
  useImagesStore.setState((s) => {
    let items: ImageSummary[] | null = null;
    for (const row of rows) {
      const at = s.indexById.get(row.id);
      if (at === undefined) continue;
      items ??= s.items.slice();
      items[at] = row;
    }
    return items ? { items } : s;
  });
}

/** the list row carried inside a detail, so the list agrees with what an edit returned */
export function summaryOf(detail: ImageDetail): ImageSummary {
  const { id, name, status, tagCount, width, height, bytes, hasConflict } = detail;
  return { id, name, status, tagCount, width, height, bytes, hasConflict };
}
export const updateRowFromDetail = (detail: ImageDetail) => updateRows([summaryOf(detail)]);

api.on('images.changed', ({ updated, reset }) => {
  if (reset) void loadImageList();
  else updateRows(updated);
});

api.on('caption.changed', ({ image }) => updateRowFromDetail(image));
