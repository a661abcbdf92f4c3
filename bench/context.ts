import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ApiHost } from '../src-main/api/api-host';
import type { Workspace } from '../src-main/core/app/workspace';
import type { ChannelOutput } from '../src-shared/contract';
import type { Result } from '../src-shared/result';
import type { BenchArgs } from './args';

/** what every phase of one run gets */
export interface RunContext {
  api: ApiHost & { workspace: Workspace };
  /** the generated set (read only: phases stage their own copies) */
  datasetDir: string;
  /** this run's temp folder */
  workDir: string;
  /** the app's cache folder for this run */
  cacheDir: string;
  run: number;
  cores: number;
  vocabulary: readonly string[];
  args: BenchArgs;
  log(line: string): void;
  /** run the bench's own tooling (cp, vipsthumbnail) with the stall monitors paused: its stalls are not the app's */
  harness<T>(work: () => Promise<T>): Promise<T>;
}

/** a phase's figures, by name; NaN where it could not measure */
export type Figures = Record<string, number>;

export function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * One page of images.list through the api host, typed as the renderer's
 * transport types it. Each page is asked in a turn of its own, as a message
 * over IPC or the WebSocket arrives: called in process, twenty pages would
 * otherwise run back to back in one turn, which no transport does.
 */
export const listPage =
  (ctx: RunContext) =>
  async (page: { offset: number; limit: number }): Promise<Result<ChannelOutput<'images.list'>>> => {
    await nextTurn();
    return ctx.api.invoke('images.list', page) as Promise<Result<ChannelOutput<'images.list'>>>;
  };
