import { isVlmError } from './vlm-error';
import type { CaptionRequest, VlmClient } from './vlm-protocol';

/**
 * One captioning run's requests: a shared queue of images drained by
 * `concurrency` requests in flight per endpoint, so several endpoints take
 * turns and a faster one takes more. A 429 or a 5xx is tried again after a
 * pause that doubles (or as long as the server asked); anything else fails
 * the image at once and the run goes on. Cancel stops new requests and
 * aborts those in flight.
 */
export interface QueueItem {
  id: number;
}

export interface QueueEndpoint {
  name: string;
  client: VlmClient;
  concurrency: number;
}

export interface QueueProgress {
  total: number;
  done: number;
  failed: number;
  /** at the pace so far; null before the first answer */
  etaMs: number | null;
}

export interface CaptionQueueOptions<T extends QueueItem> {
  items: readonly T[];
  endpoints: readonly QueueEndpoint[];
  /** the image and its prompt (read and downscaled here: a failure fails this image only) */
  prepare(item: T): Promise<CaptionRequest>;
  timeoutMs: number;
  /** tries per image on 429/5xx, the first included */
  attempts?: number;
  /** the first pause; each next one doubles */
  backoffMs?: number;
  /** the longest pause, whatever Retry-After says */
  maxBackoffMs?: number;
  signal?: AbortSignal;
  onAnswer(item: T, raw: string, endpoint: string): void;
  onFailure(item: T, reason: string, raw: string): void;
  onProgress?(progress: QueueProgress): void;
  now?: () => number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

export async function runCaptionQueue<T extends QueueItem>(options: CaptionQueueOptions<T>): Promise<{ answered: number; failed: number; cancelled: boolean }> {
  const { items, signal } = options;
  const attempts = options.attempts ?? 4;
  const backoff = options.backoffMs ?? 1000;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  const now = options.now ?? (() => performance.now());
  const started = now();
  let next = 0;
  let answered = 0;
  let failed = 0;

  const report = () => {
    const finished = answered + failed;
    options.onProgress?.({
      total: items.length,
      done: finished,
      failed,
      etaMs: finished > 0 ? ((items.length - finished) * (now() - started)) / finished : null,
    });
  };

  const one = async (item: T, endpoint: QueueEndpoint) => {
    let request: CaptionRequest;
    try {
      request = await options.prepare(item);
    } catch (err) {
      failed++;
      options.onFailure(item, (err as Error).message, '');
      return;
    }
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) return;
      try {
        const raw = await endpoint.client.caption(request, options.timeoutMs, signal);
        answered++;
        options.onAnswer(item, raw, endpoint.name);
        return;
      } catch (err) {
        if (signal?.aborted) return;
        if (isVlmError(err) && err.retryable && attempt < attempts) {
          await sleep(Math.min(maxBackoff, err.retryAfterMs ?? backoff * 2 ** (attempt - 1)), signal);
          continue;
        }
        failed++;
        const reason = isVlmError(err) ? err.message : `The request failed: ${(err as Error).message}`;
        const tries = attempt > 1 ? ` (after ${attempt} tries)` : '';
        options.onFailure(item, `${endpoint.name}: ${reason}${tries}`, isVlmError(err) ? err.body : '');
        return;
      }
    }
  };

  const lane = async (endpoint: QueueEndpoint) => {
    while (!signal?.aborted && next < items.length) {
      const item = items[next++]!;
      await one(item, endpoint);
      report();
    }
  };

  report();
  const lanes = options.endpoints.flatMap((e) => Array.from({ length: Math.max(1, e.concurrency) }, () => lane(e)));
  await Promise.all(lanes);
  return { answered, failed, cancelled: signal?.aborted === true && answered + failed < items.length };
}
