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
  skip: boolean;
  /** as shown, EXIF orientation applied; null when not probed yet */
  width: number | null;
  height: number | null;
  bytes: number;
}

/** what the export and its check report as they go */
export interface ProgressHooks {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, label?: string) => void;
}
