import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** the two side columns of the tagging screen, beside the image */
export type SidePanel = 'editor' | 'tags';

export const PANEL_MIN = 200;
export const PANEL_MAX = 720;
const DEFAULT_WIDTH: Record<SidePanel, number> = { editor: 340, tags: 260 };

interface PanelLayout {
  width: Record<SidePanel, number>;
  collapsed: Record<SidePanel, boolean>;
}

/**
 * Widths and collapsed columns, remembered in localStorage so a layout made
 * for one screen comes back the next time; nothing a dataset depends on.
 */
export const usePanelLayout = create<PanelLayout>()(
  persist((): PanelLayout => ({ width: { ...DEFAULT_WIDTH }, collapsed: { editor: false, tags: false } }), {
    name: 'lora-tagger.panel-layout',
    version: 1,
  }),
);

const clampWidth = (px: number) => Math.round(Math.min(PANEL_MAX, Math.max(PANEL_MIN, px)));

export const setPanelWidth = (panel: SidePanel, px: number) =>
  usePanelLayout.setState((s) => ({ width: { ...s.width, [panel]: clampWidth(px) } }));

export const togglePanel = (panel: SidePanel) =>
  usePanelLayout.setState((s) => ({ collapsed: { ...s.collapsed, [panel]: !s.collapsed[panel] } }));

/** unfold a column: a key or button that asks for a panel in it must not land in a folded one */
export const showPanel = (panel: SidePanel) =>
  usePanelLayout.setState((s) => (s.collapsed[panel] ? { collapsed: { ...s.collapsed, [panel]: false } } : s));
