import { type RefObject, useLayoutEffect, useState } from 'react';

/**
 * The inner width of the grid's scroller (scrollbar excluded), kept current as
 * the window or the side panels resize: the column count follows from it.
 * Read before the first paint, so the grid never renders one wide column first.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
