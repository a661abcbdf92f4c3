import { join } from 'node:path';
import { Workspace, type WorkspaceOptions } from '../../src-main/core/app/workspace';
import { IndexThread } from '../../src-main/workers/index-thread';
import { createThreadPools } from '../../src-main/workers/thread-pools';
import type { EventName, EventPayload } from '../../src-shared/contract';

export interface RecordedEvent {
  event: EventName;
  payload: EventPayload<EventName>;
}

/**
 * A workspace that owns its scan threads, as the api host owns the app's: its
 * shutdown ends them, so a fixture process that shuts it down exits at once.
 */
class TestWorkspace extends Workspace {
  constructor(
    options: Omit<WorkspaceOptions, 'scanPool'>,
    private readonly pools = createThreadPools(),
  ) {
    super({ ...options, scanPool: pools.scan });
  }

  override async shutdown(): Promise<void> {
    await super.shutdown();
    await this.pools.close();
  }
}

/** A workspace with its own app folders inside `base`, recording every event it emits. */
export function makeWorkspace(base: string): { workspace: Workspace; events: RecordedEvent[] } {
  const workspace = new TestWorkspace({
    userDataDir: join(base, '.app-data'),
    cacheDir: join(base, '.app-cache'),
    allowedRoot: null,
    openIndex: (path) => IndexThread.open(path),
  });
  const events: RecordedEvent[] = [];
  workspace.bus.subscribe((event, payload) => events.push({ event, payload }));
  return { workspace, events };
}
