import type { CaptionRequest, RequestJson, VlmClient, VlmEndpoint } from './vlm-protocol';
import { MODELS_TIMEOUT_MS } from './vlm-protocol';
import { jsonWithImage } from './json-image-body';
import { VlmError } from './vlm-error';

/** Ollama's own API: POST /api/chat with images: [base64] and stream: false, models from /api/tags. */
const url = (baseUrl: string, path: string) => `${baseUrl.replace(/\/+$/, '')}${path}`;

/** `image`: the base64, or a marker that jsonWithImage fills */
export function ollamaBody(req: CaptionRequest, image = req.jpeg.toString('base64')): Record<string, unknown> {
  const messages: unknown[] = [];
  if (req.system) messages.push({ role: 'system', content: req.system });
  messages.push({ role: 'user', content: req.prompt, images: [image] });
  const options: Record<string, number> = {};
  if (req.temperature !== undefined) options.temperature = req.temperature;
  if (req.topP !== undefined) options.top_p = req.topP;
  if (req.maxTokens !== undefined) options.num_predict = req.maxTokens;
  return { model: req.model, messages, stream: false, options, ...(req.jsonSchema ? { format: req.jsonSchema } : {}) };
}

export function ollamaAnswer(body: unknown): string {
  const content = (body as { message?: { content?: unknown } }).message?.content;
  if (typeof content !== 'string') throw new VlmError('The server’s answer has no message.content', false, null, JSON.stringify(body).slice(0, 2000));
  return content;
}

export function ollamaClient(endpoint: VlmEndpoint, request: RequestJson): VlmClient {
  return {
    async models(signal) {
      const body = await request({ url: url(endpoint.baseUrl, '/api/tags'), method: 'GET', apiKey: endpoint.apiKey, timeoutMs: MODELS_TIMEOUT_MS, ...(signal ? { signal } : {}) });
      const models = (body as { models?: { name?: unknown }[] }).models;
      if (!Array.isArray(models)) throw new VlmError('The server’s model list has no models array (is this an Ollama URL?)', false);
      return models.map((m) => m.name).filter((n): n is string => typeof n === 'string');
    },
    async caption(req, timeoutMs, signal) {
      const body = await request({ url: url(endpoint.baseUrl, '/api/chat'), method: 'POST', body: jsonWithImage((marker) => ollamaBody(req, marker), req.jpeg, ''), apiKey: endpoint.apiKey, timeoutMs, ...(signal ? { signal } : {}) });
      return ollamaAnswer(body);
    },
  };
}
