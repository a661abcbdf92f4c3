import './setup';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupAppProtocol } from '../../src-main/electron/app-protocol';
import { makeTempDir } from '../support/temp-dir';
import { protocol } from './electron-stub';

/** the policy's directives by name: `connect-src 'self'` → { 'connect-src': ["'self'"] } */
function directives(policy: string): Record<string, string[]> {
  const entries = policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0]);
  return Object.fromEntries(entries.map(([name, ...values]) => [name, values]));
}

/** what the handler reads of a Request; a real one refuses to carry some of the URLs tried here */
function handlerFor(rendererDir: string) {
  setupAppProtocol(rendererDir);
  const handler = protocol.handlers.get('app');
  if (!handler) throw new Error('app: is not handled');
  return (url: string, method = 'GET') => handler({ url, method } as Request);
}

describe('the app: protocol, serving the real page (src-renderer/index.html)', () => {
  const get = () => handlerFor(fileURLToPath(new URL('../../src-renderer/', import.meta.url)));

  it('answers app://renderer/index.html with the page, as HTML, under a policy that allows no connection at all', async () => {
    const response = await get()('app://renderer/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<div id="root"></div>');
    const policy = directives(response.headers.get('content-security-policy') ?? '');
    expect(policy['connect-src']).toEqual(["'none'"]);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['img-src']).toEqual(["'self'", 'lt-image:', 'blob:', 'data:']);
  });

  it("the page's own meta policy lets it connect only to its origin: no ws: or wss: to any host", async () => {
    const html = await (await get()('app://renderer/index.html')).text();
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(directives(meta ?? '')['connect-src']).toEqual(["'self'"]);
    expect(meta).not.toMatch(/\bwss?:/);
  });
});

describe('the app: protocol, inside a built renderer folder', () => {
  let dir: { path: string; cleanup: () => void };
  let renderer: string;
  beforeEach(() => {
    dir = makeTempDir();
    renderer = join(dir.path, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
    writeFileSync(join(renderer, 'assets', 'index.js'), 'console.log("app")');
    writeFileSync(join(renderer, 'assets', 'index.css'), 'body{}');
    writeFileSync(join(renderer, 'notes.bin'), 'binary');
    writeFileSync(join(renderer, 'run.sh'), '#!/bin/sh');
    // beside the renderer folder, where an escape would land
    writeFileSync(join(dir.path, 'secret.html'), 'SECRET');
    writeFileSync(join(dir.path, 'secret.js'), 'SECRET');
  });
  afterEach(() => dir.cleanup());

  it('serves scripts and styles of the page with their types', async () => {
    const get = handlerFor(renderer);
    const script = await get('app://renderer/assets/index.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log("app")');
    const style = await get('app://renderer/assets/index.css?v=2');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await style.text()).toBe('body{}');
  });

  it.each([
    'app://renderer/../secret.html',
    'app://renderer/assets/../../secret.js',
    'app://renderer/%2e%2e/secret.html',
    'app://renderer/..%2fsecret.html',
    'app://renderer/assets/..%2f..%2fsecret.js',
    'app://renderer/..%5csecret.html',
    'app://renderer/assets\\..\\..\\secret.js',
    'app://renderer//secret.html',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const response = await handlerFor(renderer)(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('SECRET');
  });

  it('never follows a link in the renderer folder to a file outside it', async () => {
    symlinkSync(join(dir.path, 'secret.js'), join(renderer, 'assets', 'linked.js'));
    symlinkSync(dir.path, join(renderer, 'up'));
    for (const url of ['app://renderer/assets/linked.js', 'app://renderer/up/secret.html']) {
      const response = await handlerFor(renderer)(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('SECRET');
    }
  });

  it('refuses an absolute path to the file beside the folder', async () => {
    const response = await handlerFor(renderer)(`app://renderer/${encodeURIComponent(join(dir.path, 'secret.html'))}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('SECRET');
  });

  it.each(['app://renderer/notes.bin', 'app://renderer/run.sh', 'app://renderer/assets'])(
    'refuses %s, a type the page is not made of, with 415 though it exists',
    async (url) => {
      const response = await handlerFor(renderer)(url);
      expect(response.status).toBe(415);
    },
  );

  it.each([
    'app://other/index.html',
    'app://user:pw@renderer/index.html',
    'app://renderer:99/index.html',
    'app:index.html',
    'lt-image://renderer/index.html',
    'file:///etc/passwd',
  ])('refuses %s with 400', async (url) => {
    expect((await handlerFor(renderer)(url)).status).toBe(400);
  });

  it('answers 404 for a file the build does not have', async () => {
    expect((await handlerFor(renderer)('app://renderer/assets/missing.js')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const get = handlerFor(renderer);
    const head = await get('app://renderer/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect((await get('app://renderer/index.html', 'POST')).status).toBe(405);
  });
});
