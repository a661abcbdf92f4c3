import { deepText } from './ws-client';

/**
 * What only a socket can send: frames that are no message at all, messages
 * whose envelope (type, id, channel) is wrong, and messages at and past the
 * server's 16 MB limit. After each, the next invoke on the socket must be
 * answered, or the socket closed with the code the protocol names for it.
 */
export interface FrameAttack {
  name: string;
  frame: string | Buffer;
  /** sent as a binary frame; a Buffer sent as text carries bytes that are no UTF-8 */
  binary?: boolean;
  acceptable(answer: unknown): boolean;
}

const MB16 = 16 * 1024 * 1024;
const answered = (answer: unknown) => (answer as { ok?: boolean }).ok === true;
const closedWith = (...codes: number[]) => (answer: unknown) => answered(answer) || codes.includes((answer as { closed?: number }).closed ?? -1);

const invoke = (fields: string) => `{"type":"invoke",${fields}}`;

/** a whole message of `size` bytes: an invoke whose payload is one long string */
function messageOfSize(size: number): string {
  const head = '{"type":"invoke","id":7,"channel":"caption.setText","payload":{"id":1,"revision":0,"text":"';
  const tail = '"}}';
  return head + 'x'.repeat(size - head.length - tail.length) + tail;
}

export function frameAttacks(): FrameAttack[] {
  const list: FrameAttack[] = [
    ...['', 'not json', '{', 'NaN', '[1,2', 'null', '[]', '42', '"invoke"', 'true', '{"__proto__":{"polluted":1}}'].map((frame) => ({ name: `text ${JSON.stringify(frame)}`, frame, acceptable: answered })),
    { name: 'binary frame of random bytes', frame: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), acceptable: answered },
    { name: 'text frame of invalid UTF-8', frame: Buffer.from([0x7b, 0xc3, 0x28, 0xff, 0xfe, 0x7d]), binary: false, acceptable: closedWith(1007) },
    { name: 'id as a string', frame: invoke('"id":"1","channel":"app.info","payload":{}'), acceptable: answered },
    { name: 'id NaN as text', frame: invoke('"id":NaN,"channel":"app.info","payload":{}'), acceptable: answered },
    { name: 'id 1e999 (Infinity)', frame: invoke('"id":1e999,"channel":"app.info","payload":{}'), acceptable: answered },
    { name: 'id -1e999', frame: invoke('"id":-1e999,"channel":"app.info","payload":{}'), acceptable: answered },
    { name: 'id -1', frame: invoke('"id":-1,"channel":"app.info","payload":{}'), acceptable: answered },
    { name: 'id 2^60', frame: invoke('"id":1152921504606846976,"channel":"app.info","payload":{}'), acceptable: answered },
    { name: 'id 0.5', frame: invoke('"id":0.5,"channel":"app.info","payload":{}'), acceptable: answered },
    { name: 'channel of 101 characters', frame: invoke(`"id":3,"channel":"${'a'.repeat(101)}","payload":{}`), acceptable: answered },
    ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'app.info\u0000', 'APP.INFO', ' app.info'].map((channel) => ({
      name: `channel ${JSON.stringify(channel)}`,
      frame: invoke(`"id":4,"channel":${JSON.stringify(channel)},"payload":{}`),
      acceptable: answered,
    })),
    { name: 'channel as an array', frame: invoke('"id":5,"channel":["app.info"],"payload":{}'), acceptable: answered },
    { name: 'type result', frame: '{"type":"result","id":6,"result":{"ok":true}}', acceptable: answered },
    { name: 'type event', frame: '{"type":"event","event":"session.changed","payload":{}}', acceptable: answered },
    { name: 'own __proto__ beside the envelope', frame: invoke('"id":8,"channel":"app.info","payload":{},"__proto__":{"isAdmin":true}'), acceptable: answered },
    { name: 'payload __proto__ with a path', frame: invoke('"id":9,"channel":"image.get","payload":{"__proto__":{"path":"/etc/passwd"},"id":1}'), acceptable: answered },
    { name: 'a message nested 50,000 deep', frame: deepText(50_000), acceptable: answered },
    { name: 'a payload nested 50,000 deep', frame: invoke(`"id":10,"channel":"app.info","payload":${deepText(50_000)}`), acceptable: answered },
    { name: 'a message just under 16 MB', frame: messageOfSize(MB16 - 1024), acceptable: answered },
    // past maxPayload the socket is closed with 1009 (message too big): refused, nothing read
    { name: 'a message just over 16 MB', frame: messageOfSize(MB16 + 1), acceptable: closedWith(1009) },
  ];
  return list;
}
