import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { loadModels } from '../../actions/captioner';
import { setModel, useCaptionerStore } from '../../stores/captioner-store';

/**
 * The model a run asks for: picked from what the ticked backends list, or
 * typed (a server may serve a model it does not list). In rotation every
 * backend is asked for the same model name.
 */
export function ModelField() {
  const { model, backendIds, models, errors } = useCaptionerStore(
    useShallow((s) => ({ model: s.model, backendIds: s.backendIds, models: s.models, errors: s.modelsError })),
  );
  const offered = [...new Set(backendIds.flatMap((id) => models[id] ?? []))];
  const problems = backendIds.map((id) => errors[id]).filter((e): e is string => e !== undefined);
  const [typing, setTyping] = useState(false);
  const listed = !typing && offered.length > 0 && (model === '' || offered.includes(model));
  return (
    <div className="field" data-testid="captioner-model-field">
      <span>Model</span>
      <div className="captioner-row">
        {listed ? (
          <select className="captioner-grow" data-testid="captioner-model" value={model} onChange={(e) => setModel(e.target.value)}>
            {offered.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        ) : (
          <input
            type="text"
            className="captioner-grow"
            data-testid="captioner-model"
            placeholder="e.g. qwen2.5vl:7b"
            aria-label="Model"
            spellCheck={false}
            autoComplete="off"
            value={model}
            onChange={(e) => setModel(e.target.value)}
          />
        )}
        <button
          type="button"
          data-testid="captioner-models-refresh"
          title="Ask the ticked backends for their models again"
          disabled={backendIds.length === 0}
          onClick={() => backendIds.forEach((id) => void loadModels(id))}
        >
          ↻
        </button>
        {listed && (
          <button type="button" className="link-button" title="Type a model the server does not list" onClick={() => setTyping(true)}>
            Other…
          </button>
        )}
      </div>
      {problems.map((p) => (
        <p key={p} className="field-problem" data-testid="captioner-models-error">
          Could not list the models: {p}
        </p>
      ))}
    </div>
  );
}
