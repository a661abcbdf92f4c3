import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { changeSettings } from '../../actions/dataset-settings';
import { useSessionStore } from '../../stores/session-store';
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

/**
 * A setting shown as the user just set it while main stores it: a controlled
 * checkbox would otherwise snap back until the answer arrives. A refusal
 * (toasted by changeSettings) shows the stored value again.
 */
function usePendingSetting<T>(stored: T): [T, (value: T, save: () => Promise<boolean>) => void] {
  const [pending, setPending] = useState<{ value: T } | null>(null);
  const change = (value: T, save: () => Promise<boolean>) => {
    setPending({ value });
    void save().finally(() => setPending(null));
  };
  return [pending ? pending.value : stored, change];
}

/** The per-dataset settings, in a popover off the toolbar: they change rarely. */
function DatasetSettingsPopover() {
  const { triggerWord, captionMode, underscores } = useSessionStore(
    useShallow((s) => ({
      triggerWord: s.session?.triggerWord ?? null,
      captionMode: s.session?.captionMode ?? 'tags',
      underscores: s.session?.underscoresToSpaces ?? false,
    })),
  );
  const [mode, setMode] = usePendingSetting(captionMode);
  const [spaces, setSpaces] = usePendingSetting(underscores);
  return (
    <div
      className="settings-popover"
      role="dialog"
      aria-label="Dataset settings"
      data-testid="dataset-settings"
    >
      <TriggerWordField current={triggerWord} />
      <label className="field">
        <span>Captions are</span>
        <select
          data-testid="caption-mode-switch"
          value={mode}
          onChange={(e) => {
            const captionMode = e.target.value === 'text' ? 'text' : 'tags';
            setMode(captionMode, () => changeSettings({ captionMode }));
          }}
        >
          <option value="tags">Tags (a comma list)</option>
          <option value="text">Text (natural language)</option>
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="underscores-setting"
          checked={spaces}
          onChange={(e) => {
            const underscoresToSpaces = e.target.checked;
            setSpaces(underscoresToSpaces, () => changeSettings({ underscoresToSpaces }));
          }}
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
  // a click anywhere else, or Escape wherever focus is, closes it, like a menu
  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Escape in the popover's own field closes the popover, not just the field
      event.preventDefault();
      setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    // capture: before the window-wide shortcuts see the Escape
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey, true);
    };
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
      {open && <DatasetSettingsPopover />}
    </div>
  );
}
