import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { channelNames, type ChannelName, type EventName } from '../src-shared/contract';
import { IMAGE_SCHEME, imagePath } from '../src-shared/image-url';
import type { Result } from '../src-shared/result';
import type { TaggerApi } from '../src-shared/tagger-api';
import { EVENT_CHANNEL, READY_CHANNEL } from '../src-shared/bridge-channels';

// The preload runs in the sandbox's isolated world, where `window` exists; the
// node tsconfig has no DOM lib, so name the one member used.
declare const window: { addEventListener(type: 'DOMContentLoaded', listener: () => void, options: { once: true }): void };

const knownChannels: ReadonlySet<string> = new Set(channelNames);

/** main holds events back until the page can hear them; say so once */
let readySent = false;
function signalReady(): void {
  if (readySent) return;
  readySent = true;
  ipcRenderer.send(READY_CHANNEL);
}

interface EventMessage {
  event: string;
  payload: unknown;
}

const isEventMessage = (message: unknown): message is EventMessage =>
  typeof message === 'object' && message !== null && typeof (message as EventMessage).event === 'string';

/**
 * window.tagger: the whole of what the page can reach in main. Only contract
 * channels are sent (a compromised page cannot probe other IPC names), and
 * listeners get the payload alone, never the IpcRendererEvent and its sender.
 */
const api: TaggerApi = {
  transport: 'electron',

  invoke(channel, input) {
    if (!knownChannels.has(channel)) return Promise.reject(new Error(`unknown channel: ${String(channel)}`));
    return ipcRenderer.invoke(channel satisfies ChannelName, input) as Promise<Result<never>>;
  },

  on(event, listener) {
    const name: EventName = event;
    const onMessage = (_event: IpcRendererEvent, message: unknown): void => {
      if (isEventMessage(message) && message.event === name) listener(message.payload as never);
    };
    ipcRenderer.on(EVENT_CHANNEL, onMessage);
    signalReady();
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onMessage);
    };
  },

  imageUrl(id, kind, version) {
    const query = version === undefined ? '' : `?v=${encodeURIComponent(String(version))}`;
    return `${IMAGE_SCHEME}://${imagePath(id, kind)}${query}`;
  },

  pathForFile(file) {
    return webUtils.getPathForFile(file);
  },
};

contextBridge.exposeInMainWorld('tagger', api);

// a page that only invokes and never subscribes still lets queued events (a folder from the command line) through
window.addEventListener('DOMContentLoaded', signalReady, { once: true });
