import { describe, expect, it } from 'vitest';
import { runKillNineEdits } from './kill-nine/run-kill-nine';

/**
 * The short run of the kill -9 harness (`npm run torture` runs 200 trials):
 * the real api host in a process of its own, editing captions as fast as
 * they are acknowledged, killed with SIGKILL at a random moment.
 */
describe('a host killed with SIGKILL in the middle of caption edits', () => {
  it('loses no acknowledged edit, tears no caption, leaves no file the next open keeps, and opens again', { timeout: 120_000 }, async () => {
    const report = await runKillNineEdits(4, 11);
    expect(report.problems).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(0);
    expect([report.losses, report.tears, report.leftovers, report.badReopens]).toEqual([0, 0, 0, 0]);
  });
});
