import { type DragEvent, useState } from 'react';
import { openFolder } from '../actions/open-folder';
import { api } from '../transport/api';

/**
 * Drop a folder to open it. Only the desktop bridge can turn a dropped File
 * into a path; a browser never reveals one, so there we say so instead.
 */
export function DropZone() {
  const [over, setOver] = useState(false);
  const [note, setNote] = useState<string | null>(null);

  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    // handled here: the window-wide guard (use-drop-guard.ts) must not open it a second time
    event.stopPropagation();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (!file) return;
    if (!api.pathForFile) {
      setNote('Dropping a folder needs the desktop app. Use the button above to open the served folder.');
      return;
    }
    const path = api.pathForFile(file);
    if (path) void openFolder(path);
    else setNote('That did not come with a path on disk. Drop a folder from your file manager.');
  };

  return (
    <div
      className={over ? 'drop-zone drop-zone-over' : 'drop-zone'}
      data-testid="drop-zone"
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <span className="drop-zone-title">Drop a folder here</span>
      {note && (
        <span className="drop-zone-note" data-testid="drop-note" role="status">
          {note}
        </span>
      )}
    </div>
  );
}
