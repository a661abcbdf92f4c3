import type { Stats } from '../../../src-shared/contract';
import { statusOf, type ImageEntry } from './image-entry';

export function computeStats(entries: Iterable<ImageEntry>): Stats {
  let total = 0;
  let tagged = 0;
  let skipped = 0;
  for (const e of entries) {
    total++;
    const s = statusOf(e);
    if (s === 'skip') skipped++;
    else if (s === 'tagged') tagged++;
  }
  const countable = total - skipped;
  return {
    total,
    tagged,
    skipped,
    remaining: countable - tagged,
    percent: countable === 0 ? 0 : Math.round((tagged / countable) * 1000) / 10,
  };
}
