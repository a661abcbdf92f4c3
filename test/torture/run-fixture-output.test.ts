import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFixture } from '../support/run-fixture';

/**
 * The bad-files full run's host reports 50,000 files in one line of a few
 * megabytes and exits; an exit before the pipe has taken it all, or a runner
 * that stops reading when the process exits, loses the end of it and the
 * harness fails to parse its own report.
 */
describe('a fixture process that prints a lot and exits at once', () => {
  it('is read to its last byte', { timeout: 60_000 }, async () => {
    const size = 4 * 1024 * 1024;
    const run = await runFixture(join(import.meta.dirname, 'fixtures', 'loud-exit.ts'), [String(size)]);
    expect(run.signal).toBeNull();
    expect(run.out.length).toBe(size + 1);
  });
});
