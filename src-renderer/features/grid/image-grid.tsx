import '../../styles/strip-grid.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { currentImageId, useImagesStore } from '../../stores/images-store';
import { GridCell, gridCellId } from './image-grid-cell';
import { handleGridKey } from './image-grid-keys';
import { gridMetrics, type GridSpacing, rowCount, rowSpan } from './image-grid-layout';
import { GridToolbar } from './image-grid-toolbar';
import { useElementWidth } from './image-grid-width';
import { useShownOrder } from './thumbnail-order-hook';
import { revealOffset } from './thumbnail-scroll';

const SPACING: GridSpacing = { minCell: 140, gap: 8, padding: 12, label: 38 };

/**
 * Every shown image as a grid of thumbnails with names and tag counts. Rows
 * are virtualized: only the rows in view plus a few either side are in the
 * DOM, so 100,000 images cost what 200 do. The cursor is the current image,
 * so the caption panel beside the grid edits the image under the cursor.
 */
export function ImageGrid() {
  const order = useShownOrder();
  const currentId = useImagesStore(currentImageId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const { columns, cellWidth, rowHeight } = gridMetrics(width, SPACING);
  const count = order.ids.length;

  const virtualizer = useVirtualizer({
    count: width > 0 ? rowCount(count, columns) : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    paddingStart: SPACING.padding,
    paddingEnd: SPACING.padding - SPACING.gap,
    overscan: 2,
  });
  // every row has one height; when the columns change it changes for all of them
  useLayoutEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  // the keys must work as soon as the grid opens, without a click first
  useEffect(() => scrollRef.current?.focus({ preventScroll: true }), []);

  const position = order.positionOf(currentId);
  useEffect(() => {
    // the virtualizer's own record of the scroll and the size: reading the DOM here would force a layout per keypress
    const height = virtualizer.scrollRect?.height ?? 0;
    if (position < 0 || width === 0 || height === 0) return;
    const start = SPACING.padding + Math.floor(position / columns) * rowHeight;
    const offset = revealOffset(start, start + rowHeight - SPACING.gap, virtualizer.scrollOffset ?? 0, height, SPACING.gap);
    if (offset !== null) virtualizer.scrollToOffset(offset);
  }, [position, columns, rowHeight, width, order, virtualizer]);

  const rows = virtualizer.getVirtualItems();
  const cursorRow = position >= 0 ? Math.floor(position / columns) : -1;
  const cursorRendered = rows.some((row) => row.index === cursorRow);

  return (
    <section className="image-grid-view" aria-label="All images">
      <GridToolbar />
      <div
        ref={scrollRef}
        className="image-grid"
        data-testid="grid"
        data-columns={columns}
        data-row-height={rowHeight}
        role="grid"
        aria-label="Images"
        aria-multiselectable="true"
        aria-rowcount={rowCount(count, columns)}
        aria-colcount={columns}
        aria-activedescendant={cursorRendered && currentId !== null ? gridCellId(currentId) : undefined}
        tabIndex={0}
        onKeyDown={(event) =>
          handleGridKey(event, {
            ids: order.ids,
            position,
            columns,
            pageRows: Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowHeight)),
          })
        }
      >
        <div className="image-grid-track" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const [first, end] = rowSpan(row.index, columns, count);
            return (
              <div
                key={row.index}
                className="image-grid-row"
                role="row"
                aria-rowindex={row.index + 1}
                style={{
                  transform: `translateY(${row.start}px)`,
                  gridTemplateColumns: `repeat(${columns}, ${cellWidth}px)`,
                  gridAutoRows: `${rowHeight - SPACING.gap}px`,
                }}
              >
                {order.ids.slice(first, end).map((id) => (
                  <GridCell key={id} id={id} order={order.ids} />
                ))}
              </div>
            );
          })}
        </div>
        {count === 0 && <p className="image-grid-empty">No images to show.</p>}
      </div>
    </section>
  );
}
