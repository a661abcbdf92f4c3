import { useRef } from 'react';
import { PANEL_MAX, PANEL_MIN, type SidePanel, setPanelWidth, togglePanel, usePanelLayout } from '../stores/panel-layout-store';

const NAMES: Record<SidePanel, string> = { editor: 'the caption editor', tags: 'the tag list' };
/** arrow keys on a focused splitter move it this far */
const KEY_STEP = 24;

/**
 * The bar left of a side column: drag it (or focus it and press ← →) to
 * resize the column; its button hides the column or brings it back. The
 * column is on the bar's right, so moving the bar left widens it.
 */
export function PanelSplitter({ panel }: { panel: SidePanel }) {
  const width = usePanelLayout((s) => s.width[panel]);
  const collapsed = usePanelLayout((s) => s.collapsed[panel]);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const name = NAMES[panel];
  return (
    <div
      className="panel-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${name}`}
      aria-valuemin={PANEL_MIN}
      aria-valuemax={PANEL_MAX}
      aria-valuenow={collapsed ? 0 : width}
      tabIndex={0}
      data-testid={`splitter-${panel}`}
      title={`Drag to resize ${name}; double-click to ${collapsed ? 'show' : 'hide'} it`}
      onPointerDown={(e) => {
        if (collapsed || e.button !== 0 || e.target !== e.currentTarget) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, width };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (d) setPanelWidth(panel, d.width - (e.clientX - d.x));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
      onDoubleClick={(e) => {
        if (e.target === e.currentTarget) togglePanel(panel);
      }}
      onKeyDown={(e) => {
        if (collapsed) return;
        if (e.key === 'ArrowLeft') setPanelWidth(panel, width + KEY_STEP);
        else if (e.key === 'ArrowRight') setPanelWidth(panel, width - KEY_STEP);
        else return;
        // the arrows here resize; they must not also move to another image
        e.preventDefault();
        e.stopPropagation();
      }}
    >
      <button
        type="button"
        className="panel-collapse"
        aria-label={`${collapsed ? 'Show' : 'Hide'} ${name}`}
        aria-expanded={!collapsed}
        title={`${collapsed ? 'Show' : 'Hide'} ${name}`}
        onClick={() => togglePanel(panel)}
      >
        {collapsed ? '‹' : '›'}
      </button>
    </div>
  );
}
