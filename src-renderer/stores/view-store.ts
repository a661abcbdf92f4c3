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

export const showGrid = () => useViewStore.setState({ mode: 'grid' });
export const showSingle = () => useViewStore.setState({ mode: 'single' });
export const toggleView = () => useViewStore.setState((s) => ({ mode: s.mode === 'grid' ? 'single' : 'grid' }));
