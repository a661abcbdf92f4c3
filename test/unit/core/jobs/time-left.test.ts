import { describe, expect, it } from 'vitest';
import { formatDuration, withTimeLeft } from '../../../../src-main/core/jobs/time-left';

describe('time left in a job label', () => {
  it('reads as a person says it: seconds under a minute, then minutes, then hours and minutes', () => {
    expect(formatDuration(0.2)).toBe('1 s');
    expect(formatDuration(59)).toBe('59 s');
    expect(formatDuration(61)).toBe('1 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3 * 3600 + 25 * 60)).toBe('3 h 25 min');
  });

  it('adds the time left once it is known, never "3600 s"', () => {
    expect(withTimeLeft('Tagging images', null)).toBe('Tagging images');
    expect(withTimeLeft('Tagging images', 3_600_000)).toBe('Tagging images, about 1 h left');
    expect(withTimeLeft('Captioning images', 42_000)).toBe('Captioning images, about 42 s left');
  });
});
