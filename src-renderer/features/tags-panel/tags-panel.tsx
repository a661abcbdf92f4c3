import './master-list.css';
import './tags-panel.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { toggleTagOn } from '../../actions/caption-edits';
import { tagQuery } from '../../logic/query-text';
import { type TagSort, visibleTags } from '../../logic/tag-counts';
import { applyFilter, clearFilter, useFilterStore } from '../../stores/filter-store';
import { useTagsStore } from '../../stores/tags-store';
import { focusTaken, setTagFilter, setTagFilterCase, setTagSort, useUiStore } from '../../stores/ui-store';
import { TagEditDialog, type TagEdit } from './tag-edit-dialog';
import { TagsPanelRow } from './tags-panel-row';

const ROW_PX = 26;
const SORTS: ReadonlyArray<{ value: TagSort; label: string }> = [
  { value: 'count', label: 'Most used' },
  { value: 'name', label: 'A–Z' },
  { value: 'length', label: 'Longest' },
];

/**
 * Every tag in the dataset with its count. A dataset can hold tens of thousands
 * of distinct tags, so only the rows in view are rendered.
 */
export function TagsPanel({ imageId, tags }: { imageId: number | null; tags: readonly string[] }) {
  const counts = useTagsStore((s) => s.counts);
  const { filter, sort, caseSensitive } = useUiStore(
    useShallow((s) => ({ filter: s.tagFilter, sort: s.tagSort, caseSensitive: s.tagFilterCase })),
  );
  const rows = useMemo(() => visibleTags(counts, filter, sort, caseSensitive), [counts, filter, sort, caseSensitive]);
  const onImage = useMemo(() => new Set(tags), [tags]);
  const imageQuery = useFilterStore((s) => s.query);
  const [editing, setEditing] = useState<TagEdit | null>(null);

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
  // a second click on the tag being filtered by shows every image again
  const filterBy = (name: string) => {
    const query = tagQuery(name);
    if (imageQuery === query) clearFilter();
    else void applyFilter(query);
  };

  return (
    <aside className="master-list tags-panel" aria-label="All tags in the dataset" data-testid="tags-panel">
      <header className="master-list-header">
        <h2>
          Tags <span className="muted" data-testid="tags-total">{counts.size.toLocaleString('en-US')}</span>
        </h2>
        <select
          className="tags-sort"
          data-testid="master-sort"
          aria-label="Order of the list"
          value={sort}
          onChange={(e) => setTagSort(e.target.value as TagSort)}
        >
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </header>
      <div className="tags-filter-row">
        <input
          ref={filterRef}
          type="search"
          className="master-filter"
          data-testid="master-filter"
          placeholder="Filter tags (Ctrl F)"
          title="Type to filter; Enter adds or removes the first match on this image"
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
        <button
          type="button"
          className={caseSensitive ? 'case-toggle case-toggle-on' : 'case-toggle'}
          data-testid="tags-case-toggle"
          aria-pressed={caseSensitive}
          title={caseSensitive ? 'Matching case: click to ignore it' : 'Ignoring case: click to match it'}
          onClick={() => setTagFilterCase(!caseSensitive)}
        >
          Aa
        </button>
      </div>
      <div className="master-scroll" ref={scrollRef} data-testid="master-list">
        {rows.length === 0 && (
          <p className="master-empty">{counts.size === 0 ? 'No tags in this dataset yet.' : 'No tag matches the filter.'}</p>
        )}
        {/* sizes and offsets go through the CSSOM (React's style prop), which the page's CSP allows */}
        <div className="master-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <TagsPanelRow
                key={row.name}
                name={row.name}
                count={row.count}
                onImage={onImage.has(row.name)}
                filtering={imageQuery === tagQuery(row.name)}
                canToggle={imageId !== null}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_PX }}
                onToggle={toggle}
                onFilter={filterBy}
                onRename={(tag) => setEditing({ mode: 'rename', tag })}
                onDelete={(tag) => setEditing({ mode: 'delete', tag })}
              />
            );
          })}
        </div>
      </div>
      {editing && <TagEditDialog key={`${editing.mode}:${editing.tag}`} edit={editing} onClose={() => setEditing(null)} />}
    </aside>
  );
}
