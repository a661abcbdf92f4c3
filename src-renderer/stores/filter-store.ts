import { create } from 'zustand';
import { call } from '../transport/api';

export interface QueryError {
  message: string;
  start: number;
  end: number;
}

/**
 * Which images are shown: all of them, those matching the filter query
 * (evaluated in main over the whole dataset), or an explicit set handed over
 * by another view (the export check's "show these images"). `ids` null = all.
 */
interface FilterState {
  query: string;
  ids: readonly number[] | null;
  error: QueryError | null;
  /** set when `ids` came from somewhere other than the query, e.g. "Images under 256 px" */
  label: string | null;
}

export const useFilterStore = create<FilterState>()(() => ({ query: '', ids: null, error: null, label: null }));

let sequence = 0;

/** run a query; a stale answer (the user typed on) is dropped */
export async function applyFilter(query: string): Promise<void> {
  const mine = ++sequence;
  useFilterStore.setState({ query, label: null });
  if (query.trim() === '') {
    useFilterStore.setState({ ids: null, error: null });
    return;
  }
  const result = await call('images.filter', { query });
  if (mine !== sequence) return;
  if (!result.ok) {
    // the query could not be run at all (no session, connection lost): say so over the whole query
    const message = `Could not filter: ${result.error.message}`;
    useFilterStore.setState({ error: { message, start: 0, end: query.length } });
    return;
  }
  useFilterStore.setState(
    result.value.error ? { error: result.value.error } : { ids: result.value.ids, error: null },
  );
}

export function showImages(ids: readonly number[], label: string): void {
  sequence++;
  useFilterStore.setState({ query: '', ids, error: null, label });
}

export function clearFilter(): void {
  sequence++;
  useFilterStore.setState({ query: '', ids: null, error: null, label: null });
}
