import { describe, expect, it } from 'vitest';
import { runKillScenario } from './kill-nine/run-scenario';
import { SCENARIOS } from './kill-nine/scenarios';

/**
 * The short run of the kill -9 scenarios (`npm run torture` runs 30 trials
 * each, on 1,000 to 2,000 images): one trial each on a small dataset, the
 * real api host in a process of its own killed with SIGKILL partway through
 * a batch, an undo, an import, an export, a thumbnail job, an auto-tag apply.
 */
describe('a host killed with SIGKILL in the middle of long work', () => {
  for (const scenario of SCENARIOS) {
    it(`during ${scenario.title(scenario.sizes.short)}: nothing torn or lost, nothing left, and the next open resumes`, { timeout: 300_000 }, async () => {
      const t = await runKillScenario(scenario, { trials: 1, size: scenario.sizes.short, seed: 5 });
      expect(t.problems).toEqual([]);
      expect([t.losses, t.tears, t.leftovers, t.badReopens]).toEqual([0, 0, 0, 0]);
      expect(t.trials).toBe(1);
    });
  }
});
