import type { Suggestion } from '../../../src-shared/contract/index';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

const SOURCE_TITLE: Record<Suggestion['source'], string> = {
  dataset: 'images in this dataset',
  recent: 'used recently; images in this dataset',
  list: 'posts on the tag list',
};

/**
 * One autocomplete row: the tag in its category's colour (general, artist,
 * copyright, character, meta, as Danbooru colours them), "alias → tag" when the
 * query matched an alias, and the count (this dataset's, or the list's).
 */
export function SuggestionText({ item }: { item: Suggestion }) {
  return (
    <>
      <span className={`suggestion-name tag-cat-${item.category}`}>
        {item.aliasOf !== undefined && (
          <span className="suggestion-alias" data-testid="suggestion-alias">
            {item.aliasOf} →{' '}
          </span>
        )}
        {item.name}
      </span>
      <span className={`suggestion-count suggestion-source-${item.source}`} title={`${item.count.toLocaleString('en-US')} ${SOURCE_TITLE[item.source]}`}>
        {item.count >= 10_000 ? compact.format(item.count) : item.count.toLocaleString('en-US')}
      </span>
    </>
  );
}
