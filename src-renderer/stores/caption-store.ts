import { create } from 'zustand';
import type { ImageDetail } from '../../src-shared/contract';
import { api } from '../transport/api';

/** The image on screen in full: its caption, revision, conflict. */
interface CaptionState {
  detail: ImageDetail | null;
  /** the id being fetched; a late answer for another id is dropped */
  loadingId: number | null;
  loadError: string | null;
  /** "updated from disk" after another program rewrote this caption */
  note: string | null;
  /** the tags an edit refused because the image already has them */
  duplicates: string[];
}

export const useCaptionStore = create<CaptionState>()(() => ({
  detail: null,
  loadingId: null,
  loadError: null,
  note: null,
  duplicates: [],
}));

export const resetCaption = () =>
  useCaptionStore.setState({ detail: null, loadingId: null, loadError: null, note: null, duplicates: [] });

export const setDuplicates = (duplicates: string[]) => useCaptionStore.setState({ duplicates });

/**
 * Take a detail that an edit of ours returned. It belongs on screen only if its
 * image still is; answers for an image left behind only update the list (elsewhere).
 */
export function acceptDetail(detail: ImageDetail): void {
  useCaptionStore.setState((s) => (s.detail?.id === detail.id ? { detail } : s));
}

api.on('caption.changed', ({ source, image }) =>
  useCaptionStore.setState((s) => {
    if (s.detail?.id !== image.id) return s;
    // our own edits echo back as 'app' events, possibly after a newer answer: keep the newest
    if (image.caption.revision < s.detail.caption.revision) return s;
    return source === 'disk' ? { detail: image, note: 'updated from disk', duplicates: [] } : { detail: image };
  }),
);
