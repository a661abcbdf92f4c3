import { requestJson } from './http-json';
import { ollamaClient } from './ollama-client';
import { openAiClient } from './openai-client';
import type { RequestJson, VlmClient, VlmEndpoint } from './vlm-protocol';

/** the client for a backend's protocol */
export function vlmClient(endpoint: VlmEndpoint, request: RequestJson = requestJson): VlmClient {
  return endpoint.kind === 'ollama' ? ollamaClient(endpoint, request) : openAiClient(endpoint, request);
}
