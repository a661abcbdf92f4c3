import { join } from 'node:path';
import { Workspace } from '../../src-main/core/app/workspace';
import { IndexThread } from '../../src-main/workers/index-thread';
import type { EventName, EventPayload } from '../../src-shared/contract';

export interface RecordedEvent {
  event: EventName;
  payload: EventPayload<EventName>;
}

/** A workspace with its own app folders inside `base`, recording every event it emits. */
export function makeWorkspace(base: string): { workspace: Workspace; events: RecordedEvent[] } {
  const workspace = new Workspace({
    userDataDir: join(base, '.app-data'),
    cacheDir: join(base, '.app-cache'),
    allowedRoot: null,
    openIndex: (path) => IndexThread.open(path),
  });
  const events: RecordedEvent[] = [];
  workspace.bus.subscribe((event, payload) => events.push({ event, payload }));
  return { workspace, events };
}
