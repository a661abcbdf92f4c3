import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { setCaptionForm, updateCaptionForm, useCaptionerStore } from '../../stores/captioner-store';
import { type CaptionForm, unknownPlaceholders, withPreset } from './captioner-form';

interface NumberProps {
  label: string;
  testId: string;
  value: string;
  placeholder: string;
  title: string;
  onChange(value: string): void;
}

function NumberField({ label, testId, value, placeholder, title, onChange }: NumberProps) {
  return (
    <label className="field" title={title}>
      <span>{label}</span>
      <input type="text" inputMode="decimal" data-testid={testId} placeholder={placeholder} value={value} spellCheck={false} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/**
 * What each image is sent with: a preset per use or a template of one's own
 * ({tags}, {name}, {folder}, {trigger} filled per image), the system prompt,
 * sampling, "start the caption with", the clean-up rules applied to every
 * answer, and how images and requests go out.
 */
export function PromptSection() {
  const { form, prompts } = useCaptionerStore(useShallow((s) => ({ form: s.form, prompts: s.prompts })));
  const template = useRef<HTMLTextAreaElement>(null);
  const change = (patch: Partial<CaptionForm>) => updateCaptionForm(patch);
  const presets = prompts?.presets ?? [];
  const preset = presets.find((p) => p.id === form.presetId);
  const edited = preset !== undefined && (preset.prompt !== form.prompt || preset.system !== form.system);
  const unknown = unknownPlaceholders(form.prompt, prompts?.placeholders ?? []);

  /** a placeholder goes where the cursor is, not at the end */
  const insert = (placeholder: string) => {
    const box = template.current;
    const at = box ? box.selectionStart : form.prompt.length;
    const end = box ? box.selectionEnd : at;
    change({ prompt: form.prompt.slice(0, at) + placeholder + form.prompt.slice(end) });
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(at + placeholder.length, at + placeholder.length);
    });
  };

  return (
    <fieldset className="captioner-section" data-testid="captioner-prompt">
      <legend>Prompt</legend>
      <div className="captioner-row">
        <select
          className="captioner-grow"
          data-testid="captioner-preset"
          aria-label="Prompt preset"
          value={form.presetId}
          onChange={(e) => {
            const chosen = presets.find((p) => p.id === e.target.value);
            if (chosen) setCaptionForm(withPreset(form, chosen));
          }}
        >
          {form.presetId === '' && <option value="">Your own prompt</option>}
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
              {p.id === form.presetId && edited ? ' (edited)' : ''}
            </option>
          ))}
        </select>
        {edited && (
          <button type="button" className="link-button" data-testid="captioner-preset-reset" onClick={() => setCaptionForm(withPreset(form, preset))}>
            Reset
          </button>
        )}
      </div>
      <textarea
        ref={template}
        className="captioner-template"
        data-testid="captioner-template"
        aria-label="Prompt template"
        rows={4}
        value={form.prompt}
        spellCheck={false}
        onChange={(e) => change({ prompt: e.target.value })}
      />
      <div className="captioner-placeholders">
        <span className="muted">Insert:</span>
        {(prompts?.placeholders ?? []).map((p) => (
          <button key={p} type="button" className="captioner-chip" title={`Filled per image with its ${p.replace(/[{}]/g, '')}`} onClick={() => insert(p)}>
            {p}
          </button>
        ))}
      </div>
      {unknown.length > 0 && (
        <p className="merge-note" data-testid="captioner-unknown-placeholder">
          {unknown.join(', ')} {unknown.length === 1 ? 'is' : 'are'} not filled in: the model would see {unknown.length === 1 ? 'it' : 'them'} as written
        </p>
      )}
      <details className="captioner-details">
        <summary>System prompt{form.system.trim() === '' ? ' (none)' : ''}</summary>
        <textarea className="captioner-template" data-testid="captioner-system" aria-label="System prompt" rows={3} value={form.system} onChange={(e) => change({ system: e.target.value })} />
      </details>
      <label className="field">
        <span>Start the caption with</span>
        <input
          type="text"
          data-testid="captioner-start-with"
          placeholder="e.g. a photo of ohwx woman,"
          value={form.startWith}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => change({ startWith: e.target.value })}
        />
      </label>
      <div className="captioner-numbers">
        <NumberField label="Temperature" testId="captioner-temperature" placeholder="server’s" title="0 to 2; empty leaves the server’s default" value={form.temperature} onChange={(temperature) => change({ temperature })} />
        <NumberField label="Top-p" testId="captioner-top-p" placeholder="server’s" title="0 to 1; empty leaves the server’s default" value={form.topP} onChange={(topP) => change({ topP })} />
        <NumberField label="Max tokens" testId="captioner-max-tokens" placeholder="server’s" title="The longest answer asked for" value={form.maxTokens} onChange={(maxTokens) => change({ maxTokens })} />
        <NumberField label="Longest side (px)" testId="captioner-max-side" placeholder="1024" title="Each image is sent as a JPEG no larger than this" value={form.maxSide} onChange={(maxSide) => change({ maxSide })} />
        <NumberField label="Requests at once" testId="captioner-concurrency" placeholder="2" title="Per backend; ticked backends each take this many" value={form.concurrency} onChange={(concurrency) => change({ concurrency })} />
        <NumberField label="Timeout (s)" testId="captioner-timeout" placeholder="120" title="Per request; a request that takes longer fails and is listed" value={form.timeoutSeconds} onChange={(timeoutSeconds) => change({ timeoutSeconds })} />
      </div>
      <details className="captioner-details">
        <summary>Structured answer (JSON schema){form.jsonSchema.trim() === '' ? ': off' : ''}</summary>
        <textarea
          className="captioner-template"
          data-testid="captioner-json-schema"
          aria-label="JSON schema the answer must match"
          rows={4}
          placeholder={'{"type": "object", "properties": {"caption": {"type": "string"}}, "required": ["caption"]}'}
          value={form.jsonSchema}
          spellCheck={false}
          onChange={(e) => change({ jsonSchema: e.target.value })}
        />
        <p className="muted captioner-keys">The caption is the answer’s “caption” field, or its first text.</p>
      </details>
      <div className="captioner-cleanup" data-testid="captioner-cleanup" data-on={form.strip}>
        <label className="check">
          <input type="checkbox" data-testid="captioner-strip" checked={form.strip} onChange={(e) => change({ strip: e.target.checked })} />
          Clean up each answer
        </label>
        <ul className={form.strip ? 'captioner-rules' : 'captioner-rules captioner-rules-off'}>
          {(prompts?.cleanupRules ?? []).map((rule) => (
            <li key={rule.id} data-testid="captioner-rule">
              <span aria-hidden="true">{form.strip ? '✓' : '–'}</span> {rule.description}
            </li>
          ))}
        </ul>
      </div>
    </fieldset>
  );
}
