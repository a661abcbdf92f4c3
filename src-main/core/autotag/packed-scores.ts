/**
 * An image's scores as stored in session.sqlite: only the tags at or above
 * the run's floor, each as its index in the model's labels and its score,
 * two little-endian uint16 per tag (the score as round(p × 65535): within
 * 0.00001 of the model's, far finer than any threshold a person sets). At a
 * floor of 0.05 a WD14 model keeps 50–150 tags an image: a few hundred bytes,
 * where all 10,861 probabilities as float32 would be 43 KB.
 */
export interface TagScore {
  /** the tag's row in the model's labels (selected_tags.csv's order) */
  index: number;
  score: number;
}

const SCALE = 65535;
const MAX_LABELS = 65536;

export function packScores(probabilities: Float32Array, floor: number): Uint8Array {
  if (probabilities.length > MAX_LABELS) throw new Error(`a model with ${probabilities.length} labels: at most ${MAX_LABELS} are stored`);
  let kept = 0;
  for (const p of probabilities) if (p >= floor) kept++;
  const out = new Uint8Array(kept * 4);
  const view = new DataView(out.buffer);
  let at = 0;
  probabilities.forEach((p, index) => {
    if (p < floor) return;
    view.setUint16(at, index, true);
    view.setUint16(at + 2, Math.round(Math.min(1, Math.max(0, p)) * SCALE), true);
    at += 4;
  });
  return out;
}

export function unpackScores(packed: Uint8Array): TagScore[] {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const out: TagScore[] = [];
  for (let at = 0; at + 4 <= packed.byteLength; at += 4) out.push({ index: view.getUint16(at, true), score: view.getUint16(at + 2, true) / SCALE });
  return out;
}

/** an image's kept scores as two parallel arrays: what a selector reads without an object per tag */
export interface DecodedScores {
  indices: Uint16Array;
  scores: Float32Array;
}

export function decodeScores(packed: Uint8Array): DecodedScores {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const n = packed.byteLength >> 2;
  const indices = new Uint16Array(n);
  const scores = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    indices[k] = view.getUint16(k * 4, true);
    scores[k] = view.getUint16(k * 4 + 2, true) / SCALE;
  }
  return { indices, scores };
}
