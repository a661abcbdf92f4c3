import { useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract/index';
import { applyBatch } from '../../actions/batch';
import { selectedInOrder } from '../../actions/selection';
import { useSelectionStore } from '../../stores/selection-store';
import { useTagsStore } from '../../stores/tags-store';
import { call } from '../../transport/api';

type Summary = ChannelOutput<'selection.summary'>;

const DEBOUNCE_MS = 150;
/** a selection of thousands can have thousands of partial tags: the most common first, the rest on request */
const PARTIAL_SHOWN = 60;

/**
 * With several images selected: the tags all of them have, and those only
 * some have (with how many). × takes a tag off every selected image at once,
 * as one batch edit (one step of undo).
 */
export function SelectionSummary() {
  const selected = useSelectionStore((s) => s.selected);
  const tagCounts = useTagsStore((s) => s.counts);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const latest = useRef(0);
  const count = selected.size;

  useEffect(() => {
    const seq = ++latest.current;
    if (count < 2) return;
    const timer = setTimeout(() => {
      void call('selection.summary', { ids: selectedInOrder() }).then((result) => {
        if (seq !== latest.current) return;
        // most common first, whatever order main lists them in
        const sorted = result.ok ? { ...result.value, partial: [...result.value.partial].sort((a, b) => b.count - a.count) } : null;
        setSummary(sorted);
        setError(result.ok ? null : result.error.message);
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // tag counts change with every edit: the summary is asked again then
  }, [selected, count, tagCounts]);

  if (count < 2) return null;

  const remove = async (tag: string) => {
    const ids = selectedInOrder();
    if (ids.length === 0) return;
    setBusy(true);
    await applyBatch({ kind: 'selected', ids }, { type: 'remove', tags: [tag] });
    setBusy(false);
  };

  const chip = (tag: string, n: number | null, kind: 'shared' | 'partial') => (
    <li key={tag} className={`chip chip-${kind}`} data-testid={`selection-${kind}-tag`} data-tag={tag} data-count={n ?? count}>
      <span className="chip-text">{tag}</span>
      {n !== null && <span className="chip-count">{n.toLocaleString('en-US')}</span>}
      <button
        type="button"
        className="chip-remove"
        data-testid="selection-tag-remove"
        aria-label={`Remove ${tag} from the ${count} selected images`}
        title={`Remove from the selected images`}
        disabled={busy}
        onClick={() => void remove(tag)}
      >
        ×
      </button>
    </li>
  );

  return (
    <section className="selection-summary" data-testid="selection-summary" aria-label="Tags of the selected images">
      <h3>
        {count.toLocaleString('en-US')} images selected
      </h3>
      {error && <p className="panel-error">{error}</p>}
      {summary && (
        <>
          <div className="summary-label">All have</div>
          {summary.shared.length === 0 ? (
            <p className="muted summary-empty">No tag is on every selected image.</p>
          ) : (
            <ul className="tag-chips">{summary.shared.map((tag) => chip(tag, null, 'shared'))}</ul>
          )}
          {summary.partial.length > 0 && (
            <>
              <div className="summary-label">Some have</div>
              <ul className="tag-chips">
                {(showAll ? summary.partial : summary.partial.slice(0, PARTIAL_SHOWN)).map((t) => chip(t.name, t.count, 'partial'))}
              </ul>
              {!showAll && summary.partial.length > PARTIAL_SHOWN && (
                <button type="button" className="link-button" onClick={() => setShowAll(true)}>
                  Show all {summary.partial.length.toLocaleString('en-US')}
                </button>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
