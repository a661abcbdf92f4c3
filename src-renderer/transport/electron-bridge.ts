import type { TaggerApi } from '../../src-shared/tagger-api';

declare global {
  interface Window {
    /** set by the Electron preload through contextBridge; absent in a plain browser */
    tagger?: TaggerApi;
  }
}

/** The desktop transport is whatever the preload exposed; the renderer adds nothing to it. */
export function electronBridge(): TaggerApi | null {
  return window.tagger ?? null;
}
