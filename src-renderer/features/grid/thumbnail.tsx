import { useEffect, useRef, useState } from 'react';
import type { ImageSummary } from '../../../src-shared/contract/index';
import { imageUrl } from '../../stores/session-store';

type LoadState = 'loading' | 'loaded' | 'failed';

/**
 * How long a cell must stay mounted before it asks for its thumbnail. A fling
 * through 100,000 images mounts and drops dozens of cells a frame; without
 * this each would start a request (and, for a thumbnail not made yet, a
 * render in main) for a cell gone a frame later.
 */
const DWELL_MS = 100;

/** the file's own name: a dataset path's folders do not fit under a thumbnail */
export const baseName = (name: string) => name.slice(name.lastIndexOf('/') + 1);

/**
 * What a row says, as one string: one change often arrives twice (an edit's
 * answer, then its echo as an event) as two objects with the same content,
 * and that must not cost two retries.
 */
const rowContent = (row: ImageSummary | undefined) =>
  row ? `${row.name}|${row.status}|${row.tagCount}|${row.hasConflict}|${row.width}x${row.height}` : '';

/**
 * One thumbnail. While it loads, or if it cannot be made, a neutral
 * placeholder with the file name stands in its place (never a broken-image
 * icon). The element tree is the same in every state, so the grid's DOM size
 * does not depend on how many thumbnails have arrived.
 *
 * A failed thumbnail is asked for once more when the image's row changes (the
 * file was rewritten, or main learnt something new about it), under a fresh
 * URL so no cached failure answers. Unmounting the <img> when the cell scrolls
 * out of view lets Chromium drop the request; a cell only passing through
 * never makes one (see DWELL_MS).
 */
export function Thumbnail({ id, row }: { id: number; row: ImageSummary | undefined }) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LoadState>('loading');
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWanted(true), DWELL_MS);
    return () => clearTimeout(timer);
  }, []);
  // the row as it was when the load failed: a different row is the cue to retry
  const failedWith = useRef('');
  const content = rowContent(row);

  useEffect(() => {
    if (state === 'failed' && failedWith.current !== content) {
      setAttempt((n) => n + 1);
      setState('loading');
    }
  }, [content, state]);

  const name = row ? baseName(row.name) : '';
  return (
    <div className="thumb" data-state={state}>
      <span className="thumb-placeholder">{name}</span>
      <img
        key={attempt}
        className="thumb-image"
        // no src until wanted: an <img> without one makes no request and draws nothing
        src={wanted ? imageUrl(id, 'thumb', attempt) : undefined}
        alt=""
        loading="lazy"
        decoding="async"
        draggable={false}
        onLoad={() => setState('loaded')}
        onError={() => {
          failedWith.current = content;
          setState('failed');
        }}
      />
    </div>
  );
}
