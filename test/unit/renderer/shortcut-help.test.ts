import { describe, expect, it } from 'vitest';
import { type KeyPress, SHORTCUT_ACTIONS, SHORTCUT_HELP, shortcutFor } from '../../../src-renderer/keyboard/shortcut-map';
import { press } from './support/key-press';

const KEY_NAMES: Record<string, string> = { '←': 'ArrowLeft', '→': 'ArrowRight', '↑': 'ArrowUp', '↓': 'ArrowDown', Esc: 'Escape' };

/** "Ctrl Shift J" as the overlay writes it → the key press it stands for */
function pressOf(label: string, when: Partial<KeyPress> = {}): KeyPress {
  const parts = label.split(' ');
  const name = parts.pop()!;
  const shiftKey = parts.includes('Shift');
  const key = KEY_NAMES[name] ?? (name.length === 1 ? (shiftKey ? name.toUpperCase() : name.toLowerCase()) : name);
  return press(key, { ctrlKey: parts.includes('Ctrl'), shiftKey, altKey: parts.includes('Alt'), ...when });
}

describe('the shortcuts overlay', () => {
  it('lists keys that do what it says they do', () => {
    for (const entry of SHORTCUT_HELP) {
      if (!entry.action) continue;
      for (const label of entry.keys) {
        expect({ label, action: shortcutFor(pressOf(label, entry.when)) }).toEqual({ label, action: entry.action });
      }
    }
  });

  it('lists every action the keyboard map has', () => {
    const listed = new Set(SHORTCUT_HELP.map((entry) => entry.action));
    expect(SHORTCUT_ACTIONS.filter((action) => !listed.has(action))).toEqual([]);
  });

  it('lists the tagging loop: Home, End, Ctrl J, Ctrl Shift J, Ctrl K', () => {
    const keys = SHORTCUT_HELP.flatMap((entry) => entry.keys);
    for (const key of ['Home', 'End', 'Ctrl J', 'Ctrl Shift J', 'Ctrl K']) expect(keys).toContain(key);
  });
});
