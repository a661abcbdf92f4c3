/**
 * A SentencePiece Unigram model: each vocabulary piece has a log-probability
 * score and a piece of text is cut into the sequence of pieces whose scores
 * sum highest (Viterbi over every way of cutting it). Follows tokenizers'
 * `Unigram::encode`: a character that starts no single-character piece gets
 * an unknown node scored (lowest score − 10), runs of unknowns fuse into one
 * unk token, and with byte_fallback an unknown run becomes its `<0xHH>` bytes.
 */

const UNK_PENALTY = 10;
const CACHE_LIMIT = 20_000;

export interface UnigramModel {
  /** Ids for one pre-tokenized piece. */
  tokenize(piece: string): readonly number[];
}

export function buildUnigramModel(
  vocab: ReadonlyArray<readonly [string, number]>,
  unkId: number,
  byteFallback: boolean,
): UnigramModel {
  // Pieces by text, and the longest piece in characters, bound the search at
  // each position; a Map is far lighter than a trie of 32k Maps.
  const ids = new Map<string, number>();
  const scores = new Float64Array(vocab.length);
  let maxChars = 1;
  let minScore = Infinity;
  vocab.forEach(([piece, score], id) => {
    ids.set(piece, id); // a duplicate piece keeps its last id, as in tokenizers
    scores[id] = score;
    maxChars = Math.max(maxChars, Array.from(piece).length);
    minScore = Math.min(minScore, score);
  });
  const unkScore = minScore - UNK_PENALTY;
  const cache = new Map<string, readonly number[]>();

  function bytesFor(text: string): number[] | undefined {
    const out: number[] = [];
    for (const byte of Buffer.from(text, 'utf8')) {
      const id = ids.get(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
      if (id === undefined) return undefined;
      out.push(id);
    }
    return out;
  }

  function viterbi(piece: string): number[] {
    const chars = Array.from(piece);
    const n = chars.length;
    // best*[i]: the best way to cut chars[0..i): its score, where its last
    // token starts, and that token's id (-1 = unknown).
    const bestScore = new Float64Array(n + 1);
    const bestFrom = new Int32Array(n + 1).fill(-1);
    const bestId = new Int32Array(n + 1);
    for (let start = 0; start < n; start++) {
      const base = bestScore[start]!;
      let candidate = '';
      let single = false;
      for (let end = start; end < n && end - start < maxChars; end++) {
        candidate += chars[end];
        const id = ids.get(candidate);
        if (id === undefined) continue;
        if (end === start) single = true;
        const score = base + scores[id]!;
        if (bestFrom[end + 1] === -1 || score > bestScore[end + 1]!) {
          bestScore[end + 1] = score;
          bestFrom[end + 1] = start;
          bestId[end + 1] = id;
        }
      }
      if (!single) {
        const score = base + unkScore;
        if (bestFrom[start + 1] === -1 || score > bestScore[start + 1]!) {
          bestScore[start + 1] = score;
          bestFrom[start + 1] = start;
          bestId[start + 1] = -1;
        }
      }
    }

    const path: Array<{ id: number; unk: boolean; from: number; to: number }> = [];
    for (let end = n; end > 0; end = bestFrom[end]!) {
      const raw = bestId[end]!;
      path.push({ id: raw === -1 ? unkId : raw, unk: raw === -1 || raw === unkId, from: bestFrom[end]!, to: end });
    }
    path.reverse();

    const out: number[] = [];
    for (let i = 0; i < path.length; i++) {
      const token = path[i]!;
      if (!token.unk) {
        out.push(token.id);
        continue;
      }
      // Adjacent unknowns are one token, as in tokenizers (fuse_unk).
      let to = token.to;
      while (i + 1 < path.length && path[i + 1]!.unk) to = path[++i]!.to;
      const bytes = byteFallback ? bytesFor(chars.slice(token.from, to).join('')) : undefined;
      if (bytes) for (const id of bytes) out.push(id);
      else out.push(unkId);
    }
    return out;
  }

  return {
    tokenize(piece) {
      if (piece === '') return [];
      const hit = cache.get(piece);
      if (hit) return hit;
      const ids = viterbi(piece);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(piece, ids);
      return ids;
    },
  };
}
