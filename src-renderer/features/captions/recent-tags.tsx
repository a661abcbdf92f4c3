import { useShallow } from 'zustand/react/shallow';
import { addTagsTo } from '../../actions/caption-edits';
import { useTagsStore } from '../../stores/tags-store';

/** The tags used last: one click puts one on this image; those already on it are marked. */
export function RecentTags({ imageId, tags }: { imageId: number; tags: readonly string[] }) {
  const recent = useTagsStore(useShallow((s) => s.recent));
  if (recent.length === 0) return null;
  const onImage = new Set(tags);
  return (
    <section className="recent-tags" aria-labelledby="recent-tags-title" data-testid="recent-tags">
      <h3 id="recent-tags-title">Recent</h3>
      <div className="recent-tags-row">
        {recent.map((tag) => (
          <button
            key={tag}
            type="button"
            className={onImage.has(tag) ? 'recent-tag recent-tag-on' : 'recent-tag'}
            data-testid="recent-tag"
            data-tag={tag}
            title={onImage.has(tag) ? 'Already on this image' : 'Add to this image'}
            onClick={() => void addTagsTo(imageId, [tag])}
          >
            {tag}
          </button>
        ))}
      </div>
    </section>
  );
}
