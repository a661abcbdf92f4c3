import { useEffect } from 'react';
import { setHistogramTag } from '../../stores/autotag-store';

/**
 * While the panel is shown, the tag under the pointer (or focused by the
 * keyboard) anywhere in the window becomes the histogram's tag. Every view
 * that draws a tag marks it with `data-tag` (chips, the tags panel's rows,
 * ghost chips, the review list), so one listener reads them all and no view
 * has to know about the histogram.
 */
export function useHoveredTag(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onOver = (event: Event) => {
      const target = event.target;
      if (!(target instanceof Element)) return;
      const tag = target.closest<HTMLElement>('[data-tag]')?.dataset.tag;
      if (tag) setHistogramTag(tag);
    };
    document.addEventListener('mouseover', onOver);
    document.addEventListener('focusin', onOver);
    return () => {
      document.removeEventListener('mouseover', onOver);
      document.removeEventListener('focusin', onOver);
    };
  }, [active]);
}
