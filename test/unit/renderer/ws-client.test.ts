import { describe, expect, it } from 'vitest';
import { CONNECTION_LOST, type SocketHandlers, createWsClient } from '../../../src-renderer/transport/ws-client';

/** A socket the test opens, feeds and closes by hand; every socket made is kept, in order. */
function fakeSockets() {
  const sockets: Array<{ url: string; handlers: SocketHandlers; sent: string[] }> = [];
  const timers: Array<{ run: () => void; ms: number }> = [];
  return {
    sockets,
    timers,
    connect: (url: string, handlers: SocketHandlers) => {
      const socket = { url, handlers, sent: [] as string[] };
      sockets.push(socket);
      return { send: (data: string) => socket.sent.push(data), close: () => handlers.onClose() };
    },
    schedule: (run: () => void, ms: number) => void timers.push({ run, ms }),
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('WebSocket client', () => {
  it('queues invokes until the socket opens, then matches results by id', async () => {
    const fake = fakeSockets();
    const client = createWsClient({ wsUrl: 'ws://h/ws', connect: fake.connect, schedule: fake.schedule });
    const answer = client.invoke('session.current', {});
    const socket = fake.sockets[0]!;
    expect(socket.sent).toEqual([]);
    socket.handlers.onOpen();
    const sent = JSON.parse(socket.sent[0]!) as { id: number; channel: string; type: string };
    expect(sent).toMatchObject({ type: 'invoke', channel: 'session.current', payload: {} });
    socket.handlers.onMessage(JSON.stringify({ type: 'result', id: sent.id, result: { ok: true, value: null } }));
    expect(await answer).toEqual({ ok: true, value: null });
  });

  it('fails invokes in flight when the socket drops, reconnects with backoff, and keeps delivering events', async () => {
    const fake = fakeSockets();
    const client = createWsClient({ wsUrl: 'ws://h/ws', connect: fake.connect, schedule: fake.schedule });
    const states: string[] = [];
    client.onConnection((state, reconnected) => states.push(`${state}${reconnected ? '*' : ''}`));
    const seen: unknown[] = [];
    client.on('stats.changed', (stats) => seen.push(stats));

    fake.sockets[0]!.handlers.onOpen();
    const lost = client.invoke('tags.list', {});
    fake.sockets[0]!.handlers.onClose();
    expect(await lost).toEqual(CONNECTION_LOST);
    expect(fake.timers.map((t) => t.ms)).toEqual([250]);

    const queued = client.invoke('tags.recent', {});
    fake.timers[0]!.run();
    const second = fake.sockets[1]!;
    expect(second.sent).toEqual([]);
    second.handlers.onOpen();
    const id = (JSON.parse(second.sent[0]!) as { id: number }).id;
    second.handlers.onMessage(JSON.stringify({ type: 'result', id, result: { ok: true, value: { tags: [] } } }));
    expect(await queued).toEqual({ ok: true, value: { tags: [] } });

    const stats = { total: 1, tagged: 0, skipped: 0, remaining: 1, percent: 0 };
    second.handlers.onMessage(JSON.stringify({ type: 'event', event: 'stats.changed', payload: stats }));
    await flush();
    expect(seen).toEqual([stats]);
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'open*']);
  });

  it('builds image URLs on the shared path with a cache-busting version and no token (the cookie is enough)', () => {
    const fake = fakeSockets();
    const client = createWsClient({ wsUrl: 'ws://h/ws', connect: fake.connect });
    expect(client.imageUrl(12, 'preview', 3)).toBe('/image/12/preview?v=3');
    expect(client.imageUrl(12, 'thumb', 'retry-1')).toBe('/image/12/thumb?v=retry-1');
    expect(client.imageUrl(12, 'thumb')).toBe('/image/12/thumb');
  });
});
