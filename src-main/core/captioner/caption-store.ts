import type { IndexChannel } from '../store/index-channel';
import type { CaptionResultRow, CaptionRunRow, CaptionStatus } from '../store/index-database';

/** rows per request, so one huge run never becomes one huge message */
const CHUNK = 1000;

/**
 * Caption runs and their answers in session.sqlite, through the index thread
 * (see migration 007).
 */
export class CaptionStore {
  constructor(private readonly index: IndexChannel) {}

  startRun(run: { model: string; backends: readonly string[]; prompt: string; settings: string }, at = Date.now()): Promise<number> {
    return this.index.call('startCaptionRun', run.model, run.backends, run.prompt, run.settings, at);
  }

  finishRun(runId: number, at = Date.now()): Promise<void> {
    return this.index.call('finishCaptionRun', runId, at);
  }

  runs(): Promise<CaptionRunRow[]> {
    return this.index.call('captionRuns');
  }

  async run(runId: number): Promise<CaptionRunRow | null> {
    return (await this.runs()).find((r) => r.id === runId) ?? null;
  }

  async put(runId: number, rows: readonly CaptionResultRow[]): Promise<void> {
    for (let at = 0; at < rows.length; at += CHUNK) await this.index.call('putCaptionResults', runId, rows.slice(at, at + CHUNK));
  }

  async answered(runId: number): Promise<Set<number>> {
    return new Set(await this.index.call('answeredImageIds', runId));
  }

  page(runId: number, status: CaptionStatus | null, offset: number, limit: number): Promise<{ total: number; rows: CaptionResultRow[] }> {
    return this.index.call('captionResultsPage', runId, status, offset, limit);
  }

  of(runId: number, imageIds: readonly number[] | null): Promise<CaptionResultRow[]> {
    return this.index.call('captionResultsOf', runId, imageIds);
  }

  ofImage(imageId: number): Promise<(CaptionResultRow & { runId: number })[]> {
    return this.index.call('imageCaptionResults', imageId);
  }

  async accept(runId: number, rows: readonly { imageId: number; text: string }[]): Promise<void> {
    for (let at = 0; at < rows.length; at += CHUNK) await this.index.call('acceptCaptionResults', runId, rows.slice(at, at + CHUNK));
  }

  async setStatus(runId: number, imageIds: readonly number[], status: CaptionStatus): Promise<void> {
    for (let at = 0; at < imageIds.length; at += CHUNK) await this.index.call('setCaptionStatus', runId, imageIds.slice(at, at + CHUNK), status);
  }
}
