import { describe, expect, it } from 'vitest';
import { stateFromRow } from '../../../../src-main/core/session/caption-loader';
import type { CaptionRow } from '../../../../src-main/core/store/index-database';

const row: CaptionRow = { imageId: 1, onDisk: true, fingerprint: 'f', size: 9, mtimeMs: 1, encoding: 'utf8', bom: false, lineEnding: 'none', text: ' a, b ,, a ' };

describe('a caption state from the index', () => {
  it('gives its tags when read, keeps them when spread or copied, and takes new ones', () => {
    const state = stateFromRow(row);
    expect(state.tags).toEqual(['a', 'b', 'a']);
    expect(state.tags).toBe(state.tags); // parsed once
    const copy = { ...state, readError: 'x' };
    expect(copy.tags).toEqual(['a', 'b', 'a']);
    expect(JSON.parse(JSON.stringify(state)).tags).toEqual(['a', 'b', 'a']);
    state.tags = ['c'];
    expect(state.tags).toEqual(['c']);
    expect(copy.tags).toEqual(['a', 'b', 'a']);
  });
});
