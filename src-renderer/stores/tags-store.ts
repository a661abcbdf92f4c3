import { create } from 'zustand';
import { applyTagDeltas, type TagCountMap, toCountMap } from '../logic/tag-counts';
import { api, call } from '../transport/api';

interface TagsState {
  /** every tag in the dataset with the number of images carrying it */
  counts: TagCountMap;
  /** the tags used last, most recent first */
  recent: string[];
}

const empty = (): TagsState => ({ counts: new Map(), recent: [] });

export const useTagsStore = create<TagsState>()(empty);

export async function loadTags(): Promise<void> {
  const [list, recent] = await Promise.all([call('tags.list', {}), call('tags.recent', {})]);
  useTagsStore.setState({
    counts: list.ok ? toCountMap(list.value.tags) : new Map(),
    recent: recent.ok ? recent.value.tags : [],
  });
}

export async function refreshRecentTags(): Promise<void> {
  const recent = await call('tags.recent', {});
  if (recent.ok) useTagsStore.setState({ recent: recent.value.tags });
}

export const resetTags = () => useTagsStore.setState(empty());

api.on('tags.changed', ({ changes }) =>
  useTagsStore.setState((s) => ({ counts: applyTagDeltas(s.counts, changes) })),
);
