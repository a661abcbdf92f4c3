import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract/index';
import { setHistogramTag, useAutotagStore } from '../../stores/autotag-store';
import { call } from '../../transport/api';
import type { AutotagPreview } from '../../actions/autotag';

type Histogram = ChannelOutput<'autotag.histogram'>;

const BIN_WIDTH = 0.05;
const DEBOUNCE_MS = 80;

/** the cut a tag's category is held to at these settings; a rating is the highest of four, not cut */
function cutFor(histogram: Histogram, cuts: AutotagPreview['cuts'] | null): number | null {
  if (!cuts || histogram.category === null || histogram.category === 'rating') return null;
  return cuts[histogram.category];
}

function useHistogram(runId: number | null, tag: string | null): Histogram | null | 'unknown' {
  const [histogram, setHistogram] = useState<Histogram | null | 'unknown'>(null);
  useEffect(() => {
    if (runId === null || tag === null) {
      setHistogram(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void call('autotag.histogram', { runId, tag }).then((result) => {
        if (live) setHistogram(result.ok ? result.value : 'unknown');
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [runId, tag]);
  return histogram;
}

/**
 * How a tag's scores spread over the run's images, as 20 small bars from 0 to
 * 1 with the current cut drawn across them: the bars right of the line are
 * the images that get the tag. The tag is the one under the pointer anywhere,
 * or the one typed here.
 */
export function ScoreHistogram({ runId, cuts }: { runId: number | null; cuts: AutotagPreview['cuts'] | null }) {
  const tag = useAutotagStore((s) => s.histogramTag);
  const histogram = useHistogram(runId, tag);
  const [typed, setTyped] = useState('');
  // a tag pointed at elsewhere replaces the one typed: the field never names a tag the bars are not about
  useEffect(() => {
    setTyped((t) => (tag === (t.trim() || null) ? t : ''));
  }, [tag]);

  const ready = histogram !== null && histogram !== 'unknown' ? histogram : null;
  const max = ready ? Math.max(1, ...ready.bins) : 1;
  const cut = ready ? cutFor(ready, cuts) : null;
  return (
    <div className="autotag-histogram" data-testid="autotag-histogram">
      <div className="autotag-histogram-head">
        <input
          type="text"
          data-testid="autotag-histogram-tag"
          aria-label="Tag to show the scores of"
          placeholder="Point at a tag, or type one"
          spellCheck={false}
          autoComplete="off"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setHistogramTag(e.target.value.trim() || null);
          }}
        />
        {ready && (
          <span className="muted" data-testid="autotag-histogram-caption">
            {ready.tag} · {ready.category ?? 'not in the model'} · {ready.images.toLocaleString('en-US')} images
            {cut !== null ? ` · cut ${cut.toFixed(2)}` : ''}
          </span>
        )}
        {histogram === 'unknown' && <span className="muted">No scores for {tag}</span>}
      </div>
      <div className="autotag-bars" aria-hidden={!ready}>
        {(ready?.bins ?? new Array<number>(20).fill(0)).map((count, i) => {
          const above = cut !== null && i * BIN_WIDTH >= cut - 1e-9;
          return (
            <div
              key={i}
              className={above ? 'autotag-bar autotag-bar-above' : 'autotag-bar'}
              data-testid="autotag-bar"
              data-count={count}
              title={`${(i * BIN_WIDTH).toFixed(2)}–${((i + 1) * BIN_WIDTH).toFixed(2)}: ${count} images`}
            >
              {/* height through the CSSOM (React's style prop), which the page's CSP allows */}
              <div className="autotag-bar-fill" style={{ height: `${(count / max) * 100}%` }} />
            </div>
          );
        })}
        {cut !== null && <div className="autotag-cut" data-testid="autotag-cut" style={{ left: `${cut * 100}%` }} title={`cut ${cut.toFixed(2)}`} />}
      </div>
      <div className="autotag-axis muted" aria-hidden="true">
        <span>0</span>
        <span>0.5</span>
        <span>1</span>
      </div>
    </div>
  );
}
