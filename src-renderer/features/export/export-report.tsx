import { useShallow } from 'zustand/react/shallow';
import { plural, severityCounts } from './report-reading';
import { useExportStore } from '../../stores/export-store';
import { ExportBucketHistogram } from './export-bucket-histogram';
import { ExportCheckLine } from './export-check-line';

/**
 * The pre-export check as the user reads it before confirming: errors first,
 * each line leading to its images, then kohya's buckets. `stale` when the
 * options changed after the check was made.
 */
export function ExportReport({ stale }: { stale: boolean }) {
  const { report, datasetChanged, checkNote } = useExportStore(
    useShallow((s) => ({ report: s.report, datasetChanged: s.datasetChanged, checkNote: s.checkNote })),
  );
  if (!report) {
    return (
      <section className="export-report export-report-empty" data-testid="export-report-empty">
        {checkNote && (
          <p className="export-note" data-testid="export-check-note">
            {checkNote}
          </p>
        )}
        <p>
          Check looks at every image that is not marked to skip: missing captions, duplicates and near-duplicates, shared
          name stems, sizes, caption length, the trainer&apos;s limits, and the kohya buckets the images fall into.
          Nothing is written.
        </p>
      </section>
    );
  }
  const counts = severityCounts(report.lines);
  return (
    <section className="export-report" data-testid="export-report" aria-live="polite">
      <h3 data-testid="export-report-title">
        {plural(report.imageCount, 'image')} to export
        <span className="muted">
          {' '}
          · {plural(counts.error, 'error')}, {plural(counts.warning, 'warning')}, {counts.info.toLocaleString('en-US')} info
        </span>
      </h3>
      {checkNote && (
        <p className="export-note" data-testid="export-check-note">
          {checkNote}
        </p>
      )}
      {stale && (
        <p className="export-note" data-testid="export-report-stale">
          The options changed since this check: check again before exporting.
        </p>
      )}
      {datasetChanged && !stale && (
        <p className="export-note" data-testid="export-dataset-changed">
          Images or captions changed since this check; check again to see the report as it is now.
        </p>
      )}
      {report.lines.length === 0 ? (
        <p className="export-clean" data-testid="export-report-clean">
          Nothing to report: every image is ready for the trainer.
        </p>
      ) : (
        <ul className="export-lines">
          {report.lines.map((line) => (
            <ExportCheckLine key={line.kind + line.message} line={line} />
          ))}
        </ul>
      )}
      <ExportBucketHistogram buckets={report.buckets} />
    </section>
  );
}
