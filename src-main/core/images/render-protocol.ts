import type { RenderKind, RenderOutput } from './cache-layout';

/**
 * What the image service asks of its worker threads (workers/render-worker):
 * thumbnails, previews and conversions, cached under a fingerprint of the
 * file's content. Declared here, where it is needed; the worker serves it.
 */
export type RenderProtocol = {
  render: { task: RenderTask; result: RenderResult };
  /** starts a thread (and loads sharp in it) ahead of the first real render */
  warm: { task: object; result: null };
};

export interface RenderTask {
  src: string;
  cacheDir: string;
  /** 'full' converts formats a browser cannot show (TIFF) at full size */
  kind: RenderKind;
  /** longest side of the result; 0 for 'full' */
  maxSide: number;
  output: RenderOutput;
  maxPixels: number;
  /** known from the index: saves reading the file's head and tail */
  fingerprint: string | null;
}

export type RenderResult =
  | { ok: true; path: string; fingerprint: string; created: boolean }
  | { ok: false; reason: string; fingerprint: string | null };
