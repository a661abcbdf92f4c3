import { describe, expect, it } from 'vitest';
import { runCaptionQueue, type QueueEndpoint } from '../../../../src-main/core/captioner/caption-queue';
import { VlmError } from '../../../../src-main/core/captioner/vlm-error';
import type { VlmClient } from '../../../../src-main/core/captioner/vlm-protocol';

/** a client whose answers the test controls, counting requests in flight */
function endpoint(name: string, concurrency: number, answer: (id: number, attempt: number) => Promise<string>) {
  const seen: number[] = [];
  let inFlight = 0;
  let most = 0;
  const attempts = new Map<number, number>();
  const client: VlmClient = {
    models: async () => [],
    async caption(req) {
      const id = Number(req.prompt);
      seen.push(id);
      attempts.set(id, (attempts.get(id) ?? 0) + 1);
      most = Math.max(most, ++inFlight);
      try {
        return await answer(id, attempts.get(id)!);
      } finally {
        inFlight--;
      }
    },
  };
  const e: QueueEndpoint = { name, client, concurrency };
  return { e, seen, most: () => most };
}

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i }));
const prepare = async (item: { id: number }) => ({ model: 'm', jpeg: Buffer.alloc(0), prompt: String(item.id), system: '' });
const tick = (ms = 1) => new Promise((r) => setTimeout(r, ms));

describe('the request queue', () => {
  it('keeps N requests in flight per endpoint, endpoints sharing the images', async () => {
    const a = endpoint('a', 3, async (id) => (await tick(2), `a${id}`));
    const b = endpoint('b', 2, async (id) => (await tick(2), `b${id}`));
    const answers = new Map<number, string>();
    const outcome = await runCaptionQueue({ items: items(40), endpoints: [a.e, b.e], prepare, timeoutMs: 1000, onAnswer: (i, raw) => answers.set(i.id, raw), onFailure: () => {} });
    expect(outcome).toEqual({ answered: 40, failed: 0, cancelled: false });
    expect(a.most()).toBe(3);
    expect(b.most()).toBe(2);
    expect(a.seen.length).toBeGreaterThan(0);
    expect(b.seen.length).toBeGreaterThan(0);
    expect([...a.seen, ...b.seen].sort((x, y) => x - y)).toEqual(items(40).map((i) => i.id));
    // each answer belongs to its own image
    for (const [id, raw] of answers) expect(raw.slice(1)).toBe(String(id));
  });

  it('tries a 429/5xx again with growing pauses, and fails anything else at once with the endpoint’s name', async () => {
    const a = endpoint('srv', 1, async (id, attempt) => {
      if (id === 0 && attempt < 3) throw new VlmError('Too many requests (429): slow down', true, null);
      if (id === 1) throw new VlmError('Not found (404): no model', false);
      if (id === 2) throw new VlmError('The server failed (500): boom', true, null);
      return 'ok';
    });
    const failures: [number, string][] = [];
    const outcome = await runCaptionQueue({ items: items(3), endpoints: [a.e], prepare, timeoutMs: 1000, backoffMs: 1, onAnswer: () => {}, onFailure: (i, reason) => failures.push([i.id, reason]) });
    expect(outcome).toEqual({ answered: 1, failed: 2, cancelled: false });
    expect(failures).toEqual([
      [1, 'srv: Not found (404): no model'],
      [2, 'srv: The server failed (500): boom (after 4 tries)'],
    ]);
    expect(a.seen.filter((id) => id === 0)).toHaveLength(3);
  });

  it('an image that cannot be prepared fails alone', async () => {
    const a = endpoint('a', 2, async () => 'ok');
    const failures: string[] = [];
    const outcome = await runCaptionQueue({
      items: items(3),
      endpoints: [a.e],
      prepare: async (item) => {
        if (item.id === 1) throw new Error('The image cannot be read: truncated');
        return prepare(item);
      },
      timeoutMs: 1000,
      onAnswer: () => {},
      onFailure: (_i, reason) => failures.push(reason),
    });
    expect(outcome).toMatchObject({ answered: 2, failed: 1 });
    expect(failures).toEqual(['The image cannot be read: truncated']);
  });

  it('a cancel sends nothing more and counts nothing for the requests it cut', async () => {
    const controller = new AbortController();
    const a = endpoint('a', 2, (id) =>
      id < 2 ? Promise.resolve('ok') : new Promise((_, reject) => controller.signal.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    const progress: number[] = [];
    const outcome = await runCaptionQueue({
      items: items(10),
      endpoints: [a.e],
      prepare,
      timeoutMs: 1000,
      signal: controller.signal,
      onAnswer: () => {},
      onFailure: () => {},
      onProgress: (p) => {
        progress.push(p.done);
        if (p.done === 2) setTimeout(() => controller.abort(), 5);
      },
    });
    expect(outcome).toEqual({ answered: 2, failed: 0, cancelled: true });
    expect(a.seen).toEqual([0, 1, 2, 3]);
  });
});
