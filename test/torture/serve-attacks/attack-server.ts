import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiHost } from '../../../src-main/api/create-api-host';
import { startServer, type RunningServer } from '../../../src-main/serve/start-server';
import type { ChannelOutput } from '../../../src-shared/contract';
import { makeImage, makeImages } from '../../support/make-images';

/** a marker in every file outside what the server may send: found in an answer, something leaked */
export const SECRET = 'CANARY-7f3a9c-not-for-the-browser';

/**
 * Two runs of `lora-tagger serve` (each its own token and port, as two
 * terminals would start them) on one dataset that holds links out of it,
 * files whose bytes are not what their names say, and beside it files the
 * static route would send if a path climbed out of the renderer's folder.
 */
export interface AttackTarget {
  root: string;
  dataset: string;
  canary: string;
  /** the server under attack */
  run: ServedRun;
  /** another run: its token and cookie must open nothing of `run` */
  other: ServedRun;
  /** listed images by name */
  ids: Map<string, number>;
  /** the bytes of the image outside the dataset that links point at */
  secretImage: Buffer;
  close(): Promise<void>;
}

export interface ServedRun extends RunningServer {
  origin: string;
  port: number;
  host: string;
  cookie: string;
}

async function serve(api: ReturnType<typeof createApiHost>): Promise<ServedRun> {
  const server = await startServer({ host: '127.0.0.1', port: 0, api });
  const { origin, port, host } = new URL(server.url);
  return { ...server, origin, port: Number(port), host, cookie: `lt_${port}=${server.token}` };
}

export async function startAttackTarget(): Promise<AttackTarget> {
  const root = mkdtempSync(join(tmpdir(), 'lora-tagger-serve-attacks-'));
  const dataset = join(root, 'set');
  const canary = join(root, 'canary');
  const renderer = join(root, 'renderer');

  await makeImages(dataset, ['a.png', 'b.jpg']);
  await makeImage(join(canary, 'secret.png'), { seed: 42 });
  writeFileSync(join(canary, 'passwd'), `${SECRET}\n`);
  // a file and a folder of the dataset that lead out of it
  symlinkSync(join(canary, 'secret.png'), join(dataset, 'link-out.png'));
  symlinkSync(canary, join(dataset, 'linkdir'));
  // names that say image, bytes that are a script or a page
  writeFileSync(join(dataset, 'evil.png'), `<svg xmlns="http://www.w3.org/2000/svg" onload="alert('${SECRET}')"/>`);
  writeFileSync(join(dataset, 'page.jpg'), `<!doctype html><script>fetch('/ws?${SECRET}')</script>`);
  writeFileSync(join(dataset, 'a.txt'), 'one, two');

  // the renderer's folder, and beside it files of every type the static route sends
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>LoRA Tagger</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app")');
  for (const ext of ['html', 'js', 'json', 'css', 'svg', 'png']) writeFileSync(join(root, `outside.${ext}`), SECRET);
  // a link inside the renderer's folder to a file outside it
  symlinkSync(join(root, 'outside.js'), join(renderer, 'assets', 'linked.js'));

  const before = process.env.LORA_TAGGER_RENDERER_DIR;
  process.env.LORA_TAGGER_RENDERER_DIR = renderer;
  const api = createApiHost({ transport: 'serve', userDataDir: join(root, 'app-data'), cacheDir: join(root, 'cache'), servedFolder: dataset, version: 'torture' });
  const run = await serve(api);
  const other = await serve(api);

  const opened = await api.invoke('session.open', { path: dataset, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  if (!opened.ok) throw new Error(opened.error.message);
  await api.workspace.requireSession().whenIdle();
  const listed = await api.invoke('images.list', { offset: 0, limit: 1000 });
  if (!listed.ok) throw new Error(listed.error.message);
  const ids = new Map((listed.value as ChannelOutput<'images.list'>).items.map((i) => [i.name, i.id] as const));

  return {
    root,
    dataset,
    canary,
    run,
    other,
    ids,
    secretImage: readFileSync(join(canary, 'secret.png')),
    async close() {
      await run.close();
      await other.close();
      await api.shutdown();
      if (before === undefined) delete process.env.LORA_TAGGER_RENDERER_DIR;
      else process.env.LORA_TAGGER_RENDERER_DIR = before;
      if (!process.env.KEEP_TEST_DIRS) rmSync(root, { recursive: true, force: true });
    },
  };
}
