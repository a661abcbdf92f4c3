import { previewText, samplesShownText } from './batch-text';
import type { PreviewState } from './use-batch-preview';

const SAMPLES = 4;

/** A list of tags as one line, with what changed marked: the reader compares two lines, not two lists. */
function TagLine({ tags, other, tone }: { tags: readonly string[]; other: ReadonlySet<string>; tone: 'gone' | 'new' }) {
  if (tags.length === 0) return <span className="muted">(no tags)</span>;
  return (
    <>
      {tags.map((tag, i) => (
        <span key={`${i}:${tag}`} className={other.has(tag) ? 'sample-tag' : `sample-tag sample-tag-${tone}`}>
          {tag}
          {i < tags.length - 1 ? ', ' : ''}
        </span>
      ))}
    </>
  );
}

/** "37 images will change", with the first few images as before → after. */
export function BatchPreviewView({ state, withTargeted = true }: { state: PreviewState; withTargeted?: boolean }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'loading') {
    return (
      <p className="batch-preview-count muted" data-testid="batch-preview-count" data-state="loading">
        Counting…
      </p>
    );
  }
  if (state.kind === 'error') {
    return (
      <p className="batch-preview-error" data-testid="batch-preview-error" role="alert">
        {state.message}
      </p>
    );
  }
  const { changes, targeted, sample } = state.preview;
  const shown = samplesShownText(Math.min(sample.length, SAMPLES), changes);
  return (
    <div className="batch-preview">
      <p className="batch-preview-count" data-testid="batch-preview-count" data-state="ready" data-changes={changes} data-targeted={targeted}>
        {previewText(changes, targeted, withTargeted)}
      </p>
      {sample.length > 0 && (
        <ul className="batch-samples">
          {sample.slice(0, SAMPLES).map((change) => {
            const before = new Set(change.before);
            const after = new Set(change.after);
            return (
              <li key={change.id} className="batch-sample" data-testid="batch-preview-sample" data-image-id={change.id}>
                <div className="batch-sample-name">{change.name}</div>
                <div className="batch-sample-before">
                  <TagLine tags={change.before} other={after} tone="gone" />
                </div>
                <div className="batch-sample-after">
                  → <TagLine tags={change.after} other={before} tone="new" />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {shown && (
        <p className="batch-samples-shown muted" data-testid="batch-preview-shown">
          {shown}
        </p>
      )}
    </div>
  );
}
