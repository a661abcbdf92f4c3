import { useEffect } from 'react';
import { openFolder } from '../actions/open-folder';
import { api } from '../transport/api';

/**
 * A file dropped anywhere on the window would make a browser navigate to it,
 * leaving the app. Stop that everywhere; on the desktop, where a drop has a
 * path, a folder dropped on any screen opens like one dropped on the welcome zone.
 */
export function useDropGuard(): void {
  useEffect(() => {
    const onDragOver = (event: DragEvent) => event.preventDefault();
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      const path = file && api.pathForFile ? api.pathForFile(file) : '';
      if (path) void openFolder(path);
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
