import { useEffect, useRef, useState } from 'react';
import type { BatchOp, BatchTarget } from '../../../src-shared/contract/index';
import { type BatchPreview, previewBatch } from '../../actions/batch';
import { useTagsStore } from '../../stores/tags-store';

const DEBOUNCE_MS = 200;

export type PreviewState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; preview: BatchPreview }
  | { kind: 'error'; message: string };

export interface BatchRequest {
  target: BatchTarget;
  op: BatchOp;
}

/**
 * The preview of a batch edit as the user shapes it: asked again a moment after
 * the last change, and again whenever the dataset's tags change (an edit or an
 * undo elsewhere makes the old count wrong). Only the newest answer is kept.
 */
export function useBatchPreview(request: BatchRequest | null): PreviewState {
  const [state, setState] = useState<PreviewState>({ kind: 'idle' });
  const latest = useRef(0);
  // the op is rebuilt on every render, so its text says whether it changed; the
  // target (up to a million ids) is compared by identity: callers keep it stable
  const opKey = request ? JSON.stringify(request.op) : '';
  const target = request?.target ?? null;
  const tagCounts = useTagsStore((s) => s.counts);

  useEffect(() => {
    const seq = ++latest.current;
    if (!opKey || !target) {
      setState({ kind: 'idle' });
      return;
    }
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    const timer = setTimeout(() => {
      void previewBatch(target, JSON.parse(opKey) as BatchOp).then((result) => {
        if (seq !== latest.current) return;
        setState(result.ok ? { kind: 'ready', preview: result.value } : { kind: 'error', message: result.error.message });
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [opKey, target, tagCounts]);

  return state;
}
