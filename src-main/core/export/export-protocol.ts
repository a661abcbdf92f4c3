/**
 * What the export and its pre-export check ask of their worker threads
 * (workers/export-worker), one kind per request. Declared here, where it is
 * needed; the worker serves it.
 */
export type ExportProtocol = {
  /** one image as the trainer gets it, written to the export folder */
  render: { task: RenderTask; result: RenderResult };
  /** what each image's pixels are, to find duplicates before an export */
  fingerprint: { task: FingerprintTask; result: Fingerprint[] };
};

/**
 * One image as a trainer should get it: shown the right way up (EXIF
 * orientation applied to the pixels), transparency flattened onto a colour,
 * metadata stripped unless kept, converted, fitted inside a longest side.
 */
export interface RenderTask {
  input: string;
  output: string;
  format: 'png' | 'jpeg' | 'webp';
  quality: number;
  keepMetadata: boolean;
  /** #rrggbb */
  background: string;
  maxSide: number | null;
  maxPixels: number;
  /** refuse an output larger than this (Civitai's 50 MB) */
  maxBytes: number | null;
}

export type RenderResult =
  | { ok: true; width: number; height: number; bytes: number; copied: boolean; converted: boolean }
  | { ok: false; reason: string };

/**
 * What the pre-export check compares images by: a SHA-256 of the bytes
 * (identical files) and a 64-bit difference hash of the picture.
 */
export interface FingerprintTask {
  paths: string[];
  maxPixels: number;
}

export type Fingerprint =
  /** `bytes`: the file's size as it was read, which the index may not know yet (see SIZE_NOT_KNOWN) */
  | { ok: true; sha256: string; bytes: number; dhash: string; mean: number; width: number; height: number }
  | { ok: false; reason: string };
