import '../styles/tagging.css';
import { useShallow } from 'zustand/react/shallow';
import { DatasetNotices } from '../components/dataset-notices';
import { EditingToolbar } from '../components/editing-toolbar';
import { EditorColumn } from '../components/editor-column';
import { ImageGrid } from '../components/image-grid';
import { ImageStrip } from '../components/image-strip';
import { ImageView } from '../components/image-view';
import { TaggingHeader } from '../components/tagging-header';
import { TagsPanel } from '../components/tags-panel';
import { useCaptionStore } from '../stores/caption-store';
import { useViewStore } from '../stores/view-store';

const NO_TAGS: readonly string[] = [];

export function TaggingScreen() {
  const { imageId, tags } = useCaptionStore(
    useShallow((s) => ({ imageId: s.detail?.id ?? null, tags: s.detail?.caption.tags ?? NO_TAGS })),
  );
  // the grid takes the single image's place; the filmstrip shows only under the single image
  const grid = useViewStore((s) => s.mode === 'grid');
  return (
    <main className="tagging" data-testid="tagging-screen">
      <TaggingHeader />
      <DatasetNotices />
      <EditingToolbar />
      <div className="tagging-body">
        {grid ? <ImageGrid /> : <ImageView />}
        <EditorColumn />
        <TagsPanel imageId={imageId} tags={tags} />
      </div>
      {!grid && <ImageStrip />}
    </main>
  );
}
