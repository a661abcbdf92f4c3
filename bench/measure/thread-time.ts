import { readFileSync } from 'node:fs';

/**
 * The main thread's own clock, from Linux's schedstat: how long it ran on a
 * core and how long it waited, runnable, for one. On a shared machine a wall
 * time is mostly other people's work; these two say how much was ours.
 * Zeros where /proc is not there.
 */
export interface ThreadTime {
  cpuMs: number;
  queuedMs: number;
}

const path = `/proc/self/task/${process.pid}/schedstat`;

function read(): [number, number] {
  try {
    const [run, wait] = readFileSync(path, 'utf8').split(' ').map(Number);
    return [run ?? 0, wait ?? 0];
  } catch {
    return [0, 0];
  }
}

export async function threadTimed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; thread: ThreadTime }> {
  const [run0, wait0] = read();
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  const [run1, wait1] = read();
  return { value, ms, thread: { cpuMs: (run1 - run0) / 1e6, queuedMs: (wait1 - wait0) / 1e6 } };
}
