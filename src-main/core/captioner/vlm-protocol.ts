import type { CaptionBackendKind } from '../../../src-shared/contract/captioner';
import type { requestJson } from './http-json';

/** one image's request, as both protocols take it */
export interface CaptionRequest {
  model: string;
  /** the image, already a JPEG */
  jpeg: Buffer;
  prompt: string;
  system: string;
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  jsonSchema?: Record<string, unknown>;
}

export interface VlmClient {
  models(signal?: AbortSignal): Promise<string[]>;
  /** the model's answer as text, before any clean-up; throws VlmError */
  caption(request: CaptionRequest, timeoutMs: number, signal?: AbortSignal): Promise<string>;
}

export interface VlmEndpoint {
  kind: CaptionBackendKind;
  baseUrl: string;
  apiKey: string | null;
}

/** listing models is quick or the server is in trouble */
export const MODELS_TIMEOUT_MS = 15_000;

export type RequestJson = typeof requestJson;
