import { useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract/index';
import { settleTag } from '../../actions/autotag';
import { tagQuery } from '../../logic/query-text';
import { useAutotagStore } from '../../stores/autotag-store';
import { applyFilter } from '../../stores/filter-store';
import { call } from '../../transport/api';
import { scoreText } from './autotag-text';
import { type ReviewSort, sortReview } from './review-sort';

type ReviewRow = ChannelOutput<'autotag.review'>['tags'][number];
type Loaded = { kind: 'loading' } | { kind: 'ready'; rows: ReviewRow[] } | { kind: 'error'; message: string };

const COLUMNS: ReadonlyArray<{ key: ReviewSort['by']; label: string }> = [
  { key: 'tag', label: 'Tag' },
  { key: 'images', label: 'Images' },
  { key: 'meanScore', label: 'Mean' },
];

/** the filter terms the review layer added, one click away: what a model tagged, and what it was least sure of */
const REVIEW_FILTERS = [
  { label: 'with model tags', query: 'source:model', testId: 'autotag-review-show-model' },
  { label: 'with a model tag under 0.5', query: 'score:<0.5', testId: 'autotag-review-show-doubtful' },
] as const;

/**
 * Every tag models wrote across the dataset and that is still there, with how
 * many images have it and how sure the model was on average. Sorted by any
 * column (least sure first finds the doubtful ones); Keep makes a tag a
 * person's, Remove takes it out of every caption a model put it in (one step
 * of undo); a click on a tag shows its images.
 */
export function ReviewTab({ active }: { active: boolean }) {
  const version = useAutotagStore((s) => s.labelsVersion);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [sort, setSort] = useState<ReviewSort>({ by: 'images', descending: true });
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    if (!active) return;
    let live = true;
    void call('autotag.review', {}).then((result) => {
      if (!live) return;
      setLoaded(result.ok ? { kind: 'ready', rows: result.value.tags } : { kind: 'error', message: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [active, version]);

  const rows = useMemo(() => (loaded.kind === 'ready' ? sortReview(loaded.rows, sort) : []), [loaded, sort]);

  const settle = async (tag: string, action: 'keep' | 'remove') => {
    setBusy(tag);
    await settleTag(tag, action);
    setBusy(null);
  };

  if (loaded.kind === 'loading') return <p className="muted">Reading the model tags…</p>;
  if (loaded.kind === 'error') {
    return (
      <p className="field-problem" data-testid="autotag-review-error" role="alert">
        Could not read the model tags: {loaded.message}
      </p>
    );
  }
  if (rows.length === 0) return <p className="muted" data-testid="autotag-review-empty">No tag in the dataset came from a model, or every one was settled.</p>;
  return (
    <>
      <div className="autotag-review-filters">
        Show images
        {REVIEW_FILTERS.map((f) => (
          <button key={f.query} type="button" data-testid={f.testId} title={`Filter: ${f.query}`} onClick={() => void applyFilter(f.query)}>
            {f.label}
          </button>
        ))}
      </div>
      <table className="autotag-review" data-testid="autotag-review">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} title={c.key === 'meanScore' ? 'Mean score the model gave' : undefined} aria-sort={sort.by === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button
                  type="button"
                  className="link-button"
                  data-testid={`autotag-review-sort-${c.key}`}
                  onClick={() => setSort((s) => ({ by: c.key, descending: s.by === c.key ? !s.descending : c.key !== 'tag' }))}
                >
                  {c.label}
                  {sort.by === c.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                </button>
              </th>
            ))}
            <th aria-label="Settle" />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.tag} data-testid="autotag-review-row" data-tag={row.tag} data-images={row.images}>
              <td>
                <button type="button" className="link-button" data-testid="autotag-review-filter" title={`Show the images tagged ${row.tag}`} onClick={() => void applyFilter(tagQuery(row.tag))}>
                  {row.tag}
                </button>
              </td>
              <td className="autotag-num">{row.images.toLocaleString('en-US')}</td>
              <td className="autotag-num">{scoreText(row.meanScore)}</td>
              <td className="autotag-settle">
                <button type="button" data-testid="autotag-keep" disabled={busy !== null} title="Keep it everywhere: it becomes a person's tag and leaves this list" onClick={() => void settle(row.tag, 'keep')}>
                  Keep
                </button>
                <button type="button" className="danger" data-testid="autotag-remove" disabled={busy !== null} title="Remove it from every caption a model put it in (a person's own stay); undo brings it back" onClick={() => void settle(row.tag, 'remove')}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
