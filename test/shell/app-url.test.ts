import { describe, expect, it } from 'vitest';
import { appUrlCheck, rendererEntry } from '../../src-main/electron/app-url';

const rendererDir = '/opt/lora-tagger/out/renderer';
const built = { kind: 'app', url: 'app://renderer/index.html', rendererDir } as const;

describe('rendererEntry', () => {
  it('uses the dev server only when unpackaged and on loopback, otherwise the built page on app://', () => {
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'http://localhost:5173', rendererDir })).toEqual({
      kind: 'dev-server',
      url: 'http://localhost:5173/',
    });
    expect(rendererEntry({ isPackaged: true, devServerUrl: 'http://localhost:5173', rendererDir })).toEqual(built);
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'http://evil.example:5173', rendererDir })).toEqual(built);
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'not a url', rendererDir })).toEqual(built);
    expect(rendererEntry({ isPackaged: false, devServerUrl: undefined, rendererDir })).toEqual(built);
  });
});

describe('appUrlCheck', () => {
  it('built app: the app://renderer origin, any page of it, with any query or hash', () => {
    const isApp = appUrlCheck(built);
    expect(isApp('app://renderer/index.html')).toBe(true);
    expect(isApp('app://renderer/index.html?x=1#/tagging')).toBe(true);
    expect(isApp('app://renderer/')).toBe(true);
  });

  it('built app: no file:// page, not even its own index.html, and no other scheme or host', () => {
    const isApp = appUrlCheck(built);
    expect(isApp('file:///opt/lora-tagger/out/renderer/index.html')).toBe(false);
    expect(isApp('file:///home/ana/cats/001.png')).toBe(false);
    // URL.origin is "null" for every custom scheme: these must not pass as "same origin"
    expect(isApp('evil://renderer/index.html')).toBe(false);
    expect(isApp('lt-image://image/7/full')).toBe(false);
    expect(isApp('app://other/index.html')).toBe(false);
    expect(isApp('app://renderer.evil.example/index.html')).toBe(false);
    expect(isApp('app://user:pw@renderer/index.html')).toBe(false);
    expect(isApp('app:index.html')).toBe(false);
    expect(isApp('https://renderer/index.html')).toBe(false);
    expect(isApp('garbage')).toBe(false);
  });

  it('dev server: same origin only', () => {
    const isApp = appUrlCheck({ kind: 'dev-server', url: 'http://localhost:5173/' });
    expect(isApp('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isApp('http://localhost:5174/')).toBe(false);
    expect(isApp('https://localhost:5173/')).toBe(false);
    expect(isApp('app://renderer/index.html')).toBe(false);
  });
});
