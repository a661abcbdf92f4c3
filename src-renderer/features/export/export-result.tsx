import type { ExportSummary } from '../../../src-shared/contract/export';
import { backToOptions, closeExportDialog } from '../../actions/export';
import { plural } from './report-reading';

/** left-out images listed by name; a long list would bury the notes under it */
const SKIPS_SHOWN = 50;

/** What was written and what the user needs to know to train with it. */
export function ExportSummaryView({ summary }: { summary: ExportSummary }) {
  const rest = summary.skipped.length - SKIPS_SHOWN;
  return (
    <section className="export-result" data-testid="export-summary">
      <h3 className="export-result-title">Exported {plural(summary.written, 'image')}</h3>
      <p>
        Saved to{' '}
        <span className="path" data-testid="export-summary-path">
          {summary.outPath}
        </span>
      </p>
      {summary.skipped.length > 0 && (
        <div className="export-result-block">
          <h4>Left out: {plural(summary.skipped.length, 'image')}</h4>
          <ul className="export-skips" data-testid="export-summary-skipped">
            {summary.skipped.slice(0, SKIPS_SHOWN).map((s) => (
              <li key={s.id}>
                <span className="path">{s.name}</span> <span className="muted">— {s.reason}</span>
              </li>
            ))}
            {rest > 0 && <li className="muted">and {plural(rest, 'more image')}</li>}
          </ul>
        </div>
      )}
      {summary.notes.length > 0 && (
        <div className="export-result-block">
          <h4>Notes</h4>
          <ul className="export-notes" data-testid="export-summary-notes">
            {summary.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      <footer className="export-footer">
        <span />
        <div className="export-buttons">
          <button type="button" className="primary" data-testid="export-done" onClick={closeExportDialog}>
            Done
          </button>
        </div>
      </footer>
    </section>
  );
}

/** main's messages start in lower case, to be read after a colon; here one stands alone */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A cancelled or failed export: main left nothing behind, so the user can change the options and run it again. */
export function ExportFailure({ message, cancelled }: { message: string; cancelled: boolean }) {
  return (
    <section className="export-result" data-testid="export-failure" data-cancelled={cancelled}>
      <h3 className={cancelled ? 'export-result-title export-result-cancelled' : 'export-result-title export-result-failed'}>
        {cancelled ? 'Export cancelled' : 'The export failed'}
      </h3>
      <p data-testid="export-failure-message" role={cancelled ? 'status' : 'alert'}>
        {sentence(message)}
      </p>
      {!cancelled && <p className="muted">Nothing was left behind: an export either completes or removes what it wrote.</p>}
      <footer className="export-footer">
        <span />
        <div className="export-buttons">
          <button type="button" data-testid="export-close" onClick={closeExportDialog}>
            Close
          </button>
          <button type="button" className="primary" data-testid="export-back" onClick={backToOptions}>
            Back to the options
          </button>
        </div>
      </footer>
    </section>
  );
}
