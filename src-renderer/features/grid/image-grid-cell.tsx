import { memo } from 'react';
import type { ImageSummary } from '../../../src-shared/contract/index';
import { currentImageId, useImagesStore } from '../../stores/images-store';
import { useSelectionStore } from '../../stores/selection-store';
import { showSingle } from '../../stores/view-store';
import { baseName, Thumbnail } from './thumbnail';
import { clickThumbnail, goToImage } from './thumbnail-click';
import { markOf, StatusMark, type ThumbnailMark, thumbnailLabel } from './thumbnail-mark';
import { rowById } from './thumbnail-order-hook';

export const gridCellId = (id: number) => `grid-cell-${id}`;

const tagText = (count: number) =>
  count === 0 ? 'no tags' : count === 1 ? '1 tag' : `${count.toLocaleString('en-US')} tags`;

/** the tag count, led by the status when it is one that needs noticing */
function metaText(row: ImageSummary, mark: ThumbnailMark): string {
  const tags = tagText(row.tagCount);
  if (mark === 'skip') return `skipped · ${tags}`;
  if (mark === 'conflict') return `conflict · ${tags}`;
  return tags;
}

interface GridCellProps {
  id: number;
  /** the shown order, for Shift+click ranges */
  order: readonly number[];
}

/**
 * One grid cell: thumbnail, status mark, name, tag count. Memoised and
 * subscribed to its own row, current flag and selected flag, so scrolling and
 * editing re-render only the cells that changed.
 */
export const GridCell = memo(function GridCell({ id, order }: GridCellProps) {
  const row = useImagesStore((s) => rowById(s, id));
  const current = useImagesStore((s) => currentImageId(s) === id);
  const selected = useSelectionStore((s) => s.selected.has(id));
  const mark = markOf(row);
  return (
    <div
      id={gridCellId(id)}
      className="grid-cell"
      role="gridcell"
      aria-selected={selected}
      aria-current={current || undefined}
      data-testid="grid-cell"
      data-image-id={id}
      data-current={current}
      data-selected={selected}
      data-mark={mark}
      title={thumbnailLabel(row)}
      onClick={(event) => clickThumbnail(id, event, order)}
      onDoubleClick={() => {
        goToImage(id);
        showSingle();
      }}
    >
      <div className="grid-cell-picture">
        <Thumbnail id={id} row={row} />
        <StatusMark mark={mark} />
      </div>
      <div className="grid-cell-name" data-testid="grid-cell-name">
        {row ? baseName(row.name) : ''}
      </div>
      <div className="grid-cell-meta">
        {row ? metaText(row, mark) : ''}
      </div>
    </div>
  );
});
