import { TOKEN_PARAM } from '../../src-shared/serve-protocol';
import type { TaggerApi } from '../../src-shared/tagger-api';
import { electronBridge } from './electron-bridge';
import { readServeToken } from './serve-token';
import { type ConnectionState, type ConnectSocket, createWsClient } from './ws-client';

export interface Transport {
  api: TaggerApi;
  /** null on the desktop: IPC has no connection to lose */
  onConnection: ((listener: (state: ConnectionState, reconnected: boolean) => void) => () => void) | null;
  /** serve only: the page was opened without the token `lora-tagger serve` printed */
  tokenMissing: boolean;
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

/** The preload's bridge when running in Electron, otherwise the WebSocket client for `lora-tagger serve`. */
export function chooseTransport(): Transport {
  const bridge = electronBridge();
  if (bridge) return { api: bridge, onConnection: null, tokenMissing: false };

  const { token, cleanedUrl } = readServeToken(window.location.href, window.sessionStorage);
  if (cleanedUrl) window.history.replaceState(window.history.state, '', cleanedUrl);
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const query = new URLSearchParams({ [TOKEN_PARAM]: token ?? '' });
  const client = createWsClient({
    wsUrl: `${scheme}://${window.location.host}/ws?${query.toString()}`,
    token: token ?? '',
    connect: connectBrowserSocket,
  });
  return { api: client, onConnection: (listener) => client.onConnection(listener), tokenMissing: !token };
}
