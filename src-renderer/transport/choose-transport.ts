import type { TaggerApi } from '../../src-shared/tagger-api';
import { electronBridge } from './electron-bridge';
import { type ConnectionState, type ConnectSocket, createWsClient } from './ws-client';

export interface Transport {
  api: TaggerApi;
  /** null on the desktop: IPC has no connection to lose */
  onConnection: ((listener: (state: ConnectionState, reconnected: boolean) => void) => () => void) | null;
}

const connectBrowserSocket: ConnectSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.addEventListener('open', () => handlers.onOpen());
  socket.addEventListener('message', (event) => {
    if (typeof event.data === 'string') handlers.onMessage(event.data);
  });
  // a refused or dropped socket always ends in 'close'; 'error' alone carries nothing useful
  socket.addEventListener('close', () => handlers.onClose());
  return { send: (data) => socket.send(data), close: () => socket.close() };
};

/**
 * The preload's bridge when running in Electron, otherwise the WebSocket
 * client for `lora-tagger serve`. The page never sees the access token: the
 * server exchanged it for an HttpOnly cookie before serving the page, and the
 * browser sends that cookie with the socket and every image.
 */
export function chooseTransport(): Transport {
  const bridge = electronBridge();
  if (bridge) return { api: bridge, onConnection: null };

  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const client = createWsClient({ wsUrl: `${scheme}://${window.location.host}/ws`, connect: connectBrowserSocket });
  return { api: client, onConnection: (listener) => client.onConnection(listener) };
}
