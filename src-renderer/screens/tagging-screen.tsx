import '../styles/tagging.css';
import type { CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DatasetNotices } from '../features/tagging/dataset-notices';
import { EditingToolbar } from '../features/tagging/editing-toolbar';
import { EditorColumn } from '../features/tagging/editor-column';
import { ImageGrid } from '../features/grid/image-grid';
import { ImageStrip } from '../features/grid/image-strip';
import { ImageView } from '../features/preview/image-view';
import { PanelSplitter } from '../widgets/panel-splitter';
import { TaggingHeader } from '../features/tagging/tagging-header';
import { TagsColumn } from '../features/tags-panel/tags-column';
import { useCaptionStore } from '../stores/caption-store';
import { usePanelLayout } from '../stores/panel-layout-store';
import { useViewStore } from '../stores/view-store';

const NO_TAGS: readonly string[] = [];

export function TaggingScreen() {
  const { imageId, tags } = useCaptionStore(
    useShallow((s) => ({ imageId: s.detail?.id ?? null, tags: s.detail?.caption.tags ?? NO_TAGS })),
  );
  // the grid takes the single image's place; the filmstrip shows only under the single image
  const grid = useViewStore((s) => s.mode === 'grid');
  const layout = usePanelLayout(
    useShallow((s) => ({
      editor: s.collapsed.editor ? 0 : s.width.editor,
      tags: s.collapsed.tags ? 0 : s.width.tags,
      editorCollapsed: s.collapsed.editor,
      tagsCollapsed: s.collapsed.tags,
    })),
  );
  return (
    <main className="tagging" data-testid="tagging-screen">
      <TaggingHeader />
      <DatasetNotices />
      <EditingToolbar />
      <div
        className="tagging-body"
        data-editor-collapsed={layout.editorCollapsed}
        data-tags-collapsed={layout.tagsCollapsed}
        style={{ '--editor-w': `${layout.editor}px`, '--tags-w': `${layout.tags}px` } as CSSProperties}
      >
        {grid ? <ImageGrid /> : <ImageView />}
        <PanelSplitter panel="editor" />
        {/* a hidden column stays mounted, so typing in the Text view is never thrown away */}
        <EditorColumn />
        <PanelSplitter panel="tags" />
        <TagsColumn imageId={imageId} tags={tags} />
      </div>
      {!grid && <ImageStrip />}
    </main>
  );
}
