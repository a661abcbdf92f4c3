import { type FormEvent, useState } from 'react';
import { saveBackend } from '../../actions/captioner';
import { api } from '../../transport/api';
import { addressProblem } from './captioner-text';
import type { BackendPreset, CaptionBackend } from '../../stores/captioner-store';

type Kind = CaptionBackend['kind'];

const KINDS: ReadonlyArray<{ value: Kind; label: string }> = [
  { value: 'openai', label: 'OpenAI-compatible' },
  { value: 'ollama', label: 'Ollama API' },
];

interface BackendFormProps {
  presets: readonly BackendPreset[];
  /** a backend to change; absent adds a new one */
  editing?: CaptionBackend;
  onDone(): void;
}

/**
 * Add a backend from a preset (Ollama, LM Studio, llama.cpp, vLLM) or a URL of
 * one's own, or change one. The API key field is write-only: a saved key is
 * never shown or sent back, only said to be there; typing replaces it, and
 * "forget" removes it.
 */
export function BackendForm({ presets, editing, onDone }: BackendFormProps) {
  const [presetId, setPresetId] = useState<string>(editing ? '' : (presets[0]?.id ?? ''));
  const first = presets.find((p) => p.id === presetId);
  const [name, setName] = useState(editing?.name ?? first?.label ?? '');
  const [kind, setKind] = useState<Kind>(editing?.kind ?? first?.kind ?? 'openai');
  const [baseUrl, setBaseUrl] = useState(editing?.baseUrl ?? first?.baseUrl ?? '');
  const [apiKey, setApiKey] = useState('');
  const [forgetKey, setForgetKey] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const wantsKey = presets.find((p) => p.id === presetId)?.wantsKey ?? false;

  const choosePreset = (id: string) => {
    const preset = presets.find((p) => p.id === id);
    setPresetId(id);
    if (!preset) return;
    setName(preset.label);
    setKind(preset.kind);
    setBaseUrl(preset.baseUrl);
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return setProblem('Give the backend a name');
    const badAddress = addressProblem(baseUrl);
    if (badAddress) return setProblem(badAddress);
    setSaving(true);
    const key = apiKey.trim() !== '' ? { apiKey: apiKey.trim() } : forgetKey ? { apiKey: null } : {};
    const result = await saveBackend({ ...(editing ? { id: editing.id } : {}), name: name.trim(), kind, baseUrl: baseUrl.trim(), ...key });
    setSaving(false);
    // the key leaves this form either way: it is in main now, or the user types it again
    setApiKey('');
    if (!result.ok) return setProblem(result.error.message);
    onDone();
  };

  return (
    <form className="captioner-backend-form" data-testid="captioner-backend-form" onSubmit={(e) => void submit(e)}>
      {!editing && (
        <label className="field">
          <span>Server</span>
          <select data-testid="captioner-backend-preset" value={presetId} onChange={(e) => choosePreset(e.target.value)}>
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="captioner-row">
        <label className="field captioner-grow">
          <span>Name</span>
          <input type="text" data-testid="captioner-backend-name" value={name} spellCheck={false} autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>Speaks</span>
          <select data-testid="captioner-backend-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span>Address</span>
        <input
          type="url"
          data-testid="captioner-backend-url"
          placeholder={kind === 'ollama' ? 'http://127.0.0.1:11434' : 'http://127.0.0.1:1234/v1'}
          value={baseUrl}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setBaseUrl(e.target.value)}
        />
      </label>
      <label className="field">
        <span>API key{wantsKey ? '' : ' (local servers seldom want one)'}</span>
        <input
          type="password"
          data-testid="captioner-backend-key"
          placeholder={editing?.hasKey ? 'Key saved: type to replace it' : 'None'}
          value={apiKey}
          autoComplete="new-password"
          spellCheck={false}
          onChange={(e) => setApiKey(e.target.value)}
        />
      </label>
      <p className="muted captioner-keys" data-testid="captioner-key-note">
        {api.transport === 'electron'
          ? 'The key is stored encrypted by the system and never shown again.'
          : 'Over serve the key stays in the server’s memory until it stops (started with --keep-api-keys, on its disk); it is never shown again.'}
      </p>
      {editing?.hasKey && (
        <label className="check">
          <input type="checkbox" data-testid="captioner-backend-forget-key" checked={forgetKey} disabled={apiKey !== ''} onChange={(e) => setForgetKey(e.target.checked)} />
          Forget the saved key
        </label>
      )}
      {problem && (
        <p className="field-problem" role="alert" data-testid="captioner-backend-problem">
          {problem}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" data-testid="captioner-backend-save" disabled={saving}>
          {saving ? 'Saving…' : editing ? 'Save' : 'Add backend'}
        </button>
      </div>
    </form>
  );
}
