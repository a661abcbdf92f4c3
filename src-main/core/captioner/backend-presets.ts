import type { CaptionBackendKind } from '../../../src-shared/contract/captioner';

/**
 * Where the common local servers listen by default. LM Studio, llama.cpp's
 * server and vLLM speak the OpenAI-compatible API under /v1; Ollama has its
 * own (/api/chat, /api/tags). A hosted API is the custom entry with a key.
 */
export const BACKEND_PRESETS: readonly {
  id: 'ollama' | 'lm-studio' | 'llama-cpp' | 'vllm' | 'custom';
  label: string;
  kind: CaptionBackendKind;
  baseUrl: string;
  wantsKey: boolean;
}[] = [
  { id: 'ollama', label: 'Ollama', kind: 'ollama', baseUrl: 'http://127.0.0.1:11434', wantsKey: false },
  { id: 'lm-studio', label: 'LM Studio', kind: 'openai', baseUrl: 'http://127.0.0.1:1234/v1', wantsKey: false },
  { id: 'llama-cpp', label: 'llama.cpp server', kind: 'openai', baseUrl: 'http://127.0.0.1:8080/v1', wantsKey: false },
  { id: 'vllm', label: 'vLLM', kind: 'openai', baseUrl: 'http://127.0.0.1:8000/v1', wantsKey: false },
  { id: 'custom', label: 'Custom (OpenAI-compatible, hosted or local)', kind: 'openai', baseUrl: '', wantsKey: true },
];
