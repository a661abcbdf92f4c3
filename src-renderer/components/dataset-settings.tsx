import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { changeSettings } from '../actions/dataset-settings';
import { useSessionStore } from '../stores/session-store';
import { VocabLists } from './vocab-lists';

/** The trigger word: kept first in every caption by main; empty means none. */
function TriggerWordField({ current }: { current: string | null }) {
  const [text, setText] = useState(current ?? '');
  useEffect(() => setText(current ?? ''), [current]);
  const value = text.trim();
  const changed = value !== (current ?? '');
  return (
    <form
      className="settings-row"
      onSubmit={(e) => {
        e.preventDefault();
        if (changed) void changeSettings({ triggerWord: value === '' ? null : value });
      }}
    >
      <label className="field">
        <span>Trigger word</span>
        <input
          type="text"
          data-testid="trigger-word-input"
          placeholder="None (e.g. ohwx person)"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="submit" data-testid="trigger-word-save" disabled={!changed}>
        Set
      </button>
    </form>
  );
}

/** The per-dataset settings, in a popover off the toolbar: they change rarely. */
function DatasetSettingsPopover({ onClose }: { onClose(): void }) {
  const { triggerWord, captionMode, underscores } = useSessionStore(
    useShallow((s) => ({
      triggerWord: s.session?.triggerWord ?? null,
      captionMode: s.session?.captionMode ?? 'tags',
      underscores: s.session?.underscoresToSpaces ?? false,
    })),
  );
  return (
    <div
      className="settings-popover"
      role="dialog"
      aria-label="Dataset settings"
      data-testid="dataset-settings"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <TriggerWordField current={triggerWord} />
      <label className="field">
        <span>Captions are</span>
        <select
          data-testid="caption-mode-switch"
          value={captionMode}
          onChange={(e) => void changeSettings({ captionMode: e.target.value === 'text' ? 'text' : 'tags' })}
        >
          <option value="tags">Tags (a comma list)</option>
          <option value="text">Text (natural language)</option>
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="underscores-setting"
          checked={underscores}
          onChange={(e) => void changeSettings({ underscoresToSpaces: e.target.checked })}
        />
        Insert list tags with spaces instead of underscores
      </label>
      <VocabLists />
    </div>
  );
}

export function DatasetSettingsButton() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  // a click anywhere else closes it, like a menu
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);
  return (
    <div className="settings-anchor" ref={ref}>
      <button
        type="button"
        data-testid="dataset-settings-button"
        aria-expanded={open}
        title="Trigger word, caption mode, tag lists"
        onClick={() => setOpen((o) => !o)}
      >
        ⚙ Dataset
      </button>
      {open && <DatasetSettingsPopover onClose={() => setOpen(false)} />}
    </div>
  );
}
