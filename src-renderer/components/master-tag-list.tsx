import '../styles/master-list.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { toggleTagOn } from '../actions/caption-edits';
import { visibleTags } from '../logic/tag-counts';
import { useTagsStore } from '../stores/tags-store';
import { focusTaken, setTagFilter, setTagSort, useUiStore } from '../stores/ui-store';

const ROW_PX = 26;

/**
 * Every tag in the dataset with its count. A dataset can hold tens of thousands
 * of distinct tags, so only the rows in view are rendered.
 */
export function MasterTagList({ imageId, tags }: { imageId: number | null; tags: readonly string[] }) {
  const counts = useTagsStore((s) => s.counts);
  const { filter, sort } = useUiStore(useShallow((s) => ({ filter: s.tagFilter, sort: s.tagSort })));
  const rows = useMemo(() => visibleTags(counts, filter, sort), [counts, filter, sort]);
  const onImage = useMemo(() => new Set(tags), [tags]);

  const filterRef = useRef<HTMLInputElement>(null);
  const focusRequest = useUiStore((s) => (s.focusRequest?.target === 'tag-filter' ? s.focusRequest.seq : null));
  useEffect(() => {
    if (focusRequest === null || !filterRef.current) return;
    filterRef.current.focus();
    filterRef.current.select();
    focusTaken(focusRequest);
  }, [focusRequest]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
  });

  const toggle = (name: string) => {
    if (imageId !== null) void toggleTagOn(imageId, name);
  };

  return (
    <aside className="master-list" aria-label="All tags in the dataset">
      <header className="master-list-header">
        <h2>
          Tags <span className="muted">{counts.size.toLocaleString('en-US')}</span>
        </h2>
        <button
          type="button"
          className="link-button"
          data-testid="master-sort"
          title="Change the order of the list"
          onClick={() => setTagSort(sort === 'count' ? 'name' : 'count')}
        >
          {sort === 'count' ? 'Most used' : 'A–Z'}
        </button>
      </header>
      <input
        ref={filterRef}
        type="search"
        className="master-filter"
        data-testid="master-filter"
        placeholder="Filter tags (Ctrl F)"
        title="Type to filter; Enter adds or removes the first match"
        aria-label="Filter tags"
        spellCheck={false}
        value={filter}
        onChange={(e) => setTagFilter(e.target.value)}
        onKeyDown={(e) => {
          const first = rows[0];
          if (e.key === 'Enter' && first) {
            e.preventDefault();
            toggle(first.name);
          }
        }}
      />
      <div className="master-scroll" ref={scrollRef} data-testid="master-list">
        {rows.length === 0 && (
          <p className="master-empty">{counts.size === 0 ? 'No tags in this dataset yet.' : 'No tag matches the filter.'}</p>
        )}
        {/* sizes and offsets go through the CSSOM (React's style prop), which the page's CSP allows */}
        <div className="master-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const on = onImage.has(row.name);
            return (
              <button
                key={row.name}
                type="button"
                className={on ? 'master-tag master-tag-on' : 'master-tag'}
                data-testid="master-tag"
                data-tag={row.name}
                data-count={row.count}
                aria-pressed={on}
                disabled={imageId === null}
                title={on ? 'On this image: click to remove' : 'Click to add to this image'}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_PX }}
                onClick={() => toggle(row.name)}
              >
                <span className="master-tag-name">{row.name}</span>
                <span className="master-tag-count">{row.count.toLocaleString('en-US')}</span>
              </button>
            );
          })}
        </div>
      </div>
    </aside>
  );
}
