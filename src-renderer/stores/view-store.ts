import { create } from 'zustand';

/**
 * How the tagging screen shows images: one at a time (with the filmstrip) or
 * as a grid of thumbnails. Both follow the images store's current image, so
 * leaving the grid lands on the image the grid's cursor was on.
 */
export type ViewMode = 'single' | 'grid';

interface ViewState {
  mode: ViewMode;
}

export const useViewStore = create<ViewState>()(() => ({ mode: 'single' }));

export const showSingle = () => useViewStore.setState({ mode: 'single' });
export const toggleView = () => useViewStore.setState((s) => ({ mode: s.mode === 'grid' ? 'single' : 'grid' }));

/**
 * How the single image is drawn: fit to the room left, or 1:1 (the full
 * image, panned by scrolling or dragging) to judge detail a tag is about.
 */
export type ZoomMode = 'fit' | 'actual';
export const useZoomStore = create<{ zoom: ZoomMode }>()(() => ({ zoom: 'fit' }));
export const toggleZoom = () => useZoomStore.setState((s) => ({ zoom: s.zoom === 'fit' ? 'actual' : 'fit' }));
