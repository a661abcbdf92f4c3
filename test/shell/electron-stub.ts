import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module: the binary cannot be installed on the
 * machines these tests run on. It records what the shell asks of Electron
 * (handlers bound, windows created, schemes registered) so tests can drive
 * those handlers like Electron would. Reset before every test by setup.ts.
 */

type Handler = (...args: unknown[]) => unknown;

export class FakeSession {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  setPermissionRequestHandler(handler: Handler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler): void {
    this.devicePermissionHandler = handler;
  }
}

export const session = { defaultSession: new FakeSession() };

export class FakeWebContents extends EventEmitter {
  sent: { channel: string; message: unknown }[] = [];
  destroyed = false;
  session = session.defaultSession;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  loaded: { url: string } | { file: string } | null = null;
  minimized = false;
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded = { url };
    return Promise.resolve();
  }
  loadFile(file: string): Promise<void> {
    this.loaded = { file };
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return false;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  getPath = vi.fn((name: string) => `/fake/${name}`);
  getVersion = vi.fn(() => '9.9.9');
  getName = vi.fn(() => 'LoRA Tagger');
  requestSingleInstanceLock = vi.fn((_data?: unknown) => true);
  whenReady = vi.fn(() => Promise.resolve());
  quit = vi.fn();
  exit = vi.fn();
  setAppUserModelId = vi.fn();
  commandLine = { hasSwitch: vi.fn((_name: string) => false) };
  dock: { hide: () => void } | undefined = undefined;
}
export const app = new FakeApp();

class FakeIpcMain extends EventEmitter {
  handlers = new Map<string, Handler>();
  handle = vi.fn((channel: string, handler: Handler) => {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  });
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
}
export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (_channel: string, _payload: unknown): Promise<unknown> => ({ ok: true, value: {} }));
  send = vi.fn();
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed[key] = api;
  }),
};

export const webUtils = { getPathForFile: vi.fn((_file: unknown) => '/dropped/folder') };

export const protocol = {
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    protocol.handlers.set(scheme, handler);
  }),
};

export const net = { fetch: vi.fn(async (_url: string): Promise<Response> => new Response('file bytes')) };

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const dialog = {
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/picked/folder'] })),
  showErrorBox: vi.fn(),
};

export function resetElectronStub(): void {
  vi.resetAllMocks(); // back to the implementations above, history cleared
  for (const emitter of [app, ipcMain, ipcRenderer]) emitter.removeAllListeners();
  app.isPackaged = false;
  app.dock = undefined;
  ipcMain.handlers.clear();
  protocol.handlers.clear();
  BrowserWindow.created = [];
  contextBridge.exposed = {};
  session.defaultSession = new FakeSession();
}

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  net,
  protocol,
  session,
  shell,
  webUtils,
};
