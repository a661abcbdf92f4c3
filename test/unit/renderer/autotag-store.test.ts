import { describe, expect, it, vi } from 'vitest';

// the store subscribes to main's events at import: a stand-in transport hands them over here
const listeners = new Map<string, (payload: unknown) => void>();
vi.mock('../../../src-renderer/transport/api', () => ({
  api: { on: (event: string, listener: (payload: unknown) => void) => void listeners.set(event, listener) },
}));

const { useAutotagStore } = await import('../../../src-renderer/stores/autotag-store');

const session = (datasetDir: string, triggerWord: string | null = null) => ({ session: { datasetDir, triggerWord } });
const run = { runId: 3, scored: 2, failed: 0, skipped: 0, cancelled: false, provider: 'cpu' as const, fallback: null, failures: [] };
const withRun = () =>
  useAutotagStore.setState({
    runs: [{ id: 3, modelId: 'm', startedAt: 1, finishedAt: 2, images: 2 }],
    runId: 3,
    lastRun: run,
    ghosts: { imageId: 1, runId: 3, modelId: 'm', suggestions: [{ tag: 'a', score: 0.5, category: 'general' }] },
  });

describe('auto-tag store', () => {
  it("forgets a dataset's runs and suggestions when another dataset opens, not when the same one changes", () => {
    const changed = listeners.get('session.changed')!;
    changed(session('/data/one'));
    withRun();
    // a trigger word set: the same dataset, its runs stay
    changed(session('/data/one', 'sks'));
    expect(useAutotagStore.getState()).toMatchObject({ runId: 3, lastRun: run });
    changed(session('/data/two'));
    expect(useAutotagStore.getState()).toMatchObject({ runs: [], runId: null, lastRun: null, ghosts: null });
    withRun();
    changed({ session: null });
    expect(useAutotagStore.getState()).toMatchObject({ runs: [], runId: null, lastRun: null, ghosts: null });
  });
});
