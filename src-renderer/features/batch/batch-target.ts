import type { BatchTarget } from '../../../src-shared/contract/index';
import type { TargetKind } from './batch-text';

export interface TargetInputs {
  /** selected ids, in list order */
  selected: readonly number[];
  filterQuery: string;
  filterIds: readonly number[] | null;
  filterHasError: boolean;
  /** set when the filter's ids came from another view, not from a query */
  filterLabel: string | null;
  total: number;
}

export type BuiltTarget = { target: BatchTarget; count: number; reason: null } | { target: null; count: number; reason: string };

const none = (reason: string, count = 0): BuiltTarget => ({ target: null, count, reason });

/**
 * Which images a batch edit goes to, as the contract names them. "Filtered"
 * sends the query, so main applies the edit to exactly what the query matches
 * when it runs; a set handed over by another view has no query, so its ids go instead.
 */
export function buildTarget(kind: TargetKind, inputs: TargetInputs): BuiltTarget {
  switch (kind) {
    case 'selected':
      if (inputs.selected.length === 0) return none('Select images first: click, Shift-click, Ctrl-click, or Select all');
      return { target: { kind: 'selected', ids: [...inputs.selected] }, count: inputs.selected.length, reason: null };
    case 'filtered': {
      const ids = inputs.filterIds;
      if (ids === null) return none('No filter is on: type one above the image');
      if (inputs.filterHasError) return none('The filter has an error: fix it first', ids.length);
      if (ids.length === 0) return none('The filter shows no images');
      if (inputs.filterLabel !== null || inputs.filterQuery.trim() === '') {
        return { target: { kind: 'selected', ids: [...ids] }, count: ids.length, reason: null };
      }
      return { target: { kind: 'filtered', query: inputs.filterQuery }, count: ids.length, reason: null };
    }
    case 'all':
      if (inputs.total === 0) return none('The dataset has no images');
      return { target: { kind: 'all' }, count: inputs.total, reason: null };
  }
}

/** the target a fresh panel starts on: what the user most likely means */
export const defaultTarget = (inputs: TargetInputs): TargetKind =>
  inputs.selected.length > 0 ? 'selected' : inputs.filterIds !== null ? 'filtered' : 'all';
