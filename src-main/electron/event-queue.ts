import type { EventName, EventPayload } from '../../src-shared/contract';
import { EVENT_CHANNEL } from '../../src-shared/bridge-channels';

/** the slice of WebContents the queue needs: keeps this file free of electron */
export interface EventTarget {
  send(channel: string, message: unknown): void;
  isDestroyed(): boolean;
}

/**
 * Before the page listens, events sent to it are lost: a folder given on the
 * command line would never open. So events wait here until the preload says
 * the page is ready, and again while the page reloads.
 */
export interface EventQueue {
  /** the window's contents; not ready until it says so */
  attach(target: EventTarget): void;
  markReady(target: EventTarget): void;
  /** the page is (re)loading: hold events until it is ready again */
  markNotReady(target: EventTarget): void;
  push<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/**
 * A page that never gets ready must not grow the queue without end (progress
 * events arrive many per second); the oldest state updates go first, since the
 * renderer asks for the current state when it starts anyway.
 */
export const MAX_QUEUED_EVENTS = 1000;

/** what the user asked for, not state the renderer can fetch again: never dropped first */
const KEPT_EVENTS: ReadonlySet<EventName> = new Set(['folder.requested', 'menu.command']);

export function createEventQueue(): EventQueue {
  let target: EventTarget | null = null;
  let ready = false;
  let held: { event: EventName; payload: unknown }[] = [];

  const live = (): EventTarget | null => (target && !target.isDestroyed() ? target : null);

  function flush(): void {
    const to = live();
    if (!to || !ready) return;
    const pending = held;
    held = [];
    for (const item of pending) to.send(EVENT_CHANNEL, item);
  }

  return {
    attach(next) {
      target = next;
      ready = false;
    },
    markReady(from) {
      if (from !== target) return;
      ready = true;
      flush();
    },
    markNotReady(from) {
      if (from === target) ready = false;
    },
    push(event, payload) {
      const to = live();
      if (to && ready) {
        to.send(EVENT_CHANNEL, { event, payload });
        return;
      }
      held.push({ event, payload });
      if (held.length > MAX_QUEUED_EVENTS) {
        const oldest = held.findIndex((item) => !KEPT_EVENTS.has(item.event));
        held.splice(oldest === -1 ? 0 : oldest, 1);
      }
    },
  };
}
