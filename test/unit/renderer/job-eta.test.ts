import { describe, expect, it } from 'vitest';
import { etaText, secondsLeft } from '../../../src-renderer/logic/job-eta';

describe('time left of a job', () => {
  it('goes by the rate since the first progress seen', () => {
    // 10 images in 5 s, 90 to go: 45 s
    expect(secondsLeft({ at: 1000, done: 0 }, { at: 6000, done: 10 }, 100)).toBe(45);
    // a resumed run starts at 50 done: only what moved since counts
    expect(secondsLeft({ at: 0, done: 50 }, { at: 10_000, done: 60 }, 100)).toBe(40);
  });

  it('says nothing until there is a rate', () => {
    expect(secondsLeft({ at: 0, done: 0 }, { at: 0, done: 0 }, 10)).toBeNull();
    expect(secondsLeft({ at: 0, done: 3 }, { at: 5000, done: 3 }, 10)).toBeNull();
    expect(etaText(null)).toBeNull();
  });

  it('reads as a person would say it', () => {
    expect(etaText(0.4)).toBe('almost done');
    expect(etaText(12.2)).toBe('13 s left');
    expect(etaText(185)).toBe('about 3 min left');
    expect(etaText(3600)).toBe('about 1 h left');
    expect(etaText(4800)).toBe('about 1 h 20 min left');
  });
});
