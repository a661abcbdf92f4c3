import { describe, expect, it } from 'vitest';
import { acceptedCaption, addressProblem, againText, runLabel, runText } from '../../../src-renderer/features/captioner/captioner-text';

describe('captioning panel sentences', () => {
  it('says what a run did, what it took over and whether it was cut short', () => {
    expect(runText({ captioned: 3, failed: 0, skipped: 0, cancelled: false })).toBe('Captioned 3 images');
    expect(runText({ captioned: 1, failed: 2, skipped: 0, cancelled: false })).toBe('Captioned 1 image, 2 failed');
    expect(runText({ captioned: 0, failed: 0, skipped: 1200, cancelled: true })).toBe(
      'Cancelled. No image captioned, 1,200 answered before, not sent again. The same settings again go on where it stopped',
    );
    expect(againText(1)).toBe('Caption the 1 rejected image again');
  });

  it('names a run by number, model, size and what is left to review', () => {
    const label = runLabel({ id: 3, model: 'qwen2.5vl:7b', startedAt: Date.UTC(2026, 11, 4, 12, 0), images: 12, pending: 5 });
    expect(label).toMatch(/^#3 · qwen2\.5vl:7b · 12 images · 5 to review · 4 Dec/);
    expect(runLabel({ id: 1, model: 'm', startedAt: 0, images: 1, pending: 0 })).not.toMatch(/to review/);
  });
});

describe('the caption an accept would write (as main writes it)', () => {
  it('replace: the suggestion alone, a person’s edit with its whitespace runs as one space', () => {
    expect(acceptedCaption('cat, outdoors', 'A cat sits on a wall.', 'replace')).toBe('A cat sits on a wall.');
    expect(acceptedCaption('x', '  A cat\n sits. ', 'replace')).toBe('A cat sits.');
  });

  it('append: after the existing tags, with the dataset’s separator, never twice', () => {
    expect(acceptedCaption('cat, outdoors', 'A cat sits on a wall.', 'append')).toBe('cat, outdoors, A cat sits on a wall.');
    expect(acceptedCaption('cat,outdoors,', 'A cat.', 'append', ',')).toBe('cat,outdoors,A cat.');
    expect(acceptedCaption('', 'A cat.', 'append')).toBe('A cat.');
    expect(acceptedCaption('cat, A cat.', 'A cat.', 'append')).toBe('cat, A cat.');
  });
});

describe('a backend address the form refuses before main does', () => {
  it('says what the address must be, in the contract’s own rule, where main would say only that the request was malformed', () => {
    expect(addressProblem('  ')).toBe('Type the server’s address, such as http://127.0.0.1:11434');
    // a browser's URL field takes this (the scheme would be "localhost:")
    expect(addressProblem('localhost:11434')).toBe('The server’s address must be an http:// or https:// URL');
    expect(addressProblem('not an address')).toBe('The server’s address must be a URL such as http://127.0.0.1:11434');
    expect(addressProblem(`http://example.com/${'a'.repeat(2000)}`)).toBe('The server’s address must be at most 2,000 characters long');
    expect(addressProblem(' http://127.0.0.1:11434 ')).toBeNull();
    expect(addressProblem('https://api.example.com/v1')).toBeNull();
  });
});
