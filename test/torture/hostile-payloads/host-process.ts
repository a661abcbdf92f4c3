// The app under attack, in a process of its own: `lora-tagger serve` on the
// sandbox's dataset (runServe, as the CLI runs it), with HOME, XDG and TMPDIR
// inside the sandbox and its working directory there too. The driver sends
// payloads over IPC (structured clone: NaN, -0 and own `__proto__` keys
// arrive as sent) to `dispatch`, and over the WebSocket the server prints.
// It counts unhandled rejections instead of dying of the first, and measures
// how long its event loop stalls. An uncaught exception is left to kill it:
// the driver sees the crash.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { defaultCacheDir, defaultUserDataDir } from '../../../src-main/serve/app-paths';
import { runServe } from '../../../src-main/serve/run-serve';
import type { ChannelOutput } from '../../../src-shared/contract';
import type { HostReply, HostRequest } from './host-protocol';

const dataset = process.argv[2]!;
const rejections: string[] = [];
process.on('unhandledRejection', (reason) => {
  rejections.push(reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason).slice(0, 300));
});

const server = await runServe({ folder: dataset, host: '127.0.0.1', port: 0 }, { userDataDir: defaultUserDataDir(), cacheDir: defaultCacheDir(), version: 'torture' }, () => undefined);
const { api } = server;
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

async function reopen(): Promise<number[]> {
  const opened = await api.invoke('session.open', { path: dataset, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  if (!opened.ok) throw new Error(`the dataset did not open: ${opened.error.message}`);
  await idle();
  const list = await api.invoke('images.list', { offset: 0, limit: 1000 });
  if (!list.ok) throw new Error(list.error.message);
  return (list.value as ChannelOutput<'images.list'>).items.map((i) => i.id);
}

async function idle(): Promise<void> {
  await api.workspace.current()?.whenIdle();
}

async function answer(req: HostRequest): Promise<HostReply> {
  switch (req.op) {
    case 'dispatch': {
      const result = await api.invoke(req.channel, req.payload);
      // what the answer queued is on disk before the driver looks
      await idle();
      if (result.ok) {
        const outPath = (result.value as { outPath?: unknown } | null)?.outPath;
        return { ok: true, ...(typeof outPath === 'string' ? { outPath } : {}) };
      }
      return { ok: false, code: result.error.code, message: result.error.message.slice(0, 300) };
    }
    case 'idle':
      await idle();
      return { idle: true };
    case 'reopen':
      return { ids: await reopen() };
    case 'session':
      return { root: api.workspace.current()?.info().datasetDir ?? null };
    case 'stall': {
      const maxMs = loop.max / 1e6;
      loop.reset();
      return { maxMs, rejections: rejections.splice(0) };
    }
    case 'close':
      await server.close();
      loop.disable();
      return { closed: true };
  }
}

process.on('message', (msg: { seq: number; req: HostRequest }) => {
  void answer(msg.req).then(
    (reply) => process.send!({ seq: msg.seq, reply }),
    (err: unknown) => process.send!({ seq: msg.seq, error: (err as Error)?.message ?? String(err) }),
  );
});

const ids = await reopen();
process.send!({ seq: 0, reply: { url: server.url, token: server.token, ids } });
