import { Workspace } from '../core/app/workspace';
import { runningExportsDir, sweepAbandonedExports } from '../core/export';
import { ImageService } from '../core/images/image-service';
import { warmUpFolderIn } from '../core/store/folder-sync-warm-up';
import { MemorySecretStore, type SecretStore } from '../core/captioner/secret-store';
import type { ApiHost, EventListener, Platform } from './api-host';
import { dispatch } from './dispatch';
import { createIndexThreads } from '../workers/index-thread';
import { createTaggerPool } from '../workers/tagger-pool';
import { createThreadPools } from '../workers/thread-pools';
import type { ApiContext } from './handler';

export interface ApiHostOptions {
  /** the command line's --output-dir and --prefix */
  defaults?: { outputDir: string; prefix: string };
  /** serve: the folders exports may be written in; absent, anywhere (the desktop's save dialog, the export command's --out) */
  exportRoots?: readonly string[];
  /** where captioning backends' API keys are kept; by default this process's memory */
  secrets?: SecretStore;
  /**
   * start the scan's threads with the host (the desktop, serve): a person
   * picks a folder meanwhile, and its first open or import does not wait for
   * them. Idle, they end after the pool's idle time, as after any scan.
   * The index thread waiting for that open makes its code warm likewise.
   */
  startScanThreads?: boolean;
}

/** Wire core to a transport: the Electron shell, the serve transport and the api tests all start here. */
export function createApiHost(platform: Platform, options: ApiHostOptions = {}): ApiHost & { workspace: Workspace } {
  const indexThreads = createIndexThreads({ warmUpFolder: options.startScanThreads ? warmUpFolderIn(platform.cacheDir) : null });
  // every pool core runs on, made here and handed in: no domain file starts a thread (issue 15)
  const pools = createThreadPools();
  const workspace = new Workspace({
    userDataDir: platform.userDataDir,
    cacheDir: platform.cacheDir,
    allowedRoot: platform.servedFolder,
    openIndex: (path) => indexThreads.open(path),
    scanPool: pools.scan,
    ...(options.defaults ? { defaults: options.defaults } : {}),
    ...(options.exportRoots ? { exportRoots: options.exportRoots } : {}),
  });
  if (options.startScanThreads) workspace.expectOpen();
  const images = new ImageService(platform.cacheDir, pools);
  let tagger: ReturnType<typeof createTaggerPool> | null = null;
  const ctx: ApiContext = { workspace, images, exportPool: pools.export, platform, tagger: () => (tagger ??= createTaggerPool()), secrets: options.secrets ?? new MemorySecretStore() };
  // what exports killed in an earlier run left beside their destinations; never throws
  const swept = sweepAbandonedExports(runningExportsDir(platform.userDataDir));
  let shutdown: Promise<void> | null = null;

  return {
    workspace,
    invoke: (channel, payload) => dispatch(channel, payload, ctx),
    subscribe: (listener: EventListener) => workspace.bus.subscribe(listener),
    async image(id, kind) {
      const session = workspace.current();
      if (!session) return { ok: false, status: 404, message: 'No folder is open' };
      return images.serve(session, id, kind);
    },
    shutdown() {
      shutdown ??= (async () => {
        await workspace.shutdown();
        await swept;
        await images.close();
        await pools.close();
        await tagger?.destroy();
        await indexThreads.close();
      })();
      return shutdown;
    },
  };
}
