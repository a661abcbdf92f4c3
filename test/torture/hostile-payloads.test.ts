import { describe, expect, it } from 'vitest';
import { runHostilePayloads, type HostileSummary } from './hostile-payloads/run-hostile';

/**
 * The short run of the hostile-payload harness (`npm run torture` runs
 * 5,000 a channel, megabyte values among them): every contract channel, 100
 * generated payloads through dispatch and 100 through the served WebSocket,
 * then the frames only a socket can send, at `lora-tagger serve` running in
 * a sandbox of its own.
 */
describe('hostile payloads on every channel, both transports', () => {
  let summary: HostileSummary;

  it('are answered, never crash the host or go unhandled', { timeout: 120_000 }, async () => {
    summary = await runHostilePayloads({ perChannel: 100, hugePerChannel: 0, seed: 18 });
    expect(summary.payloads.dispatch + summary.payloads.ws).toBeGreaterThanOrEqual(2 * 100 * 35);
    expect(summary.crashes).toEqual([]);
    expect(summary.thrown).toEqual([]);
    expect(summary.unhandledRejections).toEqual([]);
    // some reach the handlers and succeed, so the checks below see writes that were asked for
    expect(summary.answers.ok).toBeGreaterThan(0);
  });

  it('write nothing outside the dataset and the app’s folders, and nothing in the dataset unasked', () => {
    expect(summary.outsideWrites).toEqual([]);
    expect(summary.unaskedWrites).toEqual([]);
  });
});
