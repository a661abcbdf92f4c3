import { create } from 'zustand';

/**
 * The images selected for batch edits. Plain click selects one, Ctrl/Cmd+click
 * toggles, Shift+click extends from the anchor over the order currently shown.
 */
interface SelectionState {
  selected: ReadonlySet<number>;
  anchor: number | null;
}

export const useSelectionStore = create<SelectionState>()(() => ({ selected: new Set(), anchor: null }));

export interface ClickModifiers {
  shift: boolean;
  toggle: boolean;
}

/** `order` is the list as shown (filtered), so a Shift range never picks hidden images */
export function clickImage(id: number, mods: ClickModifiers, order: readonly number[]): void {
  useSelectionStore.setState((s) => {
    if (mods.shift && s.anchor !== null) {
      const a = order.indexOf(s.anchor);
      const b = order.indexOf(id);
      if (a >= 0 && b >= 0) {
        const range = order.slice(Math.min(a, b), Math.max(a, b) + 1);
        const selected = new Set(mods.toggle ? s.selected : []);
        for (const x of range) selected.add(x);
        return { selected, anchor: s.anchor };
      }
    }
    if (mods.toggle) {
      const selected = new Set(s.selected);
      if (selected.has(id)) selected.delete(id);
      else selected.add(id);
      return { selected, anchor: id };
    }
    return { selected: new Set([id]), anchor: id };
  });
}

export const selectAll = (ids: readonly number[]) => useSelectionStore.setState({ selected: new Set(ids), anchor: null });

export function invertSelection(ids: readonly number[]): void {
  useSelectionStore.setState((s) => ({ selected: new Set(ids.filter((id) => !s.selected.has(id))), anchor: null }));
}

export const clearSelection = () => useSelectionStore.setState({ selected: new Set(), anchor: null });
