import './setup';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { OpenCommand } from '../../src-main/cli/parse-args';
import { startDesktop } from '../../src-main/electron/lifecycle';
import { READY_CHANNEL } from '../../src-shared/bridge-channels';
import { channelNames } from '../../src-shared/contract';
import { makeTempDir } from '../support/temp-dir';
import { app, BrowserWindow, ipcMain, Menu, protocol } from './electron-stub';

const api = vi.hoisted(() => ({ current: null as ReturnType<typeof import('./fake-host').fakeHost> | null }));
vi.mock('../../src-main/api/create-api-host', async () => {
  const { fakeHost: makeHost } = await import('./fake-host');
  return {
    createApiHost: vi.fn(() => {
      api.current = makeHost();
      return api.current.host;
    }),
  };
});
const { createApiHost } = await import('../../src-main/api/create-api-host');

const bundleDir = '/opt/lora-tagger/resources/app.asar/out';
const launch = (launchArgs: string[]) => ({ launchArgs, bundleDir });
const open = (folder: string | null): OpenCommand => ({ command: 'open', folder, outputDir: 'train', prefix: 'cat' });
const flush = () => new Promise((resolve) => setImmediate(resolve));

function theWindow(): BrowserWindow {
  const window = BrowserWindow.created[0];
  if (!window) throw new Error('no window was created');
  return window;
}

/** the preload's ready signal, from the page the window loaded */
function pageReady(window: BrowserWindow): void {
  const loaded = window.loaded;
  const url = loaded && 'url' in loaded ? loaded.url : '';
  ipcMain.emit(READY_CHANNEL, { sender: window.webContents, senderFrame: { url, parent: null } });
}

const signalsBefore = new Set(process.listeners('SIGINT'));
beforeEach(() => {
  vi.mocked(createApiHost).mockClear();
  api.current = null;
});
afterEach(() => {
  vi.unstubAllEnvs();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) if (!signalsBefore.has(listener)) process.off(signal, listener);
  }
});

describe('startDesktop', () => {
  it("registers the page's and the images' schemes in one call, and takes the single-instance lock, before ready", () => {
    app.whenReady.mockReturnValueOnce(new Promise(() => {}));
    startDesktop(open(null), launch([]));
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
      { scheme: 'lt-image', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(BrowserWindow.created).toHaveLength(0);
  });

  it('on ready: builds the host for the desktop, binds every channel, serves images, sets the menu, opens one window', async () => {
    startDesktop(open(null), launch([]));
    await flush();
    expect(createApiHost).toHaveBeenCalledWith(
      expect.objectContaining({ transport: 'electron', userDataDir: '/fake/userData', servedFolder: null, version: '9.9.9', pickFolder: expect.any(Function) }),
      // the keys store is sealed by safeStorage, chosen on first use (see secret-keys.ts); the scan's
      // threads start with the app, while the person picks a folder
      { defaults: { outputDir: 'train', prefix: 'cat' }, secrets: expect.any(Object), startScanThreads: true },
    );
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
    expect(protocol.handlers.has('lt-image')).toBe(true);
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const window = theWindow();
    expect(BrowserWindow.created).toHaveLength(1);
    expect(window.options.webPreferences?.preload).toBe(join(bundleDir, 'preload', 'index.cjs'));
    expect(window.loaded).toEqual({ url: 'app://renderer/index.html' });
  });

  it("serves the page the window loads from the bundle's renderer folder", async () => {
    const { path: bundle, cleanup } = makeTempDir();
    onTestFinished(cleanup);
    await mkdir(join(bundle, 'renderer'));
    await writeFile(join(bundle, 'renderer', 'index.html'), '<!doctype html><title>built page</title>');
    startDesktop(open(null), { launchArgs: [], bundleDir: bundle });
    await flush();
    const loaded = theWindow().loaded;
    const handler = protocol.handlers.get('app');
    if (!handler || !loaded || !('url' in loaded)) throw new Error('the app: protocol does not serve the loaded page');
    const response = await handler(new Request(loaded.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>built page</title>');
  });

  it('keeps an isolated launch (--user-data-dir) out of the shared thumbnail cache', async () => {
    app.commandLine.hasSwitch.mockImplementation((name) => name === 'user-data-dir');
    startDesktop(open(null), launch([]));
    await flush();
    expect(createApiHost).toHaveBeenCalledWith(expect.objectContaining({ cacheDir: expect.stringMatching(/^[\\/]fake[\\/]sessionData/) }), expect.anything());
  });

  it('asks the page to open the folder from the command line, once the page is listening', async () => {
    startDesktop(open('/data/cats'), launch(['/data/cats']));
    await flush();
    const window = theWindow();
    expect(window.webContents.sent).toEqual([]);
    pageReady(window);
    expect(window.webContents.sent).toEqual([
      { channel: 'tagger:event', message: { event: 'folder.requested', payload: { path: '/data/cats' } } },
    ]);
  });

  it('holds events again while the page reloads', async () => {
    startDesktop(open(null), launch([]));
    await flush();
    const window = theWindow();
    pageReady(window);
    window.webContents.emit('did-start-loading');
    api.current?.emit('menu.command', { command: 'save' });
    expect(window.webContents.sent).toEqual([]);
    pageReady(window);
    expect(window.webContents.sent).toHaveLength(1);
  });

  it('hands a second launch’s folder to the page and focuses the window', async () => {
    startDesktop(open(null), launch([]));
    await flush();
    const window = theWindow();
    pageReady(window);
    app.emit('second-instance', {}, [], '/tmp', { args: ['dogs'], cwd: '/data' });
    expect(window.webContents.sent.at(-1)).toMatchObject({ message: { event: 'folder.requested' } });
    expect(window.focus).toHaveBeenCalled();
  });

  it('as a second instance: quits at once, no host, no window', async () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    startDesktop(open('/data/cats'), launch(['/data/cats']));
    await flush();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(createApiHost).not.toHaveBeenCalled();
    expect(BrowserWindow.created).toHaveLength(0);
  });

  it('loads the dev server when electron-vite says so, unpackaged', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    startDesktop(open(null), launch([]));
    await flush();
    expect(theWindow().loaded).toEqual({ url: 'http://localhost:5173/' });
    expect(protocol.handlers.has('app')).toBe(false);
  });
});
