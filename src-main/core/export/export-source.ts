import type { CaptionEncoding } from '../../../src-shared/contract/models';
/**
 * One image as the session hands it to the export and its check. The session
 * resolves ids to paths; the renderer never names a path.
 */
export interface ExportSource {
  id: number;
  absPath: string;
  /** '/'-separated, relative to the dataset folder */
  relPath: string;
  /** the caption as the user sees it (decoded; '' when there is none) */
  captionText: string;
  /** the encoding its file was read in (see caption-encodings.ts); absent: UTF-8 or no file */
  captionEncoding?: CaptionEncoding;
  skip: boolean;
  /** as shown, EXIF orientation applied; null when not probed yet */
  width: number | null;
  height: number | null;
  /** the file's size as the index has it; -1 before its header is checked (SIZE_NOT_KNOWN): the export's check reads it then */
  bytes: number;
  /** the caption file is there and could not be read: the image is left out (see unreadable-captions.ts) */
  captionProblem?: { file: string; reason: string } | null;
}

/** what the export and its check report as they go */
export interface ProgressHooks {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label?: string) => void;
}
