import { useShallow } from 'zustand/react/shallow';
import { redo, undo } from '../../actions/history';
import { useHistoryStore } from '../../stores/history-store';
import { BatchProgress } from '../batch/batch-progress';

/** Undo and redo with what they would do, as main labels it: "Undo: Add 2 tags to 37 images". */
export function HistoryButtons() {
  const h = useHistoryStore(
    useShallow((s) => ({ canUndo: s.canUndo, canRedo: s.canRedo, undoLabel: s.undoLabel, redoLabel: s.redoLabel, busy: s.busy })),
  );
  const undoTitle = h.canUndo && h.undoLabel ? `Undo: ${h.undoLabel} (Ctrl Z)` : 'Nothing to undo';
  const redoTitle = h.canRedo && h.redoLabel ? `Redo: ${h.redoLabel} (Ctrl Shift Z)` : 'Nothing to redo';
  return (
    <div className="history-buttons" role="group" aria-label="History">
      <button type="button" data-testid="undo-button" title={undoTitle} aria-label={undoTitle} disabled={!h.canUndo || h.busy} onClick={undo}>
        ↶ Undo
      </button>
      <button type="button" data-testid="redo-button" title={redoTitle} aria-label={redoTitle} disabled={!h.canRedo || h.busy} onClick={redo}>
        ↷ Redo
      </button>
      <span className="history-label" data-testid="undo-label" title={undoTitle}>
        {h.canUndo && h.undoLabel ? h.undoLabel : ''}
      </span>
      {/* an undo over thousands of images takes a while: say how far it is */}
      <BatchProgress kind="history" />
    </div>
  );
}
