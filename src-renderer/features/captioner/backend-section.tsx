import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { removeBackend, testBackend } from '../../actions/captioner';
import { type CaptionBackend, toggleBackend, useCaptionerStore } from '../../stores/captioner-store';
import { BackendForm } from './backend-form';

const KIND_TEXT = { openai: 'OpenAI-compatible', ollama: 'Ollama' } as const;

function BackendRow({ backend, onEdit }: { backend: CaptionBackend; onEdit(): void }) {
  const { ticked, check } = useCaptionerStore(
    useShallow((s) => ({ ticked: s.backendIds.includes(backend.id), check: s.checks[backend.id] ?? null })),
  );
  return (
    <li className="captioner-backend" data-testid="captioner-backend" data-backend-id={backend.id}>
      <label className="check" title="Send images to this server; several ticked share the work">
        <input type="checkbox" data-testid="captioner-backend-use" checked={ticked} onChange={(e) => toggleBackend(backend.id, e.target.checked)} />
        <span className="captioner-backend-name">{backend.name}</span>
      </label>
      <span className="captioner-backend-buttons">
        <button type="button" className="link-button" data-testid="captioner-backend-test" onClick={() => void testBackend(backend.id)}>
          Test
        </button>
        <button type="button" className="link-button" data-testid="captioner-backend-edit" onClick={onEdit}>
          Edit
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove ${backend.name}`}
          title="Remove this backend (and its saved key)"
          data-testid="captioner-backend-remove"
          onClick={() => void removeBackend(backend.id)}
        >
          ×
        </button>
      </span>
      <span className="captioner-backend-url muted">
        {KIND_TEXT[backend.kind]} · {backend.baseUrl}
        {backend.hasKey && (
          <span className="captioner-key-saved" data-testid="captioner-key-saved">
            {' '}
            · key saved
          </span>
        )}
      </span>
      {check && (
        <span className={check.ok ? 'captioner-check captioner-check-ok' : 'captioner-check field-problem'} data-testid="captioner-backend-check" data-ok={check.ok} role="status">
          {check.message}
        </span>
      )}
    </li>
  );
}

/** The servers captions come from: ticked ones take requests in turn; each can be tested, changed or removed. */
export function BackendSection() {
  const { backends, presets, error } = useCaptionerStore(useShallow((s) => ({ backends: s.backends, presets: s.presets, error: s.backendsError })));
  // 'new', a backend's id, or null when no form is open
  const [editing, setEditing] = useState<string | null>(null);
  if (error) {
    return (
      <p className="field-problem" role="alert" data-testid="captioner-backends-error">
        Could not list the backends: {error}
      </p>
    );
  }
  if (!backends) return <p className="muted">Loading backends…</p>;
  const adding = editing === 'new' || (backends.length === 0 && editing === null);
  return (
    <fieldset className="captioner-section" data-testid="captioner-backends">
      <legend>Backends</legend>
      {backends.length === 0 && <p className="muted">No backend yet. A server on this machine (Ollama, LM Studio, llama.cpp, vLLM) or a hosted API that speaks the OpenAI chat API.</p>}
      <ul className="captioner-backends">
        {backends.map((b) =>
          editing === b.id ? (
            <li key={b.id}>
              <BackendForm presets={presets} editing={b} onDone={() => setEditing(null)} />
            </li>
          ) : (
            <BackendRow key={b.id} backend={b} onEdit={() => setEditing(b.id)} />
          ),
        )}
      </ul>
      {adding ? (
        <BackendForm presets={presets} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" className="captioner-add" data-testid="captioner-backend-add" onClick={() => setEditing('new')}>
          + Add a backend
        </button>
      )}
    </fieldset>
  );
}
