import { describe, expect, it } from 'vitest';
import { stateFromRow } from '../../../../src-main/core/session/caption-loader';
import type { CaptionRow } from '../../../../src-main/core/store/index-database';

const row: CaptionRow = { imageId: 1, onDisk: true, fingerprint: 'f', size: 9, mtimeMs: 1, encoding: 'utf8', bom: false, lineEnding: 'none', text: ' a, b ,, a ' };

describe('a caption state from the index', () => {
  it('gives its tags when read, keeps them when serialised, and takes new ones', () => {
    const state = stateFromRow(row);
    expect(state.tags).toEqual(['a', 'b', 'a']);
    expect(state.tags).toBe(state.tags); // parsed once
    const copy = JSON.parse(JSON.stringify(state));
    expect(copy).toEqual({ text: row.text, tags: ['a', 'b', 'a'], format: { encoding: 'utf8', bom: false, lineEnding: 'none' }, exists: true, fingerprint: 'f', size: 9, mtimeMs: 1, revision: 0, conflict: null });
    state.tags = ['c'];
    expect(state.tags).toEqual(['c']);
    expect(copy.tags).toEqual(['a', 'b', 'a']);
  });

  it('says why a caption could not be read, and is empty', () => {
    const state = stateFromRow({ ...row, text: '' }, 'not valid UTF-8');
    expect(state.readError).toBe('not valid UTF-8');
    expect(state.tags).toEqual([]);
    expect('readError' in stateFromRow(row)).toBe(false);
  });
});
