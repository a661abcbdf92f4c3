import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { listSupportedBackends, InferenceSession, Tensor } from 'onnxruntime-node';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import sharp from 'sharp';
import { planProviders } from '../core/autotag/execution-provider';
import { describeModelLoadError } from '../core/autotag/model-folder';
import { checkModelLayout } from '../core/autotag/model-shape';
import type { ExecutionProvider, ImageScore, OpenedModel, TaggerModelSpec, TaggerRequest, TaggerResponse } from '../core/autotag/tagger-protocol';
import { describeImageError } from './tagger-image-error';
import { preprocessInto } from './tagger-preprocess';

/**
 * The tagger: onnxruntime-node on this thread, never on main. Answers
 * TaggerRequest (src-main/core/autotag/tagger-protocol.ts). The session
 * stays open between batches, keyed by the model and its options; each
 * request names its model, so a restarted thread opens it again by itself.
 * Probabilities go back as transferred buffers, not copies.
 */
sharp.cache(false);

interface Loaded {
  key: string;
  session: InferenceSession;
  opened: OpenedModel;
}

let loaded: Promise<Loaded> | null = null;
let loadedKey = '';
/** one inference at a time: the next batch decodes (on libuv's threads) while this one runs */
let inference: Promise<unknown> = Promise.resolve();

class Unusable extends Error {}

/** images decoded at once per batch; with two batches in flight, twice this */
const DECODE_LANES = 2;

const ORT_NAMES: Record<ExecutionProvider, string> = { cpu: 'cpu', cuda: 'cuda', dml: 'dml', coreml: 'coreml' };
const LABELS: Record<ExecutionProvider, string> = { cpu: 'CPU', cuda: 'CUDA', dml: 'DirectML', coreml: 'CoreML' };

/**
 * A provider the package lists but does not bundle (CUDA on Linux) needs its
 * library beside the binding, which only a separate download puts there:
 * without it onnxruntime prints an error on every attempt, so it is not tried.
 */
function providerLibraryInstalled(name: string): boolean {
  const binding = dirname(createRequire(import.meta.url).resolve('onnxruntime-node'));
  const dir = join(binding, '..', 'bin', 'napi-v6', process.platform, process.arch);
  const file = process.platform === 'win32' ? `onnxruntime_providers_${name}.dll` : `libonnxruntime_providers_${name}.so`;
  return existsSync(join(dir, file));
}

async function load(spec: TaggerModelSpec): Promise<Loaded> {
  const key = JSON.stringify(spec);
  const offered = listSupportedBackends()
    .filter((b) => b.bundled || providerLibraryInstalled(b.name))
    .map((b) => b.name);
  const plan = planProviders(spec.provider, process.platform, offered);
  const reasons = [...plan.skipped];
  for (const provider of plan.candidates) {
    let session: InferenceSession;
    try {
      session = await InferenceSession.create(spec.modelPath, {
        executionProviders: provider === 'cpu' ? ['cpu'] : [ORT_NAMES[provider], 'cpu'],
        ...(spec.intraOpThreads > 0 ? { intraOpNumThreads: spec.intraOpThreads } : {}),
        graphOptimizationLevel: 'all',
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (provider === 'cpu') throw new Unusable(describeModelLoadError(spec.modelPath, message));
      reasons.push(`${LABELS[provider]}: ${message.split('\n')[0]}`);
      continue;
    }
    const shape = (m: InferenceSession.ValueMetadata) => ({ name: m.name, dims: m.isTensor ? m.shape : [] });
    const checked = checkModelLayout(session.inputMetadata.map(shape), session.outputMetadata.map(shape), spec.tagCount);
    if (!checked.ok) {
      await session.release();
      throw new Unusable(checked.reason);
    }
    const fallback = provider === 'cpu' && reasons.length > 0 ? reasons.join('; ') : null;
    return { key, session, opened: { layout: checked.layout, provider, fallback } };
  }
  throw new Unusable('no execution provider could load the model'); // planProviders always ends with CPU
}

async function ensureLoaded(spec: TaggerModelSpec): Promise<Loaded> {
  const key = JSON.stringify(spec);
  if (loaded && loadedKey === key) return loaded;
  const previous = loaded;
  loadedKey = key;
  loaded = (async () => {
    await previous?.then((l) => l.session.release()).catch(() => undefined);
    return load(spec);
  })();
  loaded.catch(() => {
    if (loadedKey === key) {
      loaded = null;
      loadedKey = '';
    }
  });
  return loaded;
}

async function score(spec: TaggerModelSpec, paths: readonly string[]): Promise<ImageScore[]> {
  const { session, opened } = await ensureLoaded(spec);
  const { size, fixedBatch, inputName, outputName, tagCount } = opened.layout;
  const perImage = size * size * 3;
  const slots = Math.max(fixedBatch ?? paths.length, 1);
  if (paths.length > slots) throw new Unusable(`the model takes batches of ${slots}; ${paths.length} images were sent`);
  const input = new Float32Array(slots * perImage);
  const failures = new Map<number, string>();
  const prepared: number[] = [];
  // a few images at a time: each holds its decoded pixels and its padded square (tens of MB for a photo) until resized
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < paths.length; i = next++) {
      try {
        await preprocessInto(paths[i]!, size, input, i * perImage);
        prepared.push(i);
      } catch (err) {
        failures.set(i, describeImageError(err));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(DECODE_LANES, paths.length) }, lane));
  if (prepared.length === 0) return paths.map((_, i) => ({ ok: false, reason: failures.get(i)! }));
  const run = inference.then(() => session.run({ [inputName]: new Tensor('float32', input, [slots, size, size, 3]) }));
  inference = run.catch(() => undefined);
  const output = (await run)[outputName]!;
  const data = output.data as Float32Array;
  const width = data.length / slots;
  if (width !== tagCount) throw new Unusable(`the model gave ${width} scores per image but selected_tags.csv lists ${tagCount} tags`);
  // failed images' slots were zeros: their scores are dropped, not reported
  return paths.map((_, i) => (failures.has(i) ? { ok: false, reason: failures.get(i)! } : { ok: true, probabilities: data.slice(i * width, (i + 1) * width) }));
}

/** the response with its probability buffers moved to the caller, not copied */
function transferring(response: TaggerResponse): TaggerResponse {
  if (response.kind !== 'scored') return response;
  const buffers = response.scores.flatMap((s) => (s.ok ? [s.probabilities.buffer] : []));
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return response;
    },
  } as unknown as Parameters<typeof move>[0]) as unknown as TaggerResponse;
}

export default async function tagger(request: TaggerRequest): Promise<TaggerResponse> {
  try {
    switch (request.kind) {
      case 'open':
        return { kind: 'opened', model: (await ensureLoaded(request.model)).opened };
      case 'score':
        return transferring({ kind: 'scored', scores: await score(request.model, request.paths) });
      case 'close': {
        const current = loaded;
        loaded = null;
        loadedKey = '';
        await inference;
        await current?.then((l) => l.session.release()).catch(() => undefined);
        return { kind: 'closed' };
      }
    }
  } catch (err) {
    if (err instanceof Unusable) return { kind: 'unusable', reason: err.message };
    throw err;
  }
}
