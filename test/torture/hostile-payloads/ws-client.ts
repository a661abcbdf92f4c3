import { WebSocket } from 'ws';

/** The hostile value as text a client could send: JSON, except that Infinity is 1e999 and -0 stays -0 (both parse back so). */
export function encodePayload(payload: unknown): string {
  const INF = '\u0000inf\u0000';
  const NEG_INF = '\u0000-inf\u0000';
  const NEG_ZERO = '\u0000-0\u0000';
  const text = JSON.stringify(payload, (_key, value: unknown) => {
    if (value === Infinity) return INF;
    if (value === -Infinity) return NEG_INF;
    if (typeof value === 'number' && Object.is(value, -0)) return NEG_ZERO;
    if (typeof value === 'bigint') return Number(value); // a JSON client can only send a number
    return value; // NaN becomes null, as any JSON client sends it
  });
  return (text ?? 'null')
    .replaceAll(JSON.stringify(INF), '1e999')
    .replaceAll(JSON.stringify(NEG_INF), '-1e999')
    .replaceAll(JSON.stringify(NEG_ZERO), '-0');
}

/** a message too deep for JSON.stringify to write: built as text */
export const deepText = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/**
 * A WebSocket to the served `/ws` with the session cookie, as the page holds
 * it. `invoke` sends one message as text and waits for its answer; `raw`
 * sends any frame and waits until the server has read it (the next answer
 * on the socket comes after it).
 */
export class WsClient {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();
  closed: { code: number } | null = null;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { type: string; id?: number; result?: unknown };
      if (msg.type !== 'result' || msg.id === undefined) return;
      this.waiting.get(msg.id)?.(msg.result);
      this.waiting.delete(msg.id);
    });
    ws.on('close', (code) => {
      this.closed = { code };
      for (const done of this.waiting.values()) done({ closed: code });
      this.waiting.clear();
    });
  }

  static open(origin: string, cookie: string): Promise<WsClient> {
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/ws`, { headers: { cookie, origin }, maxPayload: 64 * 1024 * 1024 });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new WsClient(ws)));
      ws.once('error', reject);
    });
  }

  /** send `payload` to `channel`; the answer, or `{ closed }` if the server closed the socket instead */
  invoke(channel: string, payload: unknown): Promise<unknown> {
    const id = this.nextId++;
    let text: string;
    try {
      text = JSON.stringify({ type: 'invoke', id, channel, payload: { '\u0000': 1 } }).replace(`{"\\u0000":1}`, () => encodePayload(payload));
    } catch {
      // deeper than JSON.stringify goes: the same depth as text
      text = JSON.stringify({ type: 'invoke', id, channel, payload: 0 }).replace(/0}$/, () => `${deepText(50_000)}}`);
    }
    return this.sendAndWait(id, text);
  }

  /** any frame; then a harmless invoke, whose answer says the frame was read (or the socket closed) */
  async raw(frame: string | Buffer, binary = Buffer.isBuffer(frame)): Promise<unknown> {
    if (this.closed) return { closed: this.closed.code };
    this.ws.send(frame, { binary });
    return this.invoke('history.state', {});
  }

  private sendAndWait(id: number, text: string): Promise<unknown> {
    if (this.closed) return Promise.resolve({ closed: this.closed.code });
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(text);
    });
  }

  close(): void {
    this.ws.terminate();
  }
}
