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

function unreachable(url: string, err: unknown): VlmError {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  const host = new URL(url).host;
  if (code === 'ECONNREFUSED') return new VlmError(`Cannot reach ${host}: connection refused (is the server running?)`, false);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new VlmError(`Cannot reach ${host}: no such host`, false);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return new VlmError(`${host} closed the connection before answering`, true);
  return new VlmError(`Cannot reach ${host}: ${cause?.message ?? (err as Error).message}`, false);
}

async function readCapped(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new VlmError(`The server’s answer is over ${MAX_BODY_BYTES / 1024 / 1024} MB: not a caption`, false);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * One request with a JSON answer, as a captioning server gives it. Every way
 * it can go wrong becomes a VlmError with the reason: down, a status with the
 * server's message, past the timeout, streamed when asked not to, empty or
 * not JSON. A cancel (the caller's signal) rethrows the abort as it is.
 */
export async function requestJson(req: JsonRequest): Promise<unknown> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  if (req.apiKey) headers.authorization = `Bearer ${req.apiKey}`;
  try {
    let response: Response;
    try {
      response = await fetch(req.url, { method: req.method, headers, signal, ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }) });
    } catch (err) {
      throw req.signal?.aborted || timeout.signal.aborted ? err : unreachable(req.url, err);
    }
    const text = await readCapped(response);
    if (!response.ok) {
      const words = serverMessage(text);
      const status = response.status;
      if (status === 401 || status === 403) throw new VlmError(`The server refused the request (${status}, check the API key): ${words}`, false, null, text);
      if (status === 404) throw new VlmError(`Not found (404: a wrong model name or URL?): ${words}`, false, null, text);
      if (status === 429) throw new VlmError(`Too many requests (429): ${words}`, true, retryAfter(response.headers.get('retry-after')), text);
      if (status >= 500) throw new VlmError(`The server failed (${status}): ${words}`, true, retryAfter(response.headers.get('retry-after')), text);
      throw new VlmError(`The server refused the request (${status}): ${words}`, false, null, text);
    }
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('text/event-stream') || /^\s*data:/.test(text)) {
      throw new VlmError('The server streamed its answer though a single answer (stream: false) was asked for', false, null, text);
    }
    if (text.trim() === '') throw new VlmError(`The server answered ${response.status} with an empty body`, false, null, text);
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
