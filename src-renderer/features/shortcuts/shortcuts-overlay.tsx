import { useEffect, useRef } from 'react';
import { SHORTCUT_HELP } from '../../keyboard/shortcut-map';
import { setShortcutsOpen, useUiStore } from '../../stores/ui-store';
import { ColourLegend } from './colour-legend';

/** "?" opens it, Escape (handled by the global map) or a click outside closes it. */
export function ShortcutsOverlay() {
  const open = useUiStore((s) => s.shortcutsOpen);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closeRef.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="overlay-backdrop" onClick={() => setShortcutsOpen(false)}>
      <div
        className="overlay"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-overlay"
        onClick={(e) => e.stopPropagation()}
      >
        <header className="overlay-header">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <button ref={closeRef} type="button" className="icon-button" aria-label="Close" onClick={() => setShortcutsOpen(false)}>
            ×
          </button>
        </header>
        <dl className="shortcut-list">
          {SHORTCUT_HELP.map((entry) => (
            <div key={entry.does} className="shortcut-row">
              <dt>
                {entry.keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </dt>
              <dd>{entry.does}</dd>
            </div>
          ))}
        </dl>
        <ColourLegend />
        <p className="overlay-foot">On macOS, Cmd works wherever Ctrl is listed.</p>
      </div>
    </div>
  );
}
