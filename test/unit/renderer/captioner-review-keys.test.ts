import { describe, expect, it } from 'vitest';
import { type ReviewKeyPress, reviewKeyFor } from '../../../src-renderer/features/captioner/review-keys';

const press = (key: string, patch: Partial<ReviewKeyPress> = {}): ReviewKeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inEditBox: false,
  onCard: true,
  ...patch,
});

describe('keys on a suggestion in the captions review', () => {
  it('accept, edit and reject with one key on a focused card, either case', () => {
    expect(reviewKeyFor(press('a'))).toBe('accept');
    expect(reviewKeyFor(press('E'))).toBe('edit');
    expect(reviewKeyFor(press('r'))).toBe('reject');
  });

  it('moves between cards with the arrows (also from a card’s button) and J K', () => {
    expect(reviewKeyFor(press('ArrowDown', { onCard: false }))).toBe('next');
    expect(reviewKeyFor(press('ArrowUp'))).toBe('previous');
    expect(reviewKeyFor(press('j'))).toBe('next');
    expect(reviewKeyFor(press('k'))).toBe('previous');
  });

  it('leaves letters to a focused button, and Ctrl A, Ctrl R to the app and the browser', () => {
    expect(reviewKeyFor(press('a', { onCard: false }))).toBeNull();
    expect(reviewKeyFor(press('a', { ctrlKey: true }))).toBeNull();
    expect(reviewKeyFor(press('r', { metaKey: true }))).toBeNull();
    expect(reviewKeyFor(press('a', { altKey: true }))).toBeNull();
  });

  it('in the edit box: typing is typing, Ctrl Enter accepts the edit, Escape leaves it', () => {
    expect(reviewKeyFor(press('a', { inEditBox: true, onCard: false }))).toBeNull();
    expect(reviewKeyFor(press('ArrowDown', { inEditBox: true, onCard: false }))).toBeNull();
    expect(reviewKeyFor(press('Enter', { inEditBox: true, ctrlKey: true }))).toBe('accept-edited');
    expect(reviewKeyFor(press('Enter', { inEditBox: true }))).toBeNull();
    expect(reviewKeyFor(press('Escape', { inEditBox: true }))).toBe('cancel-edit');
  });
});
