import { useEffect, useRef, useState } from 'react';
import type { Suggestion } from '../../../src-shared/contract/index';
import { normalizeTag } from '../../../src-shared/tag-text';
import { call } from '../../transport/api';

/** short: main answers a 140,000-tag list within a frame, so the pause only saves round trips while typing fast */
const DEBOUNCE_MS = 40;
const LIMIT = 12;

/** the part of the input being typed: what follows the last comma */
export function currentSegment(text: string): { before: string; segment: string } {
  const cut = text.lastIndexOf(',') + 1;
  return { before: text.slice(0, cut), segment: text.slice(cut) };
}

/**
 * Suggestions for what is being typed, ranked by main: this dataset's tags,
 * then recent ones, then the tag lists (Danbooru and imported), with category
 * and the alias that matched. Only the answer to the latest query is kept: a
 * slow early answer must not replace a newer one.
 */
export function useSuggestions(text: string, exclude: readonly string[]): Suggestion[] {
  const [items, setItems] = useState<Suggestion[]>([]);
  const latest = useRef(0);
  const query = normalizeTag(currentSegment(text).segment);

  useEffect(() => {
    const seq = ++latest.current;
    if (!query) {
      setItems([]);
      return;
    }
    const timer = setTimeout(() => {
      void call('tags.complete', { query, limit: Math.min(100, LIMIT + exclude.length) }).then((result) => {
        if (seq !== latest.current) return;
        const onImage = new Set(exclude);
        // tags the image already has would only be refused as duplicates
        setItems(result.ok ? result.value.items.filter((t) => !onImage.has(t.name)).slice(0, LIMIT) : []);
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, exclude]);

  return items;
}
