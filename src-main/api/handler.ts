import type { ChannelArgs, ChannelName, ChannelOutput } from '../../src-shared/contract';
import type { Workspace } from '../core/app/workspace';
import type { TaggerPool } from '../core/autotag/tagger-protocol';
import type { SecretStore } from '../core/captioner/secret-store';
import type { ExportProtocol } from '../core/export/export-protocol';
import type { ImageService } from '../core/images/image-service';
import type { ThreadPool } from '../core/perf/thread-pool';
import type { Platform } from './api-host';

export interface ApiContext {
  workspace: Workspace;
  images: ImageService;
  /** the export's and its check's threads */
  exportPool: ThreadPool<ExportProtocol>;
  platform: Platform;
  /** the tagging model's thread, started on first use */
  tagger: () => TaggerPool;
  /** captioning backends' API keys: safeStorage on the desktop, memory in serve unless the user opts in */
  secrets: SecretStore;
}

/** One contract channel's implementation: input already parsed by zod; throw AppError to fail. */
export type Handler<K extends ChannelName> = (
  args: ChannelArgs<K>,
  ctx: ApiContext,
) => Promise<ChannelOutput<K>> | ChannelOutput<K>;

export type HandlerMap = { [K in ChannelName]: Handler<K> };
