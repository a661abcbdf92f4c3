import { useEffect, useRef, useState } from 'react';
import type { BatchTarget } from '../../../src-shared/contract/index';
import { type AutotagPreview, previewAutotag } from '../../actions/autotag';
import type { ApplyMode, SelectionSettings } from '../../stores/autotag-store';
import { useTagsStore } from '../../stores/tags-store';

/** light: a slider drag sends a handful of previews, not one per pixel, and never holds the slider back */
const DEBOUNCE_MS = 120;

export type AutotagPreviewState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; preview: AutotagPreview }
  | { kind: 'error'; message: string };

export interface PreviewRequest {
  runId: number;
  target: BatchTarget;
  mode: ApplyMode;
  settings: SelectionSettings;
}

/**
 * What an apply would do at the settings being shaped, from the kept scores:
 * asked a moment after the last change and again when the dataset's tags
 * change. The last answer stays on screen while the next is on its way, and
 * only the newest answer is kept.
 */
export function useAutotagPreview(request: PreviewRequest | null): AutotagPreviewState {
  const [state, setState] = useState<AutotagPreviewState>({ kind: 'idle' });
  const latest = useRef(0);
  // settings and mode are rebuilt on every render: their text says whether they changed; the target is kept stable by the caller
  const key = request ? JSON.stringify([request.runId, request.mode, request.settings]) : '';
  const target = request?.target ?? null;
  const tagCounts = useTagsStore((s) => s.counts);

  useEffect(() => {
    const seq = ++latest.current;
    if (!key || !target) {
      setState({ kind: 'idle' });
      return;
    }
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    const [runId, mode, settings] = JSON.parse(key) as [number, ApplyMode, SelectionSettings];
    const timer = setTimeout(() => {
      void previewAutotag(runId, target, mode, settings).then((result) => {
        if (seq !== latest.current) return;
        setState(result.ok ? { kind: 'ready', preview: result.value } : { kind: 'error', message: result.error.message });
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, target, tagCounts]);

  return state;
}
