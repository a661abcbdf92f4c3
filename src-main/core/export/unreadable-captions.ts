import type { CheckLine, ExportSkip } from '../../../src-shared/contract/export';
import type { ExportSource } from './export-source';
import { plural } from './targets/target-spec';

/** file names named in a check line; the rest are counted */
const NAMED = 5;

/**
 * Images whose caption file is there and could not be read (no permission,
 * a folder or a named pipe under its name) are left out of an export:
 * without their caption they would train as uncaptioned images. The check
 * says so, one line per reason, naming the files.
 */
export function unreadableCaptionLines(sources: readonly ExportSource[]): CheckLine[] {
  const byReason = new Map<string, ExportSource[]>();
  for (const s of sources) {
    if (!s.captionProblem) continue;
    const list = byReason.get(s.captionProblem.reason);
    if (list) list.push(s);
    else byReason.set(s.captionProblem.reason, [s]);
  }
  return [...byReason].map(([reason, list]) => {
    const names = list.slice(0, NAMED).map((s) => s.captionProblem!.file);
    const more = list.length > NAMED ? ` and ${list.length - NAMED} more` : '';
    return {
      kind: 'unreadable',
      severity: 'error',
      message: `${plural(list.length, 'image')} will be left out: the caption file cannot be read (${reason}): ${names.join(', ')}${more}.`,
      imageIds: list.map((s) => s.id),
    };
  });
}

/** the export's note for an image left out for its caption; null when its caption was read */
export function unreadableCaptionSkip(source: ExportSource): ExportSkip | null {
  const problem = source.captionProblem;
  if (!problem) return null;
  return { id: source.id, name: source.relPath, reason: `its caption file ${problem.file} cannot be read (${problem.reason})` };
}
