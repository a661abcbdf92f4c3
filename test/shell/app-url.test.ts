import { describe, expect, it } from 'vitest';
import { appUrlCheck, rendererEntry } from '../../src-main/electron/app-url';

const indexFile = '/opt/lora-tagger/out/renderer/index.html';

describe('rendererEntry', () => {
  it('uses the dev server only when unpackaged and on loopback', () => {
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'http://localhost:5173', indexFile })).toEqual({
      kind: 'url',
      url: 'http://localhost:5173/',
    });
    expect(rendererEntry({ isPackaged: true, devServerUrl: 'http://localhost:5173', indexFile })).toEqual({ kind: 'file', path: indexFile });
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'http://evil.example:5173', indexFile })).toEqual({ kind: 'file', path: indexFile });
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'not a url', indexFile })).toEqual({ kind: 'file', path: indexFile });
    expect(rendererEntry({ isPackaged: false, devServerUrl: undefined, indexFile })).toEqual({ kind: 'file', path: indexFile });
  });
});

describe('appUrlCheck', () => {
  it('built app: exactly its index.html, with any query or hash', () => {
    const isApp = appUrlCheck({ kind: 'file', path: indexFile });
    expect(isApp('file:///opt/lora-tagger/out/renderer/index.html')).toBe(true);
    expect(isApp('file:///opt/lora-tagger/out/renderer/index.html?x=1#/tagging')).toBe(true);
    expect(isApp('file:///opt/lora-tagger/out/renderer/other.html')).toBe(false);
    expect(isApp('file:///opt/lora-tagger/out/renderer/')).toBe(false);
    expect(isApp('file://server/opt/lora-tagger/out/renderer/index.html')).toBe(false);
    expect(isApp('https://opt/lora-tagger/out/renderer/index.html')).toBe(false);
    expect(isApp('garbage')).toBe(false);
  });

  it('built app in a folder with spaces and brackets, however the URL encodes them', () => {
    const isApp = appUrlCheck({ kind: 'file', path: '/opt/LoRA Tagger/res [1]/index.html' });
    expect(isApp('file:///opt/LoRA%20Tagger/res%20[1]/index.html')).toBe(true);
    expect(isApp('file:///opt/LoRA%20Tagger/res%20%5B1%5D/index.html')).toBe(true);
    expect(isApp('file:///opt/LoRA%20Tagger/res%20%5B1%5D%2Findex.html')).toBe(false);
  });

  it('dev server: same origin only', () => {
    const isApp = appUrlCheck({ kind: 'url', url: 'http://localhost:5173/' });
    expect(isApp('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(isApp('http://localhost:5174/')).toBe(false);
    expect(isApp('https://localhost:5173/')).toBe(false);
  });
});
