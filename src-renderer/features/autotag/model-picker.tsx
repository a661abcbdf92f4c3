import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { addModelFolder, downloadModel, pickModelFolder } from '../../actions/autotag';
import { chooseModel, useAutotagStore } from '../../stores/autotag-store';
import { useJobsStore } from '../../stores/jobs-store';
import { useSessionStore } from '../../stores/session-store';
import { JobProgress } from './job-progress';

const STATE_TEXT = { installed: 'Installed', partial: 'Download cut short', absent: 'Not downloaded' } as const;

/**
 * Which model scores the images: one installed (downloaded or a picked
 * folder), chosen by a radio; the known WD models with their size and state,
 * each with a Download (a cut download resumes); and a folder of the user's,
 * picked in the system dialog on the desktop or typed over `serve`.
 */
export function ModelPicker() {
  const { models, error, modelId } = useAutotagStore(useShallow((s) => ({ models: s.models, error: s.modelsError, modelId: s.modelId })));
  const canPick = useSessionStore((s) => s.appInfo?.canPickFolder ?? false);
  const downloading = useJobsStore((s) => Object.values(s.running).some((j) => j.kind === 'model-download'));
  const [path, setPath] = useState('');

  if (error) {
    return (
      <p className="field-problem" data-testid="autotag-models-error" role="alert">
        Could not list the models: {error}
      </p>
    );
  }
  if (!models) return <p className="muted">Looking for models…</p>;

  const useTyped = async () => {
    if (path.trim() === '') return;
    if (await addModelFolder(path.trim())) setPath('');
  };

  return (
    <div className="autotag-models" data-testid="autotag-models">
      <fieldset className="autotag-installed">
        <legend>Model</legend>
        {models.installed.length === 0 && <p className="muted">No model yet: download one below, or use a folder that holds model.onnx and selected_tags.csv.</p>}
        {models.installed.map((m) => (
          <label key={m.id} className="check autotag-model" title={m.path}>
            <input
              type="radio"
              name="autotag-model"
              data-testid="autotag-model"
              data-model-id={m.id}
              checked={modelId === m.id}
              onChange={() => chooseModel(m.id)}
            />
            <span className="autotag-model-label">{m.label}</span>
            <span className="muted">{m.source === 'download' ? 'downloaded' : 'folder'}</span>
          </label>
        ))}
      </fieldset>
      <div className="autotag-folder">
        <input
          type="text"
          data-testid="autotag-folder-path"
          placeholder="A model folder: model.onnx + selected_tags.csv"
          aria-label="Model folder path"
          spellCheck={false}
          autoComplete="off"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void useTyped();
            }
          }}
        />
        <button type="button" data-testid="autotag-folder-use" disabled={path.trim() === ''} onClick={() => void useTyped()}>
          Use folder
        </button>
        {canPick && (
          <button type="button" data-testid="autotag-folder-pick" onClick={() => void pickModelFolder()}>
            Use a folder…
          </button>
        )}
      </div>
      <details className="autotag-known">
        <summary>Models to download ({models.known.filter((k) => k.state === 'installed').length} of {models.known.length} installed)</summary>
        <ul>
          {models.known.map((k) => (
            <li key={k.repo} className="autotag-known-row" data-testid="autotag-known" data-repo={k.repo} data-state={k.state}>
              <span className="autotag-model-label" title={k.repo}>
                {k.label}
              </span>
              <span className="muted">{k.approxSize ?? ''}</span>
              {k.state === 'installed' ? (
                <span className="autotag-known-state">{STATE_TEXT.installed}</span>
              ) : (
                <button type="button" data-testid="autotag-download" disabled={downloading} title={STATE_TEXT[k.state]} onClick={() => void downloadModel(k.repo)}>
                  {k.state === 'partial' ? 'Resume' : 'Download'}
                </button>
              )}
            </li>
          ))}
        </ul>
        <p className="muted autotag-models-dir">Downloads go to {models.modelsDir}</p>
      </details>
      <JobProgress kind="model-download" testId="autotag-download-progress" />
    </div>
  );
}
