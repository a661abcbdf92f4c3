import { describe, expect, it } from 'vitest';
import { serveRequests } from '../../../src-main/workers/worker-protocol';

type Sums = {
  add: { task: { a: number; b: number }; result: number };
  join: { task: { parts: string[] }; result: string };
  /** a task with a field named like the request's own kind (a render task's thumbnail or preview) */
  shape: { task: { kind: 'thumb' | 'preview' }; result: string };
};

describe('serveRequests', () => {
  it('hands each request’s task to the handler of its kind and answers what that handler gave', async () => {
    const serve = serveRequests<Sums>({
      add: ({ a, b }) => a + b,
      join: async ({ parts }) => parts.join('-'),
      shape: ({ kind }) => kind,
    });
    expect(await serve({ kind: 'add', task: { a: 2, b: 3 } })).toBe(5);
    expect(await serve({ kind: 'join', task: { parts: ['x', 'y'] } })).toBe('x-y');
    // the request's kind never overwrites the task's own field of that name
    expect(await serve({ kind: 'shape', task: { kind: 'thumb' } })).toBe('thumb');
  });

  it('answers a handler that throws with a rejection, as a worker error crosses to main', async () => {
    const serve = serveRequests<Sums>({
      add: () => {
        throw new Error('no sums today');
      },
      join: ({ parts }) => parts.join(''),
      shape: ({ kind }) => kind,
    });
    await expect(serve({ kind: 'add', task: { a: 1, b: 1 } })).rejects.toThrow('no sums today');
  });
});
