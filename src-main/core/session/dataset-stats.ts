import type { ImageStatus, Stats } from '../../../src-shared/contract';
import { statusOf, type ImageEntry } from './image-entry';

/**
 * How many images are tagged, skipped and still to do, kept up to date
 * image by image: every edit announces the stats, and a recount per edit is
 * 100,000 status checks. The session takes an image out before its caption
 * or skip flag changes and puts it back after.
 */
export class StatusTally {
  private readonly counts: Record<ImageStatus, number> = { todo: 0, tagged: 0, skip: 0 };

  add(entry: ImageEntry): void {
    this.counts[statusOf(entry)]++;
  }

  remove(entry: ImageEntry): void {
    this.counts[statusOf(entry)]--;
  }

  merge(other: StatusTally): void {
    for (const status of Object.keys(this.counts) as ImageStatus[]) this.counts[status] += other.counts[status];
  }

  stats(): Stats {
    const { todo, tagged, skip } = this.counts;
    const countable = todo + tagged;
    return {
      total: todo + tagged + skip,
      tagged,
      skipped: skip,
      remaining: todo,
      percent: countable === 0 ? 0 : Math.round((tagged / countable) * 1000) / 10,
    };
  }
}
