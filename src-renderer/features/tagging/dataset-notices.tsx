import { useShallow } from 'zustand/react/shallow';
import { useSessionStore } from '../../stores/session-store';

const and = (names: readonly string[]) =>
  names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * Files the scan left out (not readable images, with the reason) and images that
 * share a stem, hence one caption file in every trainer. Collapsed by default:
 * worth knowing, not worth the space while tagging.
 */
export function DatasetNotices() {
  const { skipped, clashes } = useSessionStore(
    useShallow((s) => ({ skipped: s.session?.skippedFiles ?? [], clashes: s.session?.stemClashes ?? [] })),
  );
  if (skipped.length === 0 && clashes.length === 0) return null;
  const summary = [
    skipped.length > 0 && `${skipped.length.toLocaleString('en-US')} ${skipped.length === 1 ? 'file' : 'files'} skipped`,
    clashes.length > 0 &&
      `${clashes.length.toLocaleString('en-US')} ${clashes.length === 1 ? 'caption file is' : 'caption files are'} shared`,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <details className="dataset-notices" data-testid="skipped-files-notice">
      <summary>{summary}</summary>
      {skipped.length > 0 && (
        <ul className="notice-list">
          {skipped.map((file) => (
            <li key={file.name} data-testid="skipped-file">
              <span className="path">{file.name}</span>: {file.reason}
            </li>
          ))}
        </ul>
      )}
      {clashes.length > 0 && (
        <ul className="notice-list">
          {clashes.map((names) => (
            <li key={names.join('\u0000')} data-testid="stem-clash">
              {and(names)} share one caption file
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
