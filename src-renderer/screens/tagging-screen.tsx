import '../styles/tagging.css';
import { useShallow } from 'zustand/react/shallow';
import { DatasetNotices } from '../components/dataset-notices';
import { EditingToolbar } from '../components/editing-toolbar';
import { EditorColumn } from '../components/editor-column';
import { ImageView } from '../components/image-view';
import { TaggingHeader } from '../components/tagging-header';
import { TagsPanel } from '../components/tags-panel';
import { useCaptionStore } from '../stores/caption-store';

const NO_TAGS: readonly string[] = [];

export function TaggingScreen() {
  const { imageId, tags } = useCaptionStore(
    useShallow((s) => ({ imageId: s.detail?.id ?? null, tags: s.detail?.caption.tags ?? NO_TAGS })),
  );
  return (
    <main className="tagging" data-testid="tagging-screen">
      <TaggingHeader />
      <DatasetNotices />
      <EditingToolbar />
      <div className="tagging-body">
        <ImageView />
        <EditorColumn />
        <TagsPanel imageId={imageId} tags={tags} />
      </div>
    </main>
  );
}
