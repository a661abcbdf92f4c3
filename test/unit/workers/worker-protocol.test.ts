import { describe, expect, it } from 'vitest';
import { serveRequests } from '../../../src-main/workers/worker-protocol';

type Sums = {
  add: { task: { a: number; b: number }; result: number };
  join: { task: { parts: string[] }; result: string };
};

describe('serveRequests', () => {
  it('hands each request to the handler of its kind and answers what that handler gave', async () => {
    const serve = serveRequests<Sums>({
      add: ({ a, b }) => a + b,
      join: async ({ parts }) => parts.join('-'),
    });
    expect(await serve({ kind: 'add', a: 2, b: 3 })).toBe(5);
    expect(await serve({ kind: 'join', parts: ['x', 'y'] })).toBe('x-y');
  });

  it('answers a handler that throws with a rejection, as a worker error crosses to main', async () => {
    const serve = serveRequests<Sums>({
      add: () => {
        throw new Error('no sums today');
      },
      join: ({ parts }) => parts.join(''),
    });
    await expect(serve({ kind: 'add', a: 1, b: 1 })).rejects.toThrow('no sums today');
  });
});
