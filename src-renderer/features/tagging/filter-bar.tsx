import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { filterCountText, markRange } from '../../logic/query-text';
import { applyFilter, clearFilter, useFilterStore } from '../../stores/filter-store';
import { useImagesStore } from '../../stores/images-store';

const DEBOUNCE_MS = 250;

const SYNTAX_HELP = [
  'Filter the images:',
  '  smile  "long hair"        caption contains the text',
  '  tag:hat  tag:long*  tag:h?t  a tag, with * and ? wildcards',
  '  caption:x  name:x  path:x',
  '  tags:=0  tags:>20  tags:<=3  the number of tags',
  '  status:todo  status:tagged  status:skip',
  '  source:model  source:person  who wrote a tag on it',
  '  score:<0.5  score:>=0.9  a model tag scored so (< > <= >=)',
  '  a AND b   a OR b   NOT a   -a   (a OR b) c',
].join('\n');

/**
 * The image filter above the image area. Typing runs the query in main after a
 * short pause (Enter runs it at once); a query main cannot read is underlined
 * where it goes wrong, with the reason beside it, and the last good result stays.
 */
export function FilterBar() {
  const { query, ids, error, label } = useFilterStore(
    useShallow((s) => ({ query: s.query, ids: s.ids, error: s.error, label: s.label })),
  );
  const total = useImagesStore((s) => s.items.length);
  const [text, setText] = useState(query);
  const sent = useRef(query);
  const inputRef = useRef<HTMLInputElement>(null);
  const backdropRef = useRef<HTMLDivElement>(null);

  // a query set from elsewhere (a click in the tags panel) shows up in the box
  useEffect(() => {
    if (query !== sent.current) {
      sent.current = query;
      setText(query);
    }
  }, [query]);

  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => run(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const run = (value: string) => {
    sent.current = value;
    void applyFilter(value);
  };

  const clear = () => {
    sent.current = '';
    setText('');
    clearFilter();
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      run(text);
    } else if (event.key === 'Escape' && text !== '') {
      // the first Escape empties the box; the next one leaves it (global map)
      event.preventDefault();
      clear();
    }
  };

  // the marks belong to the query main answered for, not to what is being typed since
  const marks = error && text === query ? markRange(text, error.start, error.end) : null;
  const syncScroll = () => {
    if (backdropRef.current && inputRef.current) backdropRef.current.scrollLeft = inputRef.current.scrollLeft;
  };

  return (
    <div className="filter-bar" role="search">
      <div className={marks ? 'filter-field filter-field-error' : 'filter-field'}>
        <div className="filter-backdrop" ref={backdropRef} aria-hidden="true">
          {marks && (
            <>
              {marks.before}
              <mark className="filter-mark" data-testid="filter-error-mark">
                {marks.marked}
              </mark>
              {marks.after}
            </>
          )}
        </div>
        <input
          ref={inputRef}
          type="text"
          className="filter-input"
          data-testid="filter-input"
          placeholder="Filter images: tag:hat, tags:=0, NOT status:skip…"
          aria-label="Filter images"
          aria-invalid={marks !== null}
          aria-describedby={marks ? 'filter-error' : undefined}
          title={SYNTAX_HELP}
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onScroll={syncScroll}
          onSelect={syncScroll}
        />
        {(text !== '' || label !== null) && (
          <button type="button" className="filter-clear icon-button" data-testid="filter-clear" aria-label="Clear the filter" title="Clear the filter (Esc)" onClick={clear}>
            ×
          </button>
        )}
      </div>
      {marks && error ? (
        <span className="filter-error" id="filter-error" data-testid="filter-error" role="alert">
          {error.message}
        </span>
      ) : (
        <span className="filter-count" data-testid="filter-count" data-shown={ids?.length ?? total} data-total={total}>
          {label ? `${label}: ` : ''}
          {filterCountText(ids === null ? null : ids.length, total)}
        </span>
      )}
    </div>
  );
}
