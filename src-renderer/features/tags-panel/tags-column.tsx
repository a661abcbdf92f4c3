import { useState } from 'react';
import { useSessionStore } from '../../stores/session-store';
import { CaptionWordsPanel } from './caption-words-panel';
import { TagsPanel } from './tags-panel';

/**
 * The right-hand column. Comma-list captions get the tag list; captions
 * written as sentences would list hundreds of one-off fragments there, so a
 * text-mode dataset shows its frequent words instead, with the fragments a
 * click away.
 */
export function TagsColumn({ imageId, tags }: { imageId: number | null; tags: readonly string[] }) {
  const textMode = useSessionStore((s) => s.session?.captionMode === 'text');
  const [fragments, setFragments] = useState(false);
  const words = textMode && !fragments;
  return (
    <div className="tags-column" data-view={words ? 'words' : 'tags'}>
      {words ? (
        <CaptionWordsPanel onShowFragments={() => setFragments(true)} />
      ) : (
        <>
          {textMode && (
            <button type="button" className="link-button tags-column-switch" data-testid="show-words" onClick={() => setFragments(false)}>
              ← Frequent words
            </button>
          )}
          <TagsPanel imageId={imageId} tags={tags} />
        </>
      )}
    </div>
  );
}
