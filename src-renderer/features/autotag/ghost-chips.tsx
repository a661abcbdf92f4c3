import './ghost-chips.css';
import type { KeyboardEvent } from 'react';
import { acceptSuggestion, rejectSuggestion } from '../../actions/autotag';
import { ghostsOf, useAutotagStore } from '../../stores/autotag-store';
import { modelName, scoreText } from './autotag-text';

/**
 * The model's suggestions for this image, drawn after its tags as dashed
 * chips with the model's confidence (`blue_sky 0.72`). A click, or Enter on a
 * focused one, adds the tag (Tab in the empty tag input adds the first); its
 * × turns it down, and it is not suggested for this image again.
 */
export function GhostChips({ imageId }: { imageId: number }) {
  const suggestions = useAutotagStore((s) => ghostsOf(s, imageId));
  const modelId = useAutotagStore((s) => (s.ghosts?.imageId === imageId ? s.ghosts.modelId : null));
  if (suggestions.length === 0) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, tag: string) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      void acceptSuggestion(imageId, tag);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      void rejectSuggestion(imageId, tag);
    }
  };

  return (
    <div className="ghost-chips-box">
      <p className="ghost-chips-head">Suggested by {modelName(modelId)}: click or Tab to add, × to turn down</p>
      <ul className="ghost-chips" data-testid="ghost-chips" aria-label="Suggested tags">
        {suggestions.map((s) => (
          <li
            key={s.tag}
            className="ghost-chip"
            data-testid="ghost-chip"
            data-tag={s.tag}
            data-score={s.score}
            tabIndex={0}
            role="button"
            title={`${s.category} tag, score ${scoreText(s.score)}: click to add`}
            onClick={() => void acceptSuggestion(imageId, s.tag)}
            onKeyDown={(e) => onKeyDown(e, s.tag)}
          >
            <span className="ghost-chip-text">{s.tag}</span>
            <span className="ghost-chip-score">{scoreText(s.score)}</span>
            <button
              type="button"
              className="ghost-chip-reject"
              data-testid="ghost-chip-reject"
              aria-label={`Turn down ${s.tag}`}
              title="Turn down: not suggested for this image again"
              tabIndex={-1}
              onClick={(e) => {
                e.stopPropagation();
                void rejectSuggestion(imageId, s.tag);
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
