import { useEffect, useState } from 'react';
import { useCaptionStore } from '../../stores/caption-store';
import type { CaptionResult } from '../../stores/captioner-store';
import { useCaptionerStore } from '../../stores/captioner-store';
import { call } from '../../transport/api';

const STATUS_TEXT = { pending: 'waiting for review', accepted: 'accepted', rejected: 'rejected', failed: 'failed' } as const;

type Loaded = { imageId: number; results: CaptionResult[] } | { imageId: number; error: string };

/**
 * What models proposed for the image on screen, newest first: run, model,
 * prompt, what became of it and the raw answer. So a caption written from a
 * suggestion can always be traced to what produced it.
 */
export function ImageHistory() {
  const imageId = useCaptionStore((s) => s.detail?.id ?? null);
  const name = useCaptionStore((s) => s.detail?.name ?? '');
  // runs and reviews change what an image's history holds
  const version = useCaptionerStore((s) => s.runs);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (imageId === null) return;
    let live = true;
    void call('captioner.imageResults', { imageId }).then((r) => {
      if (live) setLoaded(r.ok ? { imageId, results: r.value.results } : { imageId, error: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [imageId, version]);

  if (imageId === null || loaded?.imageId !== imageId) return null;
  if ('error' in loaded) return <p className="field-problem">Could not read this image’s history: {loaded.error}</p>;
  return (
    <details className="captioner-details captioner-history" data-testid="captioner-image-history">
      <summary>
        Models’ captions for {name} ({loaded.results.length})
      </summary>
      {loaded.results.length === 0 ? (
        <p className="muted">No model has captioned this image yet.</p>
      ) : (
        <ol className="captioner-history-list">
          {loaded.results.map((r) => (
            <li key={r.runId} data-testid="captioner-history-entry" data-run-id={r.runId} data-status={r.status}>
              <div className="captioner-history-head">
                <strong>#{r.runId}</strong> {r.model} · {STATUS_TEXT[r.status]}
              </div>
              <div className="captioner-history-text">{r.status === 'failed' ? r.error : r.suggested}</div>
              <details className="captioner-raw">
                <summary>Prompt and raw answer</summary>
                <pre>{`${r.prompt}\n\n— answer —\n${r.raw}`}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
