import type { EventName, EventPayload } from '../../src-shared/contract';
import { imagePath } from '../../src-shared/image-url';
import type { Result } from '../../src-shared/result';
import type { ClientMessage, ServerMessage } from '../../src-shared/serve-protocol';
import type { TaggerApi } from '../../src-shared/tagger-api';

/**
 * The browser transport: TaggerApi over one WebSocket. The socket itself is
 * injected (`connect`) so this file stays free of DOM types and runs under a
 * fake socket in unit tests.
 */

export interface SocketHandlers {
  onOpen(): void;
  onMessage(data: string): void;
  onClose(): void;
}
export interface SocketConnection {
  send(data: string): void;
  close(): void;
}
export type ConnectSocket = (url: string, handlers: SocketHandlers) => SocketConnection;

export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

export interface WsClientOptions {
  /** `ws(s)://host/ws`: the session cookie goes with it */
  wsUrl: string;
  connect: ConnectSocket;
  /** setTimeout, injectable so tests control the backoff */
  schedule?: (run: () => void, ms: number) => void;
}

export interface WsClient extends TaggerApi {
  /** `reconnected` is true when the socket came back after a loss: events sent meanwhile are gone, so state must be refetched */
  onConnection(listener: (state: ConnectionState, reconnected: boolean) => void): () => void;
}

const BACKOFF_MS = [250, 500, 1000, 2000, 4000] as const;
const MAX_BACKOFF_MS = 5000;

export const CONNECTION_LOST: Result<never> = {
  ok: false,
  error: { code: 'io', message: 'connection to the server lost' },
};

interface PendingInvoke {
  message: string;
  sent: boolean;
  resolve(result: Result<unknown>): void;
}

export function createWsClient(options: WsClientOptions): WsClient {
  const schedule = options.schedule ?? ((run, ms) => void setTimeout(run, ms));
  const pending = new Map<number, PendingInvoke>();
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(state: ConnectionState, reconnected: boolean) => void>();
  let nextId = 1;
  let socket: SocketConnection | null = null;
  let state: ConnectionState = 'connecting';
  let failures = 0;
  let everOpened = false;

  const setState = (next: ConnectionState, reconnected = false) => {
    state = next;
    for (const listener of connectionListeners) listener(next, reconnected);
  };

  const handleMessage = (data: string) => {
    let message: ServerMessage;
    try {
      message = JSON.parse(data) as ServerMessage;
    } catch {
      console.error('lora-tagger: a server message was not JSON');
      return;
    }
    if (message.type === 'result') {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      waiting.resolve(message.result as Result<unknown>);
    } else if (message.type === 'event') {
      for (const listener of eventListeners.get(message.event) ?? []) {
        // one failing listener must not starve the others of the event
        try {
          listener(message.payload);
        } catch (error) {
          console.error(`lora-tagger: a listener of ${message.event} failed`, error);
        }
      }
    }
  };

  const open = () => {
    socket = options.connect(options.wsUrl, {
      onOpen: () => {
        failures = 0;
        const reconnected = everOpened;
        everOpened = true;
        // invokes made while the socket was down go out now, in call order
        for (const waiting of pending.values()) {
          if (waiting.sent) continue;
          socket?.send(waiting.message);
          waiting.sent = true;
        }
        setState('open', reconnected);
      },
      onMessage: handleMessage,
      onClose: () => {
        socket = null;
        // an invoke already sent may or may not have run: say so instead of retrying it
        for (const [id, waiting] of pending) {
          if (!waiting.sent) continue;
          pending.delete(id);
          waiting.resolve(CONNECTION_LOST);
        }
        const delay = BACKOFF_MS[failures] ?? MAX_BACKOFF_MS;
        failures += 1;
        setState(everOpened ? 'reconnecting' : 'connecting');
        schedule(open, delay);
      },
    });
  };

  open();

  return {
    transport: 'serve',
    invoke(channel, input) {
      return new Promise((resolve) => {
        const id = nextId++;
        const message: ClientMessage = { type: 'invoke', id, channel, payload: input };
        const waiting: PendingInvoke = {
          message: JSON.stringify(message),
          sent: false,
          resolve: resolve as (result: Result<unknown>) => void,
        };
        pending.set(id, waiting);
        if (state === 'open' && socket) {
          socket.send(waiting.message);
          waiting.sent = true;
        }
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => void set.delete(untyped);
    },
    imageUrl(id, kind, version) {
      // the session cookie authenticates it: a token here would sit in every <img src>
      const path = `/${imagePath(id, kind)}`;
      return version === undefined ? path : `${path}?${new URLSearchParams({ v: String(version) }).toString()}`;
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state, false);
      return () => void connectionListeners.delete(listener);
    },
  };
}
