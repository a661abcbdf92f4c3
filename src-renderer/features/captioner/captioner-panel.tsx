import '../../styles/forms.css';
import '../batch/batch.css';
import './captioner.css';
import { useEffect, useState } from 'react';
import { loadBackends, loadCaptionRuns, loadPrompts, runCaptions } from '../../actions/captioner';
import { useCaptionerStore } from '../../stores/captioner-store';
import { BackendSection } from './backend-section';
import { buildRunRequest } from './captioner-form';
import { ModelField } from './model-field';
import { PromptSection } from './prompt-section';
import { ReviewSection } from './review-section';
import { RunSection } from './run-section';

type View = 'run' | 'review';

/**
 * Captions written by vision-language models: set up a backend and a prompt,
 * run over the chosen images, then review each suggestion against the caption
 * it would replace. Nothing reaches a caption file until a person accepts it.
 */
export function CaptionerPanel({ active }: { active: boolean }) {
  const [view, setView] = useState<View>('run');
  const pending = useCaptionerStore((s) => s.runs.find((r) => r.id === s.reviewRunId)?.pending ?? 0);
  const loaded = useCaptionerStore((s) => s.backends !== null);

  // asked when first shown, not at start-up: a user who never captions never reaches the servers' list
  useEffect(() => {
    if (!active || loaded) return;
    void loadBackends();
    void loadPrompts();
    void loadCaptionRuns();
  }, [active, loaded]);

  /** the current settings over only the images rejected in that run */
  const runAgain = (runId: number) => {
    const s = useCaptionerStore.getState();
    const built = buildRunRequest(s.form, {
      target: { kind: 'all' },
      targetProblem: null,
      backendIds: s.backendIds,
      model: s.model,
      presets: s.prompts?.presets ?? [],
      onlyRejectedOf: runId,
    });
    if (!built.request) {
      setView('run');
      return;
    }
    setView('run');
    void runCaptions(built.request).then((run) => run && run.captioned > 0 && setView('review'));
  };

  return (
    <section className="batch-panel captioner-panel" aria-label="AI captions" data-testid="captioner-panel">
      <ViewSwitch view={view} pending={pending} onChange={setView} />
      <div hidden={view !== 'run'} className="captioner-view">
        <BackendSection />
        <ModelField />
        <PromptSection />
        <RunSection onReview={() => setView('review')} />
      </div>
      {view === 'review' && <ReviewSection onRunAgain={runAgain} />}
    </section>
  );
}

function ViewSwitch({ view, pending, onChange }: { view: View; pending: number; onChange(view: View): void }) {
  const running = useCaptionerStore((s) => s.running);
  const views: ReadonlyArray<{ value: View; label: string }> = [
    { value: 'run', label: running ? 'Set up · running…' : 'Set up and run' },
    { value: 'review', label: pending > 0 ? `Review · ${pending.toLocaleString('en-US')}` : 'Review' },
  ];
  return (
    <div className="segmented captioner-views" role="tablist" aria-label="Captions">
      {views.map((v) => (
        <label key={v.value} className={view === v.value ? 'segment segment-on' : 'segment'}>
          <input type="radio" name="captioner-view" data-testid={`captioner-view-${v.value}`} checked={view === v.value} onChange={() => onChange(v.value)} />
          {v.label}
        </label>
      ))}
    </div>
  );
}
