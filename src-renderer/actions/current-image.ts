import type { ImageSummary } from '../../src-shared/contract';
import { call } from '../transport/api';
import { useCaptionStore } from '../stores/caption-store';
import { currentImageId, setImageIndex, useImagesStore } from '../stores/images-store';
import { showToast } from '../stores/ui-store';
import { edgeWithin, findWithin, stepWithin } from '../logic/filtered-nav';
import { toggleSkip, whenEditsSettled } from './caption-edits';
import { currentShown } from './filtered-nav';

/**
 * Whatever moves the position (a key, a button, a rebuilt list, a session
 * opening) only changes the images store; this subscription then fetches the
 * new image's caption and tells main, so the position survives a quit or reload.
 */
export async function showImage(id: number | null): Promise<void> {
  if (id == null) {
    useCaptionStore.setState({ detail: null, loadingId: null, loadError: null, note: null, duplicates: [] });
    return;
  }
  useCaptionStore.setState((s) => ({
    detail: s.detail?.id === id ? s.detail : null,
    loadingId: id,
    loadError: null,
    note: null,
    duplicates: [],
  }));
  void call('session.goto', { imageId: id });
  const result = await call('image.get', { id });
  // the user may have moved on while this was in flight: the newer request wins
  if (useCaptionStore.getState().loadingId !== id) return;
  useCaptionStore.setState(
    result.ok ? { detail: result.value, loadingId: null } : { loadingId: null, loadError: result.error.message },
  );
}

export const reloadCurrentImage = () => showImage(currentImageId(useImagesStore.getState()));

useImagesStore.subscribe((state, previous) => {
  const id = currentImageId(state);
  if (id !== currentImageId(previous)) void showImage(id);
});

/** one step through the images the filter shows (all of them when none is on) */
function step(by: 1 | -1): void {
  const { index } = useImagesStore.getState();
  const shown = currentShown();
  setImageIndex(shown ? stepWithin(shown, index, by) : index + by);
}

export const nextImage = () => step(1);
export const previousImage = () => step(-1);

/** Home and End: the first or last image the filter shows */
function edge(which: 'first' | 'last'): void {
  const { index, items } = useImagesStore.getState();
  setImageIndex(edgeWithin(currentShown(), items.length, index, which));
}

export const firstImage = () => edge('first');
export const lastImage = () => edge('last');

/** skipped images are left out of training: they want no caption */
const wantsCaption = (row: ImageSummary) => row.status === 'todo';

/**
 * Ctrl+J and Ctrl+Shift+J: the nearest image without a caption, among those the
 * filter shows. It waits for the edits already made, so the caption just typed
 * counts (Enter, then Ctrl+J at once, must not land on the image just tagged).
 */
async function stepToUncaptioned(by: 1 | -1): Promise<void> {
  await whenEditsSettled();
  const { index, items } = useImagesStore.getState();
  const found = findWithin(items, currentShown(), index, by, wantsCaption);
  if (found === null) showToast(`No image without a caption ${by === 1 ? 'after' : 'before'} this one`);
  else setImageIndex(found);
}

export const nextUncaptioned = () => stepToUncaptioned(1);
export const previousUncaptioned = () => stepToUncaptioned(-1);

export function toggleSkipCurrent(): void {
  const id = currentImageId(useImagesStore.getState());
  if (id !== null) void toggleSkip(id);
}
