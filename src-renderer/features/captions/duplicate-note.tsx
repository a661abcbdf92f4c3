import { useCaptionStore } from '../../stores/caption-store';
import { useShallow } from 'zustand/react/shallow';

const quoted = (tags: readonly string[]) => tags.map((t) => `“${t}”`).join(', ');

/** Why the typed tag did not appear: it is already there. The field is emptied, so no list opens over this. */
export function DuplicateNote() {
  const duplicates = useCaptionStore(useShallow((s) => s.duplicates));
  if (duplicates.length === 0) return null;
  return (
    <p className="duplicate-note" data-testid="duplicate-note" role="status">
      {quoted(duplicates)} {duplicates.length === 1 ? 'is' : 'are'} already on this image
    </p>
  );
}
