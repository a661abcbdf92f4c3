import { vi } from 'vitest';
import type { ApiHost, EventListener, ImageResponse } from '../../src-main/api/api-host';

/** An ApiHost that records calls and lets a test push events as core would. */
export function fakeHost(image?: (id: number, kind: string) => Promise<ImageResponse>) {
  const listeners = new Set<EventListener>();
  const host = {
    invoke: vi.fn(async (channel: string, payload: unknown) => ({ ok: true as const, value: { channel, payload } })),
    subscribe: vi.fn((listener: EventListener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    image: vi.fn(image ?? (async () => ({ ok: false as const, status: 404 as const, message: 'no image' }))),
    shutdown: vi.fn(async () => undefined),
  } satisfies ApiHost;
  const emit: EventListener = (event, payload) => {
    for (const listener of listeners) listener(event, payload);
  };
  return { host, emit, listeners };
}
