import { useMemo } from 'react';
import { type DiffPart, sideOf, wordDiff } from './word-diff';

function Side({ parts, side, empty }: { parts: readonly DiffPart[]; side: 'before' | 'after'; empty: string }) {
  const shown = sideOf(parts, side);
  if (shown.every((p) => p.text.trim() === '')) return <span className="muted">{empty}</span>;
  return (
    <>
      {shown.map((p, i) =>
        p.kind === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === 'removed' ? (
          <del key={i} className="diff-removed">
            {p.text}
          </del>
        ) : (
          <ins key={i} className="diff-added">
            {p.text}
          </ins>
        ),
      )}
    </>
  );
}

/**
 * The caption now and the caption an accept would write, one above the
 * other: words that go struck through in the first, words that come marked
 * in the second.
 */
export function CaptionDiff({ current, next }: { current: string; next: string }) {
  const parts = useMemo(() => wordDiff(current, next), [current, next]);
  return (
    <div className="caption-diff" data-testid="caption-diff">
      <div className="caption-diff-side" data-testid="caption-diff-now">
        <span className="caption-diff-label">Now</span>
        <Side parts={parts} side="before" empty="(no caption)" />
      </div>
      <div className="caption-diff-side" data-testid="caption-diff-next">
        <span className="caption-diff-label">Then</span>
        <Side parts={parts} side="after" empty="(empty)" />
      </div>
    </div>
  );
}
