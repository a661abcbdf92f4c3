import http from 'node:http';
import https from 'node:https';
import { VlmError } from './vlm-error';

/** a server's body past this is not a caption: the read stops and the request fails */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const SNIPPET = 300;

export interface JsonRequest {
  url: string;
  method: 'GET' | 'POST';
  body?: unknown;
  apiKey: string | null;
  timeoutMs: number;
  signal?: AbortSignal;
}

const snippet = (text: string) => (text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text);

/** the server's own words from an error body: OpenAI's {error: {message}}, Ollama's {error: "…"}, or the text */
export function serverMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown; detail?: unknown };
    const e = parsed.error;
    if (typeof e === 'string') return e;
    if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
    if (typeof parsed.message === 'string') return parsed.message;
    if (typeof parsed.detail === 'string') return parsed.detail;
  } catch {
    // not JSON: the text itself
  }
  return snippet(body.trim()) || '(no message)';
}

function retryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function unreachable(url: string, err: NodeJS.ErrnoException): VlmError {
  const host = new URL(url).host;
  switch (err.code) {
    case 'ECONNREFUSED':
      return new VlmError(`Cannot reach ${host}: connection refused (is the server running?)`, false);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new VlmError(`Cannot reach ${host}: no such host`, false);
    case 'ECONNRESET':
    case 'EPIPE':
      return new VlmError(`${host} closed the connection before answering`, true);
    default:
      return new VlmError(`Cannot reach ${host}: ${err.message}`, false);
  }
}

/** kept-alive connections: at hundreds of requests a second a new one each time costs more than the request */
const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** one request over node:http (lighter on the main thread than fetch's streams); rejects with the socket's error */
function send(req: JsonRequest, signal: AbortSignal): Promise<RawResponse> {
  const url = new URL(req.url);
  const payload = req.body === undefined ? null : Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body));
  const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = payload.length;
  }
  if (req.apiKey) headers.authorization = `Bearer ${req.apiKey}`;
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = transport.request(url, { method: req.method, headers, agent: agents[url.protocol as 'http:' | 'https:'], signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          res.destroy();
          reject(new VlmError(`The server’s answer is over ${MAX_BODY_BYTES / 1024 / 1024} MB: not a caption`, false));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(payload ?? undefined);
  });
}

const header = (headers: http.IncomingHttpHeaders, name: string): string | null => {
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
};

/**
 * One request with a JSON answer, as a captioning server gives it. Every way
 * it can go wrong becomes a VlmError with the reason: down, a status with the
 * server's message, past the timeout, streamed when asked not to, empty or
 * not JSON. A cancel (the caller's signal) rethrows the abort as it is.
 * `body`: a value to send as JSON, or JSON already serialised (a Buffer).
 */
export async function requestJson(req: JsonRequest): Promise<unknown> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal;
  try {
    let response: RawResponse;
    try {
      response = await send(req, signal);
    } catch (err) {
      if (err instanceof VlmError || signal.aborted) throw err;
      throw unreachable(req.url, err as NodeJS.ErrnoException);
    }
    const { status, text } = response;
    if (status < 200 || status > 299) {
      const words = serverMessage(text);
      const retryIn = retryAfter(header(response.headers, 'retry-after'));
      if (status === 401 || status === 403) throw new VlmError(`The server refused the request (${status}, check the API key): ${words}`, false, null, text);
      if (status === 404) throw new VlmError(`Not found (404: a wrong model name or URL?): ${words}`, false, null, text);
      if (status === 429) throw new VlmError(`Too many requests (429): ${words}`, true, retryIn, text);
      if (status >= 500) throw new VlmError(`The server failed (${status}): ${words}`, true, retryIn, text);
      throw new VlmError(`The server refused the request (${status}): ${words}`, false, null, text);
    }
    const type = header(response.headers, 'content-type') ?? '';
    if (type.includes('text/event-stream') || /^\s*data:/.test(text)) {
      throw new VlmError('The server streamed its answer though a single answer (stream: false) was asked for', false, null, text);
    }
    if (text.trim() === '') throw new VlmError(`The server answered ${status} with an empty body`, false, null, text);
    try {
      return JSON.parse(text);
    } catch {
      // Ollama streams newline-separated JSON objects
      const lines = text.trim().split('\n');
      if (lines.length > 1 && lines.every((l) => l.trim().startsWith('{'))) {
        throw new VlmError('The server streamed its answer (one JSON object per line) though stream: false was asked for', false, null, text);
      }
      throw new VlmError(`The server’s answer is not JSON: ${snippet(text)}`, false, null, text);
    }
  } catch (err) {
    if (timeout.signal.aborted && !req.signal?.aborted) {
      throw new VlmError(`No answer within ${Math.round(req.timeoutMs / 1000)} s (the request timed out)`, false);
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
