import './setup';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, READY_CHANNEL } from '../../src-shared/bridge-channels';
import type { TaggerApi } from '../../src-shared/tagger-api';
import { contextBridge, ipcRenderer, webUtils } from './electron-stub';

const preloadModule = '../../src-preload/index';
let loads = 0;

/** the preload exposes its api when loaded: load it fresh for each test, with a DOM-less `window` */
async function loadPreload(): Promise<{ api: TaggerApi; domReady: () => void }> {
  let domReady = (): void => {};
  vi.stubGlobal('window', {
    addEventListener: (_type: string, listener: () => void) => {
      domReady = listener;
    },
  });
  // a fresh copy of the preload module (its "ready sent" flag), sharing the one electron stub
  loads += 1;
  await import(/* @vite-ignore */ `${preloadModule}?load=${loads}`);
  const api = contextBridge.exposed.tagger as TaggerApi | undefined;
  if (!api) throw new Error('window.tagger was not exposed');
  return { api, domReady: () => domReady() };
}

/** what main sends on the event channel */
const deliver = (event: string, payload: unknown) => ipcRenderer.emit(EVENT_CHANNEL, { sender: 'ipc' }, { event, payload });

beforeEach(() => {
  vi.unstubAllGlobals();
});

describe('the preload bridge', () => {
  it('exposes window.tagger over contextBridge with the electron transport', async () => {
    const { api } = await loadPreload();
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledWith('tagger', api);
    expect(api.transport).toBe('electron');
  });

  it('refuses a channel outside the contract without sending anything', async () => {
    const { api } = await loadPreload();
    await expect(api.invoke('fs.readFile' as never, { path: '/etc/passwd' } as never)).rejects.toThrow(/unknown channel/);
    await expect(api.invoke('__proto__' as never, {} as never)).rejects.toThrow(/unknown channel/);
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('sends contract channels to ipcRenderer.invoke with the payload', async () => {
    const { api } = await loadPreload();
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { path: '/p' } });
    await expect(api.invoke('folder.pick', {})).resolves.toEqual({ ok: true, value: { path: '/p' } });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('folder.pick', {});
  });

  it('delivers only the subscribed event, payload alone, until unsubscribed', async () => {
    const { api } = await loadPreload();
    const folders: unknown[] = [];
    const off = api.on('folder.requested', (payload) => folders.push(payload));
    deliver('menu.command', { command: 'save' });
    deliver('folder.requested', { path: '/data/cats' });
    ipcRenderer.emit(EVENT_CHANNEL, {}, 'not an event message');
    expect(folders).toEqual([{ path: '/data/cats' }]);
    off();
    deliver('folder.requested', { path: '/data/dogs' });
    expect(folders).toHaveLength(1);
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('tells main it is ready once: on the first subscription or DOMContentLoaded, whichever comes first', async () => {
    const first = await loadPreload();
    first.api.on('stats.changed', () => {});
    first.api.on('tags.changed', () => {});
    first.domReady();
    expect(ipcRenderer.send.mock.calls).toEqual([[READY_CHANNEL]]);

    ipcRenderer.send.mockClear();
    const second = await loadPreload();
    second.domReady();
    second.api.on('stats.changed', () => {});
    expect(ipcRenderer.send.mock.calls).toEqual([[READY_CHANNEL]]);
  });

  it('builds lt-image URLs with a cache-busting version', async () => {
    const { api } = await loadPreload();
    expect(api.imageUrl(12, 'thumb', 'a b')).toBe('lt-image://image/12/thumb?v=a%20b');
    expect(api.imageUrl(3, 'full', 7)).toBe('lt-image://image/3/full?v=7');
    expect(api.imageUrl(3, 'preview')).toBe('lt-image://image/3/preview');
  });

  it('asks webUtils for a dropped file’s path', async () => {
    const { api } = await loadPreload();
    const file = { name: 'cats' } as unknown as File;
    expect(api.pathForFile?.(file)).toBe('/dropped/folder');
    expect(webUtils.getPathForFile).toHaveBeenCalledWith(file);
  });
});
