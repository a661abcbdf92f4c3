import fc from 'fast-check';
import { channelNames, type ChannelName } from '../../../src-shared/contract';
import { datasetWriteAllowed, outsideWrites } from './allowed-writes';
import { channelPayloads, type PayloadContext } from './channel-payloads';
import { frameAttacks } from './frame-attacks';
import { HostClient } from './host-client';
import type { DispatchReply, HostStarted } from './host-protocol';
import { diffTrees, makeSandbox, snapshotDatasetFiles, snapshotTree, type Sandbox, type TreeSnapshot } from './sandbox';
import { WsClient } from './ws-client';

export interface HostileOptions {
  /** payloads per channel and per transport */
  perChannel: number;
  /** of those, how many carry megabytes (strings and arrays up to the 16 MB limit); the frames past 16 MB are sent either way */
  hugePerChannel: number;
  seed: number;
  channels?: readonly ChannelName[];
  log?: (line: string) => void;
}

/** one payload that broke a rule, with enough to send it again */
export interface Finding {
  transport: 'dispatch' | 'ws';
  channel: string;
  payload: string;
  what: string;
}

export interface HostileSummary {
  seed: number;
  payloads: { dispatch: number; ws: number; frames: number };
  /** the host process died */
  crashes: Finding[];
  /** dispatch threw instead of answering a Result, or the socket gave no answer */
  thrown: Finding[];
  unhandledRejections: string[];
  /** changes in the sandbox or the canary outside the dataset, the app's folders and the exports asked for */
  outsideWrites: string[];
  /** dataset or canary files changed by a payload whose answer did not ask for it */
  unaskedWrites: Finding[];
  /** the host's event loop: its longest stall while each transport was flooded, ms */
  longestStallMs: { dispatch: number; ws: number };
  /** the channels whose payloads stalled it longest, ms */
  slowestChannels: { transport: string; channel: string; ms: number }[];
  /** answers by error code, both transports */
  answers: Record<string, number>;
}

/** a payload as a line of a report: long strings and deep nesting cut short */
export function preview(payload: unknown): string {
  try {
    const text = JSON.stringify(payload, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : Array.isArray(v) && v.length > 20 ? [...v.slice(0, 5), `…(${v.length} items)`] : v));
    return (text ?? String(payload)).slice(0, 400);
  } catch {
    return '(too deep to print)';
  }
}

const REOPENS = new Set(['session.open', 'session.close']);

/**
 * Every contract channel, `perChannel` payloads through dispatch and as many
 * through the served WebSocket, at a host in a sandbox; then the frames only
 * a socket can send. Checked after each payload: the host lives, answers, and
 * changed only what the answer allows; after the run: nothing outside.
 */
export async function runHostilePayloads(options: HostileOptions): Promise<HostileSummary> {
  const log = options.log ?? (() => undefined);
  const channels = options.channels ?? channelNames;
  const box = await makeSandbox();
  const whole = () => snapshotTree(box.root, { skip: (rel) => rel.startsWith('sandbox/tmp/tsx-') });
  const before = whole();
  const summary: HostileSummary = {
    seed: options.seed,
    payloads: { dispatch: 0, ws: 0, frames: 0 },
    crashes: [],
    thrown: [],
    unhandledRejections: [],
    outsideWrites: [],
    unaskedWrites: [],
    longestStallMs: { dispatch: 0, ws: 0 },
    slowestChannels: [],
    answers: {},
  };
  const exports = new Set<string>();
  let host = await HostClient.start(box);
  let ws: WsClient | null = null;
  try {
    for (const transport of ['dispatch', 'ws'] as const) {
      await host.request({ op: 'stall' });
      for (const [index, channel] of channels.entries()) {
        const ctx = (huge: 'only' | 'never'): PayloadContext => ({ canary: box.canary, dataset: box.dataset, sandbox: box.sandbox, huge, ids: host.started.ids });
        const huge = Math.min(options.hugePerChannel, options.perChannel);
        const payloads = [
          ...fc.sample(channelPayloads(channel, ctx('never')), { numRuns: options.perChannel - huge, seed: options.seed + index }),
          ...(huge > 0 ? fc.sample(channelPayloads(channel, ctx('only')), { numRuns: huge, seed: options.seed + index }) : []),
        ];
        let files = watched(box);
        for (const payload of payloads) {
          if (transport === 'ws' && (!ws || ws.closed)) ws = await openSocket(host.started);
          let answer: DispatchReply;
          try {
            if (transport === 'dispatch') answer = await host.request<DispatchReply>({ op: 'dispatch', channel, payload });
            else {
              answer = toReply(await ws!.invoke(channel, payload));
              await host.request({ op: 'idle' });
            }
          } catch (err) {
            if (!host.crashed) throw err;
            summary.crashes.push({ transport, channel, payload: preview(payload), what: `${host.exit!.code ?? host.exit!.signal}: ${host.exit!.stderr.slice(-1000)}` });
            log(`crash on ${channel}: restarting the host`);
            host = await HostClient.start(box);
            ws = null;
            files = watched(box);
            continue;
          }
          summary.payloads[transport]++;
          const code = answer.ok ? 'ok' : answer.code;
          summary.answers[code] = (summary.answers[code] ?? 0) + 1;
          if (!answer.ok && code === 'no-answer') summary.thrown.push({ transport, channel, payload: preview(payload), what: answer.message });
          if (answer.ok && answer.outPath) exports.add(answer.outPath);

          const now = watched(box);
          for (const change of diffTrees(files.dataset, now.dataset)) {
            if (!datasetWriteAllowed(change, channel, answer, box.dataset)) {
              summary.unaskedWrites.push({ transport, channel, payload: preview(payload), what: `dataset: ${change} (answer ${code})` });
            }
          }
          for (const change of diffTrees(files.canary, now.canary)) summary.unaskedWrites.push({ transport, channel, payload: preview(payload), what: `canary: ${change}` });
          files = now;
          if (answer.ok && REOPENS.has(channel)) {
            await host.request({ op: 'reopen' });
            files = watched(box);
          }
        }
        const stall = await host.request<{ maxMs: number; rejections: string[] }>({ op: 'stall' });
        const ms = Math.round(stall.maxMs);
        summary.longestStallMs[transport] = Math.max(summary.longestStallMs[transport], ms);
        summary.slowestChannels.push({ transport, channel, ms });
        summary.unhandledRejections.push(...stall.rejections);
        log(`${transport} ${channel}: ${payloads.length} payloads, longest stall ${ms} ms`);
      }
    }
    summary.slowestChannels = summary.slowestChannels.sort((a, b) => b.ms - a.ms).slice(0, 5);

    for (const attack of frameAttacks()) {
      if (!ws || ws.closed) ws = await openSocket(host.started);
      const answer = await ws.raw(attack.frame, attack.binary);
      summary.payloads.frames++;
      if (host.crashed || (await host.request({ op: 'idle' }).then(() => false, () => host.crashed))) {
        summary.crashes.push({ transport: 'ws', channel: '(frame)', payload: attack.name, what: `${host.exit!.code ?? host.exit!.signal}: ${host.exit!.stderr.slice(-1000)}` });
        host = await HostClient.start(box);
        ws = null;
        continue;
      }
      if (!attack.acceptable(answer)) summary.thrown.push({ transport: 'ws', channel: '(frame)', payload: attack.name, what: preview(answer) });
    }
    // the server still answers a legitimate request on a fresh socket
    const fresh = await openSocket(host.started);
    const state = toReply(await fresh.invoke('history.state', {}));
    fresh.close();
    if (!state.ok) summary.thrown.push({ transport: 'ws', channel: 'history.state', payload: '{}', what: 'no answer after the frame attacks' });
    const last = await host.request<{ maxMs: number; rejections: string[] }>({ op: 'stall' });
    summary.unhandledRejections.push(...last.rejections);
  } finally {
    ws?.close();
    if (host.crashed) summary.crashes.push({ transport: 'ws', channel: '(after the run)', payload: '', what: host.exit!.stderr.slice(-1000) });
    await host.stop();
  }
  summary.outsideWrites = outsideWrites(diffTrees(before, whole()), box, exports);
  box.cleanup();
  return summary;
}

/** the files a payload may not change unless its answer asks for it: the dataset's own and the canary */
function watched(box: Sandbox): { dataset: TreeSnapshot; canary: TreeSnapshot } {
  return { dataset: snapshotDatasetFiles(box.dataset), canary: snapshotTree(box.canary, { contents: false }) };
}

async function openSocket(started: HostStarted): Promise<WsClient> {
  const { origin, port } = new URL(started.url);
  return WsClient.open(origin, `lt_${port}=${started.token}`);
}

/** a socket answer as the dispatch reply it carries; `no-answer` when the socket closed instead */
function toReply(result: unknown): DispatchReply {
  const r = result as { ok?: boolean; value?: { outPath?: unknown }; error?: { code: string; message: string }; closed?: number };
  if (r.ok === true) return { ok: true, ...(typeof r.value?.outPath === 'string' ? { outPath: r.value.outPath } : {}) };
  if (r.ok === false && r.error) return { ok: false, code: r.error.code, message: r.error.message };
  // past the server's 16 MB limit the socket is closed with 1009, as the protocol says: a refusal
  if (r.closed === 1009) return { ok: false, code: 'too-big (1009)', message: 'the message was over 16 MB' };
  return { ok: false, code: 'no-answer', message: `the socket closed (${r.closed ?? '?'}) instead of answering` };
}
