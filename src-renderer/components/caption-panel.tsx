import '../styles/caption-panel.css';
import { useShallow } from 'zustand/react/shallow';
import { useCaptionStore } from '../stores/caption-store';
import { ConflictBanner } from './conflict-banner';
import { DuplicateNote } from './duplicate-note';
import { RecentTags } from './recent-tags';
import { SkipToggle } from './skip-toggle';
import { TagChips } from './tag-chips';
import { TagInput } from './tag-input';

/** Everything about the image on screen that can be edited: its tags, skip mark, and any conflict. */
export function CaptionPanel() {
  const { detail, loadError, note } = useCaptionStore(
    useShallow((s) => ({ detail: s.detail, loadError: s.loadError, note: s.note })),
  );

  if (loadError) {
    return (
      <section className="caption-panel">
        <p className="panel-error" role="alert" data-testid="caption-error">
          This image's caption could not be read: {loadError}
        </p>
      </section>
    );
  }
  if (!detail) return <section className="caption-panel" aria-busy="true" />;

  const tags = detail.caption.tags;
  return (
    <section className="caption-panel" aria-label="Tags of this image" data-testid="caption-panel" data-image-id={detail.id}>
      {detail.conflict && <ConflictBanner imageId={detail.id} conflict={detail.conflict} />}
      {note && (
        <p className="disk-note" data-testid="disk-note" role="status">
          {note}
        </p>
      )}
      {detail.sharesStemWith.length > 0 && (
        <p className="stem-note" data-testid="stem-note">
          Shares one caption file with {detail.sharesStemWith.join(', ')}: trainers cannot tell them apart.
        </p>
      )}
      <TagChips imageId={detail.id} tags={tags} />
      <TagInput imageId={detail.id} tags={tags} />
      <DuplicateNote />
      <SkipToggle imageId={detail.id} status={detail.status} />
      <RecentTags imageId={detail.id} tags={tags} />
    </section>
  );
}
