import type { CaptionRequest, RequestJson, VlmClient, VlmEndpoint } from './vlm-protocol';
import { MODELS_TIMEOUT_MS } from './vlm-protocol';
import { jsonWithImage } from './json-image-body';
import { VlmError } from './vlm-error';

/**
 * The OpenAI-compatible chat API (LM Studio, llama.cpp's server, vLLM,
 * hosted APIs): POST /chat/completions with the image as a data: URL part,
 * models from GET /models. A base given without its /v1 gets it.
 */
export function openAiUrl(baseUrl: string, path: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return /\/v\d+$/.test(base) ? `${base}${path}` : `${base}/v1${path}`;
}

/** `imageUrl`: the data: URL, or a marker that jsonWithImage fills */
export function openAiBody(req: CaptionRequest, imageUrl = `data:image/jpeg;base64,${req.jpeg.toString('base64')}`): Record<string, unknown> {
  const messages: unknown[] = [];
  if (req.system) messages.push({ role: 'system', content: req.system });
  messages.push({
    role: 'user',
    content: [
      { type: 'text', text: req.prompt },
      { type: 'image_url', image_url: { url: imageUrl } },
    ],
  });
  return {
    model: req.model,
    messages,
    stream: false,
    ...(req.temperature === undefined ? {} : { temperature: req.temperature }),
    ...(req.topP === undefined ? {} : { top_p: req.topP }),
    ...(req.maxTokens === undefined ? {} : { max_tokens: req.maxTokens }),
    ...(req.jsonSchema ? { response_format: { type: 'json_schema', json_schema: { name: 'caption', schema: req.jsonSchema } } } : {}),
  };
}

/** the text of choices[0].message.content: a string, or parts with text */
export function openAiAnswer(body: unknown): string {
  const choice = (body as { choices?: { message?: { content?: unknown } }[] }).choices?.[0];
  const content = choice?.message?.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((p) => (typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : '')).join('');
  throw new VlmError('The server’s answer has no choices[0].message.content', false, null, JSON.stringify(body).slice(0, 2000));
}

export function openAiClient(endpoint: VlmEndpoint, request: RequestJson): VlmClient {
  return {
    async models(signal) {
      const body = await request({ url: openAiUrl(endpoint.baseUrl, '/models'), method: 'GET', apiKey: endpoint.apiKey, timeoutMs: MODELS_TIMEOUT_MS, ...(signal ? { signal } : {}) });
      const data = (body as { data?: { id?: unknown }[] }).data;
      if (!Array.isArray(data)) throw new VlmError('The server’s model list has no data array (is this an OpenAI-compatible /v1 URL?)', false);
      return data.map((m) => m.id).filter((id): id is string => typeof id === 'string');
    },
    async caption(req, timeoutMs, signal) {
      const body = await request({
        url: openAiUrl(endpoint.baseUrl, '/chat/completions'),
        method: 'POST',
        body: jsonWithImage((marker) => openAiBody(req, marker), req.jpeg, 'data:image/jpeg;base64,'),
        apiKey: endpoint.apiKey,
        timeoutMs,
        ...(signal ? { signal } : {}),
      });
      return openAiAnswer(body);
    },
  };
}
