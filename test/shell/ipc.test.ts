import './setup';
import { describe, expect, it } from 'vitest';
import { appUrlCheck } from '../../src-main/electron/app-url';
import { createEventQueue } from '../../src-main/electron/event-queue';
import { setupIpc } from '../../src-main/electron/ipc';
import { EVENT_CHANNEL, READY_CHANNEL } from '../../src-shared/bridge-channels';
import { channelNames } from '../../src-shared/contract';
import { FakeWebContents, ipcMain } from './electron-stub';
import { fakeHost } from './fake-host';

const appUrl = 'app://renderer/index.html';
const isAppUrl = appUrlCheck({ kind: 'app', url: appUrl, rendererDir: '/opt/lora-tagger/out/renderer' });

/** what Electron passes an ipcMain handler: the sending contents and frame */
function ipcEvent(url: string, options: { parent?: object | null; sender?: FakeWebContents; noFrame?: boolean } = {}) {
  const sender = options.sender ?? new FakeWebContents();
  const senderFrame = options.noFrame ? null : { url, parent: options.parent ?? null };
  return { sender, senderFrame };
}

function bound() {
  const { host, emit, listeners } = fakeHost();
  const events = createEventQueue();
  const dispose = setupIpc({ host, events, isAppUrl });
  const call = (channel: string, event: object, payload: unknown) => {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`${channel} is not bound`);
    return handler(event, payload) as Promise<unknown>;
  };
  return { host, emit, listeners, events, dispose, call };
}

describe('setupIpc', () => {
  it('binds every contract channel, and nothing else, with ipcMain.handle', () => {
    bound();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
    expect(channelNames.length).toBeGreaterThan(5);
  });

  it.each(channelNames)('%s reaches host.invoke with the payload as sent, and returns its result', async (name) => {
    const { host, call } = bound();
    const payload = { probe: name, nested: [1, 2] };
    const result = await call(name, ipcEvent(appUrl), payload);
    expect(host.invoke).toHaveBeenCalledExactlyOnceWith(name, payload);
    expect(result).toEqual({ ok: true, value: { channel: name, payload } });
  });

  it('refuses a call from a page that is not the app (the host is never asked)', async () => {
    const { host, call } = bound();
    const result = await call('app.info', ipcEvent('https://evil.example/index.html'), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(host.invoke).not.toHaveBeenCalled();
  });

  it('refuses a file:// page (even the built index.html), an iframe of the app, and a frame that is gone', async () => {
    const { host, call } = bound();
    await call('app.info', ipcEvent('file:///opt/lora-tagger/out/renderer/index.html'), {});
    await call('app.info', ipcEvent(appUrl, { parent: { url: appUrl } }), {});
    await call('app.info', ipcEvent(appUrl, { noFrame: true }), {});
    expect(host.invoke).not.toHaveBeenCalled();
  });

  it('turns a host that throws into an internal error result, not a rejected promise', async () => {
    const { host, call } = bound();
    host.invoke.mockRejectedValueOnce(new Error('boom'));
    await expect(call('app.info', ipcEvent(appUrl), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('boom') },
    });
  });

  it('holds host events until the page says it is ready, then sends them in order', () => {
    const { emit, events } = bound();
    const contents = new FakeWebContents();
    events.attach(contents);

    emit('folder.requested', { path: '/data/cats' });
    emit('menu.command', { command: 'save' });
    expect(contents.sent).toEqual([]);

    ipcMain.emit(READY_CHANNEL, ipcEvent(appUrl, { sender: contents }));
    expect(contents.sent).toEqual([
      { channel: EVENT_CHANNEL, message: { event: 'folder.requested', payload: { path: '/data/cats' } } },
      { channel: EVENT_CHANNEL, message: { event: 'menu.command', payload: { command: 'save' } } },
    ]);

    emit('menu.command', { command: 'next' });
    expect(contents.sent).toHaveLength(3);
  });

  it('ignores a ready signal from a foreign frame', () => {
    const { emit, events } = bound();
    const contents = new FakeWebContents();
    events.attach(contents);
    emit('folder.requested', { path: '/data/cats' });
    ipcMain.emit(READY_CHANNEL, ipcEvent('https://evil.example/', { sender: contents }));
    expect(contents.sent).toEqual([]);
  });

  it('can be undone: handlers removed, host unsubscribed', () => {
    const { dispose, listeners } = bound();
    expect(listeners.size).toBe(1);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.listenerCount(READY_CHANNEL)).toBe(0);
    expect(listeners.size).toBe(0);
  });
});
