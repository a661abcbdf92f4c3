import { randomUUID } from 'node:crypto';
import type { JobKind } from '../../../src-shared/contract';
import { AppError } from '../app-error';
import type { EventBus } from '../events/event-bus';

export interface JobContext {
  readonly signal: AbortSignal;
  progress(done: number, total: number, label?: string): void;
}

/** progress events at most this often: a 100,000-file scan must not flood the renderer */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Long work (scan, import, thumbnails, batch edits, export): each job has an
 * id, reports progress as events and can be cancelled by that id.
 */
export class JobRunner {
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly bus: EventBus) {}

  async run<T>(kind: JobKind, label: string, work: (ctx: JobContext) => Promise<T>, outer?: AbortSignal): Promise<T> {
    const jobId = randomUUID();
    const controller = new AbortController();
    const onOuterAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    this.running.set(jobId, controller);

    let lastSent = 0;
    let currentLabel = label;
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (done, total, newLabel) => {
        if (newLabel) currentLabel = newLabel;
        const now = Date.now();
        if (done < total && now - lastSent < PROGRESS_INTERVAL_MS) return;
        lastSent = now;
        this.bus.emit('job.progress', { jobId, kind, label: currentLabel, done, total });
      },
    };
    this.bus.emit('job.progress', { jobId, kind, label, done: 0, total: 0 });
    try {
      const result = await work(ctx);
      controller.signal.throwIfAborted();
      this.bus.emit('job.finished', { jobId, kind, outcome: 'done' });
      return result;
    } catch (err) {
      if (controller.signal.aborted) {
        this.bus.emit('job.finished', { jobId, kind, outcome: 'cancelled' });
        throw new AppError('cancelled', `${label}: cancelled`);
      }
      this.bus.emit('job.finished', { jobId, kind, outcome: 'failed', message: (err as Error).message });
      throw err;
    } finally {
      this.running.delete(jobId);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }

  cancel(jobId: string): boolean {
    const controller = this.running.get(jobId);
    controller?.abort(new AppError('cancelled', 'cancelled'));
    return controller !== undefined;
  }

  cancelAll(): void {
    for (const c of this.running.values()) c.abort(new AppError('cancelled', 'cancelled'));
  }
}
