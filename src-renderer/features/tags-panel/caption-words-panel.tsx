import './master-list.css';
import './tags-panel.css';
import { useMemo } from 'react';
import { frequentWords } from './caption-words';
import { captionQuery } from '../../logic/query-text';
import { applyFilter, clearFilter, useFilterStore } from '../../stores/filter-store';
import { useTagsStore } from '../../stores/tags-store';

/**
 * For captions written as sentences: the words and short phrases the dataset
 * uses most, stop words left out. A click shows the images whose caption
 * contains it; a second click shows every image again.
 */
export function CaptionWordsPanel({ onShowFragments }: { onShowFragments(): void }) {
  const fragments = useTagsStore((s) => s.counts);
  const words = useMemo(() => frequentWords(fragments), [fragments]);
  const imageQuery = useFilterStore((s) => s.query);
  const filterBy = (phrase: string) => {
    const query = captionQuery(phrase);
    if (imageQuery === query) clearFilter();
    else void applyFilter(query);
  };
  return (
    <aside className="master-list words-panel" aria-label="Frequent words in the captions" data-testid="words-panel">
      <header className="master-list-header">
        <h2>
          Frequent words <span className="muted">{words.length.toLocaleString('en-US')}</span>
        </h2>
        <button
          type="button"
          className="link-button"
          data-testid="show-fragments"
          title="List the captions' comma-separated pieces instead, as tags"
          onClick={onShowFragments}
        >
          Fragments
        </button>
      </header>
      <p className="words-hint muted">Click a word to show the images whose caption has it.</p>
      <ul className="master-scroll words-list" data-testid="words-list">
        {words.length === 0 && <li className="master-empty">No captions yet.</li>}
        {words.map(({ phrase, count }) => {
          const filtering = imageQuery === captionQuery(phrase);
          return (
            <li key={phrase}>
              <button
                type="button"
                className={filtering ? 'word-row word-row-filtering' : 'word-row'}
                data-testid="word-row"
                data-phrase={phrase}
                aria-pressed={filtering}
                title={filtering ? 'Showing only the images with this in their caption: click to show all' : `Show only the images whose caption has “${phrase}”`}
                onClick={() => filterBy(phrase)}
              >
                <span className="word-row-name">{phrase}</span>
                <span className="tag-row-count">{count.toLocaleString('en-US')}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
