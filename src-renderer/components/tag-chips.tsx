import { removeTagFrom } from '../actions/caption-edits';

/** The current image's tags, in caption order; × removes one. */
export function TagChips({ imageId, tags }: { imageId: number; tags: readonly string[] }) {
  if (tags.length === 0) {
    return (
      <p className="tag-chips-empty" data-testid="tag-chips-empty">
        No tags yet.
      </p>
    );
  }
  return (
    <ul className="tag-chips" data-testid="tag-chips" aria-label="Tags of this image">
      {tags.map((tag) => (
        <li key={tag} className="chip" data-testid="tag-chip" data-tag={tag}>
          <span className="chip-text">{tag}</span>
          <button
            type="button"
            className="chip-remove"
            data-testid="tag-chip-remove"
            aria-label={`Remove ${tag}`}
            title="Remove"
            onClick={() => void removeTagFrom(imageId, tag)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
