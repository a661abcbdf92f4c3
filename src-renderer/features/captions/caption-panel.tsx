import './caption-panel.css';
import '../../styles/tag-editor.css';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCaptionStore } from '../../stores/caption-store';
import { useSessionStore } from '../../stores/session-store';
import { GhostChips } from '../autotag/ghost-chips';
import { useImageLabels } from '../autotag/use-image-labels';
import { CaptionTextEditor } from './caption-text-editor';
import { ConflictBanner } from './conflict-banner';
import { DuplicateNote } from './duplicate-note';
import { RecentTags } from './recent-tags';
import { SelectionSummary } from './selection-summary';
import { SkipToggle } from './skip-toggle';
import { TagChips } from './tag-chips';
import { TagInput } from './tag-input';
import { TokenCount } from './token-count';

type CaptionView = 'text' | 'chips';

/** Text-mode datasets edit the caption as text; the chips are the same caption read as a comma list. */
function ViewSwitch({ view, onChange }: { view: CaptionView; onChange(view: CaptionView): void }) {
  return (
    <div className="segmented caption-view-switch" role="radiogroup" aria-label="Edit the caption as">
      {(['text', 'chips'] as const).map((v) => (
        <label key={v} className={view === v ? 'segment segment-on' : 'segment'}>
          <input type="radio" name="caption-view" data-testid={`caption-view-${v}`} checked={view === v} onChange={() => onChange(v)} />
          {v === 'text' ? 'Text' : 'Tags'}
        </label>
      ))}
    </div>
  );
}

const NO_TAGS: readonly string[] = [];

/**
 * Everything about the image on screen that can be edited: its tags, skip mark,
 * and any conflict. While the next image loads, the tag input stays (empty,
 * focused if it was): what is typed then is for that image, and Enter adds it
 * there even if the user has moved on before it loaded.
 */
export function CaptionPanel() {
  const { detail, loadingId, loadError, note } = useCaptionStore(
    useShallow((s) => ({ detail: s.detail, loadingId: s.loadingId, loadError: s.loadError, note: s.note })),
  );
  const textMode = useSessionStore((s) => s.session?.captionMode === 'text');
  // kept across images: someone reading captions as chips wants the next one as chips too
  const [view, setView] = useState<CaptionView>('text');
  const asText = textMode && view === 'text';
  // a model's suggestions and which tags a model gave, asked again after every edit of this caption
  const origins = useImageLabels(detail?.id ?? null, detail?.caption.revision ?? null);

  if (loadError) {
    return (
      <section className="caption-panel">
        <p className="panel-error" role="alert" data-testid="caption-error">
          This image's caption could not be read: {loadError}
        </p>
      </section>
    );
  }
  const imageId = detail?.id ?? loadingId;
  if (imageId === null) return <section className="caption-panel" aria-busy="true" />;

  // each part has a fixed place below, present or not, so the tag input is never remounted (and never loses focus)
  const tags = detail?.caption.tags ?? NO_TAGS;
  return (
    <section
      className="caption-panel"
      aria-label="Tags of this image"
      aria-busy={detail === null}
      data-testid="caption-panel"
      data-image-id={detail?.id}
    >
      {detail?.conflict && <ConflictBanner imageId={detail.id} conflict={detail.conflict} />}
      {note && (
        <p className="disk-note" data-testid="disk-note" role="status">
          {note}
        </p>
      )}
      {detail && detail.sharesStemWith.length > 0 && (
        <p className="stem-note" data-testid="stem-note">
          Shares one caption file with {detail.sharesStemWith.join(', ')}: trainers cannot tell them apart.
        </p>
      )}
      <SelectionSummary />
      {textMode && <ViewSwitch view={view} onChange={setView} />}
      {asText ? (
        detail && (
          <CaptionTextEditor
            key={detail.id}
            imageId={detail.id}
            text={detail.caption.text}
            revision={detail.caption.revision}
            inConflict={detail.conflict !== null}
          />
        )
      ) : (
        <>
          {detail && <TagChips imageId={detail.id} tags={tags} origins={origins} />}
          {detail && <GhostChips imageId={detail.id} />}
          <TagInput imageId={imageId} tags={tags} />
          {detail && <TokenCount text={detail.caption.text} />}
        </>
      )}
      <DuplicateNote />
      {detail && <SkipToggle imageId={detail.id} status={detail.status} />}
      {/* one click adds a tag: a comma list's tool, not a sentence's */}
      {detail && !asText && <RecentTags imageId={detail.id} tags={tags} />}
    </section>
  );
}
