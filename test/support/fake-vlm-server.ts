import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

/**
 * A local stand-in for a vision-language model server, speaking both
 * protocols the captioner uses: OpenAI-compatible (GET /v1/models, POST
 * /v1/chat/completions with a data:image/jpeg;base64 image_url part) and
 * Ollama's (GET /api/tags, POST /api/chat with images: [base64]). It decodes
 * the image it receives and answers from its pixels, "A red image, 64 by 48
 * pixels.", so a test proves the right image went with the right request.
 * Every bad case a real server has is a switch, for all requests or for the
 * images of one colour.
 */
export type VlmBehaviour =
  | 'ok'
  /** "<think>…</think>This image shows a red image…": for the clean-up rules */
  | 'chatty'
  | 'unauthorized'
  | 'server-error'
  /** 429 with Retry-After: 0 this many times, then ok (see failTimes) */
  | 'rate-limited'
  | 'hang'
  | 'stream'
  | 'empty'
  | 'not-json'
  | 'huge'
  /** the server's error for a model that takes no images */
  | 'no-vision';

export interface VlmRequestLog {
  protocol: 'openai' | 'ollama';
  path: string;
  model: string;
  prompt: string;
  system: string | null;
  authorization: string | null;
  /** the options as sent (temperature, top_p, max tokens, stream) */
  options: Record<string, unknown>;
  /** what the image decoded to, or null when none came or it would not decode */
  image: { width: number; height: number; colour: string; format: string } | null;
}

export interface FakeVlmServer {
  /** http://127.0.0.1:port: Ollama's base; the OpenAI base is `${url}/v1` */
  url: string;
  requests: VlmRequestLog[];
  models: string[];
  /** models that answer "does not support images" */
  textOnlyModels: Set<string>;
  /** a key the server demands (Bearer), or null */
  apiKey: string | null;
  /** how every request is answered from now on */
  behave(behaviour: VlmBehaviour): void;
  /** how the images of this colour are answered (wins over behave) */
  behaveFor(colour: string, behaviour: VlmBehaviour): void;
  /** how many 429s `rate-limited` gives before it answers */
  failTimes: number;
  /** each answer waits this long (ms) */
  delayMs: number;
  close(): Promise<void>;
}

const PALETTE: [string, number, number, number][] = [
  ['black', 0, 0, 0],
  ['white', 255, 255, 255],
  ['grey', 128, 128, 128],
  ['red', 220, 30, 30],
  ['green', 30, 180, 30],
  ['blue', 30, 30, 220],
  ['yellow', 230, 220, 30],
  ['cyan', 30, 210, 220],
  ['magenta', 210, 30, 210],
];

/** the palette colour nearest the image's mean */
export function colourName(r: number, g: number, b: number): string {
  let best = PALETTE[0]!;
  let bestDistance = Infinity;
  for (const c of PALETTE) {
    const d = (c[1] - r) ** 2 + (c[2] - g) ** 2 + (c[3] - b) ** 2;
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best[0];
}

/** what the server answers for an image: tests compare captions with it */
export const describeImage = (image: { width: number; height: number; colour: string }) =>
  `A ${image.colour} image, ${image.width} by ${image.height} pixels.`;

async function decode(base64: string): Promise<VlmRequestLog['image']> {
  try {
    const bytes = Buffer.from(base64, 'base64');
    const img = sharp(bytes);
    const [meta, stats] = await Promise.all([img.metadata(), img.stats()]);
    const [r, g, b] = stats.channels.map((c) => c.mean);
    return { width: meta.width ?? 0, height: meta.height ?? 0, colour: colourName(r ?? 0, g ?? 0, b ?? 0), format: meta.format ?? '' };
  } catch {
    return null;
  }
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

interface ParsedChat {
  model: string;
  prompt: string;
  system: string | null;
  imageBase64: string | null;
  options: Record<string, unknown>;
}

function parseOpenAi(body: Record<string, unknown>): ParsedChat {
  const messages = (body.messages ?? []) as { role: string; content: unknown }[];
  const system = messages.find((m) => m.role === 'system');
  const user = messages.find((m) => m.role === 'user');
  const parts = Array.isArray(user?.content) ? (user.content as { type: string; text?: string; image_url?: { url: string } }[]) : [];
  const url = parts.find((p) => p.type === 'image_url')?.image_url?.url ?? '';
  const m = /^data:image\/jpeg;base64,(.*)$/s.exec(url);
  return {
    model: String(body.model),
    prompt: parts.filter((p) => p.type === 'text').map((p) => p.text).join(''),
    system: typeof system?.content === 'string' ? system.content : null,
    imageBase64: m ? m[1]! : null,
    options: { temperature: body.temperature, top_p: body.top_p, max_tokens: body.max_tokens, stream: body.stream, response_format: body.response_format },
  };
}

function parseOllama(body: Record<string, unknown>): ParsedChat {
  const messages = (body.messages ?? []) as { role: string; content: string; images?: string[] }[];
  const user = messages.find((m) => m.role === 'user');
  return {
    model: String(body.model),
    prompt: user?.content ?? '',
    system: messages.find((m) => m.role === 'system')?.content ?? null,
    imageBase64: user?.images?.[0] ?? null,
    options: { ...(body.options as object), stream: body.stream, format: body.format },
  };
}

export async function startFakeVlmServer(): Promise<FakeVlmServer> {
  const requests: VlmRequestLog[] = [];
  const byColour = new Map<string, VlmBehaviour>();
  const hanging = new Set<ServerResponse>();
  let behaviour: VlmBehaviour = 'ok';
  let rateLimited = 0;

  const state: Omit<FakeVlmServer, 'url' | 'close'> = {
    requests,
    models: ['fake-vl', 'fake-vl-2'],
    textOnlyModels: new Set(['fake-text']),
    apiKey: null,
    behave: (b) => (behaviour = b),
    behaveFor: (colour, b) => byColour.set(colour, b),
    failTimes: 1,
    delayMs: 0,
  };

  const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://vlm').pathname;
    const protocol = path.startsWith('/api/') ? 'ollama' : 'openai';
    const errorBody = (message: string) => (protocol === 'ollama' ? { error: message } : { error: { message, type: 'invalid_request_error' } });
    if (state.apiKey !== null && req.headers.authorization !== `Bearer ${state.apiKey}`) {
      json(res, 401, errorBody('Invalid API key'));
      return;
    }
    if (req.method === 'GET' && path === '/v1/models') return json(res, 200, { object: 'list', data: state.models.map((id) => ({ id, object: 'model' })) });
    if (req.method === 'GET' && path === '/api/tags') return json(res, 200, { models: state.models.map((name) => ({ name, model: name })) });
    if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/api/chat')) return json(res, 404, errorBody(`no route ${path}`));

    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const chat = protocol === 'ollama' ? parseOllama(body) : parseOpenAi(body);
    const image = chat.imageBase64 === null ? null : await decode(chat.imageBase64);
    requests.push({
      protocol,
      path,
      model: chat.model,
      prompt: chat.prompt,
      system: chat.system,
      authorization: req.headers.authorization ?? null,
      options: chat.options,
      image,
    });
    if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));

    if (!state.models.includes(chat.model) && !state.textOnlyModels.has(chat.model)) {
      return json(res, 404, errorBody(protocol === 'ollama' ? `model "${chat.model}" not found, try pulling it first` : `The model \`${chat.model}\` does not exist`));
    }
    const mode = (image && byColour.get(image.colour)) ?? (state.textOnlyModels.has(chat.model) ? 'no-vision' : behaviour);
    if (image === null && mode !== 'no-vision') return json(res, 400, errorBody('the image could not be decoded'));
    const caption = image ? describeImage(image) : '';
    const answer = (content: string) =>
      protocol === 'ollama'
        ? json(res, 200, { model: chat.model, message: { role: 'assistant', content }, done: true })
        : json(res, 200, { id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });

    switch (mode) {
      case 'ok':
        return answer(caption);
      case 'chatty':
        return answer(`<think>The user wants a caption. Let me look.</think>\n\nThis image shows ${caption.charAt(0).toLowerCase()}${caption.slice(1)}`);
      case 'unauthorized':
        return json(res, 401, errorBody('Invalid API key'));
      case 'server-error':
        return json(res, 500, errorBody('CUDA out of memory'));
      case 'rate-limited':
        if (rateLimited++ < state.failTimes) return json(res, 429, errorBody('Rate limit reached'), { 'retry-after': '0' });
        rateLimited = 0;
        return answer(caption);
      case 'hang':
        hanging.add(res);
        return;
      case 'stream':
        if (protocol === 'ollama') {
          res.writeHead(200, { 'content-type': 'application/x-ndjson' });
          res.end(`${JSON.stringify({ message: { content: 'A ' }, done: false })}\n${JSON.stringify({ message: { content: 'red' }, done: true })}\n`);
        } else {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.end(`data: ${JSON.stringify({ choices: [{ delta: { content: 'A red' } }] })}\n\ndata: [DONE]\n\n`);
        }
        return;
      case 'empty':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end();
        return;
      case 'not-json':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body>502 Bad Gateway (nginx)</body></html>');
        return;
      case 'huge':
        return answer(`${caption} ${'and more '.repeat(11_200)}`.slice(0, 100_000));
      case 'no-vision':
        return json(
          res,
          400,
          errorBody(protocol === 'ollama' ? `model "${chat.model}" does not support images` : 'Image input is not supported for this model: the model has no vision projector (mmproj)'),
        );
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) json(res, 500, { error: String(err) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** a loopback port nothing listens on: a server that is down */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
