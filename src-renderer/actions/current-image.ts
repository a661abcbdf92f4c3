import { call } from '../transport/api';
import { useCaptionStore } from '../stores/caption-store';
import { currentImageId, setImageIndex, useImagesStore } from '../stores/images-store';
import { stepWithin } from '../logic/filtered-nav';
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

export const goToIndex = (index: number) => setImageIndex(index);
/** one step through the images the filter shows (all of them when none is on) */
function step(by: 1 | -1): void {
  const { index } = useImagesStore.getState();
  const shown = currentShown();
  setImageIndex(shown ? stepWithin(shown, index, by) : index + by);
}

export const nextImage = () => step(1);
export const previousImage = () => step(-1);
