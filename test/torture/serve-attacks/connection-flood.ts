import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WsClient } from '../hostile-payloads/ws-client';
import type { AttackTarget } from './attack-server';
import { idleSocket, rawRequest } from './raw-http';

export interface FloodReport {
  idleSockets: number;
  slowLoris: number;
  /** legitimate requests made while the flood held its sockets open */
  requests: number;
  /** how many of them were answered as they should be (the page, an image, an invoke) */
  answered: number;
  /** the slowest of them, ms: reported, not a pass mark */
  slowestMs: number;
}

/**
 * `idle` connections that never send a byte and `loris` that dribble a
 * request header a byte at a time, all held open while a legitimate client
 * asks for the page, an image and an invoke `rounds` times. The server must
 * keep answering it.
 */
export async function connectionFlood(t: AttackTarget, { idle, loris, rounds }: { idle: number; loris: number; rounds: number }): Promise<FloodReport> {
  const held: Socket[] = [];
  const timers: NodeJS.Timeout[] = [];
  const report: FloodReport = { idleSockets: 0, slowLoris: 0, requests: 0, answered: 0, slowestMs: 0 };
  try {
    for (let i = 0; i < idle; i++) held.push(await idleSocket(t.run.port));
    report.idleSockets = held.length;
    const header = `GET / HTTP/1.1\r\nhost: ${t.run.host}\r\ncookie: ${t.run.cookie}\r\nx-slow: ${'a'.repeat(10_000)}`;
    for (let i = 0; i < loris; i++) {
      const socket = await idleSocket(t.run.port);
      socket.on('error', () => undefined);
      held.push(socket);
      let at = 0;
      timers.push(setInterval(() => !socket.destroyed && at < header.length && socket.write(header[at++]!), 50));
    }
    report.slowLoris = loris;

    const image = `/image/${t.ids.get('a.png')}/full`;
    const ws = await WsClient.open(t.run.origin, t.run.cookie);
    for (let round = 0; round < rounds; round++) {
      for (const ask of [
        async () => (await rawRequest(t.run.port, '/', { host: t.run.host, cookie: t.run.cookie })).status === 200,
        async () => (await rawRequest(t.run.port, image, { host: t.run.host, cookie: t.run.cookie })).status === 200,
        async () => ((await ws.invoke('history.state', {})) as { ok?: boolean }).ok === true,
      ]) {
        const started = performance.now();
        const ok = await ask();
        report.slowestMs = Math.max(report.slowestMs, Math.round(performance.now() - started));
        report.requests++;
        if (ok) report.answered++;
      }
    }
    ws.close();
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const socket of held) socket.destroy();
  }
  return report;
}
