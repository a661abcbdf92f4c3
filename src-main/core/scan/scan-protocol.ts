import type { PackedReads } from '../captions/packed-reads';

/**
 * What the scan asks of its worker threads (workers/probe-worker), one kind
 * per request: header checks, bulk stats and caption reads, and the copies
 * of an import. Declared here, where it is needed; the worker serves it.
 */
export type ScanProtocol = {
  /** check each image's header: is it one, and how large */
  probe: { task: { paths: string[]; maxPixels: number }; result: ProbeResult[] };
  /** starts a thread ahead of a person's first open or import (see startAllThreads) */
  warm: { task: object; result: null };
  /** size and mtime of each path, as [size, mtimeMs] pairs; size -1 for a path that is gone or not a file */
  stat: { task: { paths: string[] }; result: Float64Array };
  /** each caption file read and decoded (see readCaptionSync), for the index thread's share of a sync's reads; packed (see packReads) */
  readCaptions: { task: { paths: string[] }; result: PackedReads };
  /** copy images into the dataset (see copy-into-dataset.ts) */
  copy: { task: { items: CopyItem[] }; result: CopyResult[] };
};

/**
 * An image's header check, with the file's size and mtime as it was opened:
 * a first sync lists a folder without a stat per image and takes them from
 * here. A file that could not be opened has none.
 */
export type ProbeResult =
  | { ok: true; width: number; height: number; format: string; file: FileFacts }
  | { ok: false; reason: string; file: FileFacts | null };

export interface FileFacts {
  size: number;
  mtimeMs: number;
}


/** one image to bring into the dataset under its new name, with an empty caption beside it */
export interface CopyItem {
  source: string;
  /** the new name's temporary twin: the copy is written there and renamed, so a crash never leaves half an image under a real name */
  temp: string;
  dest: string;
  caption: string;
  /** planned by an import that was cut short: the copy may be there already, and is then kept, not made again */
  resumed: boolean;
}

/**
 * What is on disk afterwards, for the index. `kept`: a resumed copy was found
 * made already and left as it was. A caption of size > 0 was there before and
 * was left alone.
 */
export type CopyResult =
  | { ok: true; kept: boolean; imageSize: number; imageMtimeMs: number; captionSize: number; captionMtimeMs: number }
  | { ok: false; code: string | undefined; message: string };
