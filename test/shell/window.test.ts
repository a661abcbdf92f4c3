import './setup';
import { describe, expect, it } from 'vitest';
import { appUrlCheck } from '../../src-main/electron/app-url';
import { hardenWebContents, setupWebContentsHardening } from '../../src-main/electron/harden-web-contents';
import { createMainWindow, focusMainWindow, getMainWindow } from '../../src-main/electron/window';
import { app, BrowserWindow, FakeWebContents, shell } from './electron-stub';

const appUrl = 'app://renderer/index.html';
const entry = { kind: 'app', url: appUrl, rendererDir: '/opt/lora-tagger/out/renderer' } as const;
const isAppUrl = appUrlCheck(entry);

/** what Electron passes navigation listeners: an event with the target URL */
function navigation(url: string) {
  let prevented = false;
  return {
    url,
    preventDefault: () => {
      prevented = true;
    },
    get prevented() {
      return prevented;
    },
  };
}

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as never, isAppUrl);
  return contents;
}

describe('createMainWindow', () => {
  it('hardens webPreferences: isolated, sandboxed, no Node, web security, no webview', () => {
    createMainWindow({ preloadPath: '/opt/lora-tagger/out/preload/index.cjs', entry });
    const prefs = BrowserWindow.created[0]?.options.webPreferences;
    expect(prefs).toMatchObject({
      preload: '/opt/lora-tagger/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('loads the built page from app://, never from a file, or the dev server URL it was given', () => {
    const built = createMainWindow({ preloadPath: '/p.cjs', entry });
    expect((built as unknown as BrowserWindow).loaded).toEqual({ url: 'app://renderer/index.html' });
    const dev = createMainWindow({ preloadPath: '/p.cjs', entry: { kind: 'dev-server', url: 'http://localhost:5173/' } });
    expect((dev as unknown as BrowserWindow).loaded).toEqual({ url: 'http://localhost:5173/' });
  });

  it('denies every permission request and check except writing text to the clipboard', () => {
    const window = createMainWindow({ preloadPath: '/p.cjs', entry }) as unknown as BrowserWindow;
    const session = window.webContents.session;
    const answers: Record<string, boolean> = {};
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'clipboard-sanitized-write']) {
      session.permissionRequestHandler?.(window.webContents, permission, (granted: boolean) => {
        answers[permission] = granted;
      });
      expect(session.permissionCheckHandler?.(window.webContents, permission)).toBe(answers[permission]);
    }
    expect(answers).toEqual({
      media: false,
      geolocation: false,
      notifications: false,
      openExternal: false,
      'clipboard-read': false,
      'clipboard-sanitized-write': true,
    });
    expect(session.devicePermissionHandler?.()).toBe(false);
  });

  it('shows when ready, forgets the window once closed, and focuses a minimized one', () => {
    const window = createMainWindow({ preloadPath: '/p.cjs', entry }) as unknown as BrowserWindow;
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
    window.minimized = true;
    focusMainWindow();
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    window.emit('closed');
    expect(getMainWindow()).toBeNull();
  });
});

describe('hardenWebContents', () => {
  it('prevents navigation away from the app, and opens web links in the browser instead', () => {
    const contents = hardened();
    const away = navigation('https://civitai.com/models');
    contents.emit('will-navigate', away);
    expect(away.prevented).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('https://civitai.com/models');
  });

  it('lets the app reload its own page', () => {
    const contents = hardened();
    const reload = navigation(`${appUrl}#/tagging`);
    contents.emit('will-navigate', reload);
    expect(reload.prevented).toBe(false);
  });

  it('prevents file: navigations (a dropped file) without opening them anywhere', () => {
    const contents = hardened();
    const drop = navigation('file:///home/ana/cats/001.png');
    contents.emit('will-navigate', drop);
    contents.emit('will-frame-navigate', navigation('file:///etc/passwd'));
    expect(drop.prevented).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents redirects out of the app', () => {
    const contents = hardened();
    const redirect = navigation('https://evil.example/');
    contents.emit('will-redirect', redirect);
    expect(redirect.prevented).toBe(true);
  });

  it('denies window.open, handing only http(s) to the browser', () => {
    const contents = hardened();
    const open = (url: string) => contents.windowOpenHandler?.({ url });
    expect(open('https://github.com/kohya-ss/sd-scripts')).toEqual({ action: 'deny' });
    expect(open('http://example.com/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(open('smb://server/share')).toEqual({ action: 'deny' });
    expect(open('not a url')).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls.map(([url]) => url)).toEqual(['https://github.com/kohya-ss/sd-scripts', 'http://example.com/']);
  });

  it('prevents attaching a webview', () => {
    const contents = hardened();
    const attach = navigation('');
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.prevented).toBe(true);
  });

  it('applies to every WebContents the app creates', () => {
    setupWebContentsHardening(isAppUrl);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const away = navigation('https://evil.example/');
    contents.emit('will-navigate', away);
    expect(away.prevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
