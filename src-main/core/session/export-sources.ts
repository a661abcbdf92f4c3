import type { ExportSource } from '../export';
import type { DatasetSession } from './dataset-session';

/** The session's images as the export and its check take them: resolved paths, current captions. */
export function exportSources(session: DatasetSession): ExportSource[] {
  return session.allEntries().map((e) => ({
    id: e.row.id,
    absPath: session.absolutePath(e),
    relPath: e.row.relPath,
    captionText: e.caption.text,
    captionEncoding: e.caption.format.encoding,
    skip: e.row.skip,
    width: e.row.width,
    height: e.row.height,
    bytes: e.row.size,
    captionProblem: e.caption.readError ? { file: e.captionRel, reason: e.caption.readError } : null,
  }));
}
