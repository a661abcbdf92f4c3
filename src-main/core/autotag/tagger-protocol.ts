import type { ModelLayout } from './model-shape';

/**
 * What core asks of the tagger worker, and what it answers. Core declares
 * the messages; the worker (src-main/workers/tagger-worker.ts) implements
 * them and the api host wires a pool of it in. Core never imports the worker.
 */
export type ExecutionProvider = 'cpu' | 'cuda' | 'dml' | 'coreml';

export interface TaggerModelSpec {
  modelPath: string;
  /** rows of selected_tags.csv: the output size must match */
  tagCount: number;
  provider: ExecutionProvider | 'auto';
  /** onnxruntime's intra-op threads; 0: its default (one per core) */
  intraOpThreads: number;
}

export interface OpenedModel {
  layout: ModelLayout;
  provider: ExecutionProvider;
  /** why a faster provider was not used ("CUDA: libcudart.so.12 not found"), or null */
  fallback: string | null;
}

/** one image's probabilities, in selected_tags.csv's order, or why it has none */
export type ImageScore = { ok: true; probabilities: Float32Array } | { ok: false; reason: string };

export type TaggerRequest =
  | { kind: 'open'; model: TaggerModelSpec }
  | { kind: 'score'; model: TaggerModelSpec; paths: string[] }
  | { kind: 'close' };

export type TaggerResponse =
  | { kind: 'opened'; model: OpenedModel }
  | { kind: 'scored'; scores: ImageScore[] }
  | { kind: 'closed' }
  /** the model cannot be used: the sentence says why */
  | { kind: 'unusable'; reason: string };

/** a thread (or pool of one) running the tagger worker */
export interface TaggerPool {
  run(request: TaggerRequest): Promise<TaggerResponse>;
}
