import { afterAll } from 'vitest';
import type { ThreadPools } from '../../src-main/core/perf/thread-pools';
import { createThreadPools } from '../../src-main/workers/thread-pools';

/**
 * The worker pools a test file's code runs on, made as createApiHost makes
 * them (no thread starts before its first call) and ended after the file's
 * last test. Call it at the top of the file.
 */
export function testThreadPools(): ThreadPools {
  const pools = createThreadPools();
  afterAll(() => pools.close());
  return pools;
}
