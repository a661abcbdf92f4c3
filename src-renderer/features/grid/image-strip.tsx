import '../../styles/strip-grid.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type WheelEvent } from 'react';
import { currentImageId, useImagesStore } from '../../stores/images-store';
import { useSelectionStore } from '../../stores/selection-store';
import { Thumbnail } from './thumbnail';
import { clickThumbnail } from './thumbnail-click';
import { markOf, StatusMark, thumbnailLabel } from './thumbnail-mark';
import { rowById, useShownOrder } from './thumbnail-order-hook';
import { revealOffset } from './thumbnail-scroll';
import { ViewToggle } from './view-toggle';

/** one cell's width, gap included; the CSS sizes the cell to this minus the gap */
const CELL = 76;
const PAD = 6;
/** keep two neighbours visible past the current image, so the strip shows what comes next */
const KEEP_IN_VIEW = 2 * CELL;

/**
 * The filmstrip under the single image: every shown image as a small
 * thumbnail, only those in view (plus a few) in the DOM. It follows the
 * current image, and a click goes there or changes the selection.
 */
export function ImageStrip() {
  const order = useShownOrder();
  const currentId = useImagesStore(currentImageId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    horizontal: true,
    count: order.ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CELL,
    paddingStart: PAD,
    paddingEnd: PAD,
    overscan: 6,
  });

  const position = order.positionOf(currentId);
  useEffect(() => {
    // the virtualizer's own record of the scroll and the size: reading the DOM here would force a layout per keypress
    const width = virtualizer.scrollRect?.width ?? 0;
    if (position < 0 || width === 0) return;
    const start = PAD + position * CELL;
    const offset = revealOffset(start, start + CELL, virtualizer.scrollOffset ?? 0, width, KEEP_IN_VIEW);
    if (offset !== null) virtualizer.scrollToOffset(offset);
  }, [position, order, virtualizer]);

  return (
    <div className="image-strip-bar">
      <ViewToggle />
      <div
        ref={scrollRef}
        className="image-strip"
        data-testid="image-strip"
        role="listbox"
        aria-label="Images"
        aria-multiselectable="true"
        aria-orientation="horizontal"
        onWheel={scrollSideways}
      >
        <div className="image-strip-track" style={{ width: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const id = order.ids[item.index];
            return id === undefined ? null : <StripCell key={id} id={id} start={item.start} order={order.ids} />;
          })}
        </div>
      </div>
    </div>
  );
}

/** a mouse wheel scrolls vertically; on a horizontal strip the user means sideways */
function scrollSideways(event: WheelEvent<HTMLDivElement>): void {
  if (Math.abs(event.deltaY) > Math.abs(event.deltaX)) event.currentTarget.scrollLeft += event.deltaY;
}

interface CellProps {
  id: number;
  start: number;
  order: readonly number[];
}

/** Memoised, each subscribed to its own row: a tag edit re-renders one cell, not the strip. */
const StripCell = memo(function StripCell({ id, start, order }: CellProps) {
  const row = useImagesStore((s) => rowById(s, id));
  const current = useImagesStore((s) => currentImageId(s) === id);
  const selected = useSelectionStore((s) => s.selected.has(id));
  const mark = markOf(row);
  return (
    <div
      className="strip-cell"
      role="option"
      aria-selected={selected}
      aria-current={current || undefined}
      data-testid="strip-cell"
      data-image-id={id}
      data-current={current}
      data-selected={selected}
      data-mark={mark}
      title={thumbnailLabel(row)}
      style={{ transform: `translateX(${start}px)` }}
      onClick={(event) => clickThumbnail(id, event, order)}
    >
      <Thumbnail id={id} row={row} />
      <StatusMark mark={mark} />
    </div>
  );
});
