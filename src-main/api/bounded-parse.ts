import type { z } from 'zod';

/** elements of each array checked first; past this many, a wrong-typed array is refused on what was seen */
const PREFIX = 1_000;
/** contract payloads are a few levels deep: below this a subtree is left as it came */
const MAX_COPY_DEPTH = 32;

/**
 * `schema.safeParse(payload)`, without the cost a hostile array puts on it:
 * zod makes one issue per bad element and never stops early, so a million
 * strings where ids belong held the event loop for seconds. Arrays longer
 * than PREFIX are first checked on their first PREFIX elements; an element's
 * issue found there is an issue of the whole array (each element is checked
 * on its own), and is the answer. Otherwise the whole payload is parsed.
 */
export function boundedSafeParse<S extends z.ZodType>(schema: S, payload: unknown): ReturnType<S['safeParse']> {
  const prefix = truncated(payload, 0);
  if (prefix.cut) {
    const first = schema.safeParse(prefix.value);
    if (!first.success && first.error.issues.some((issue) => issue.path.some((key) => typeof key === 'number'))) {
      return first as ReturnType<S['safeParse']>;
    }
  }
  return schema.safeParse(payload) as ReturnType<S['safeParse']>;
}

/** a copy with every array cut to PREFIX elements; `cut` says whether any was */
function truncated(value: unknown, depth: number): { value: unknown; cut: boolean } {
  if (typeof value !== 'object' || value === null || depth >= MAX_COPY_DEPTH) return { value, cut: false };
  if (Array.isArray(value)) {
    let cut = value.length > PREFIX;
    const items = (cut ? value.slice(0, PREFIX) : value).map((item) => {
      const inner = truncated(item, depth + 1);
      cut ||= inner.cut;
      return inner.value;
    });
    return { value: items, cut };
  }
  let cut = false;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const inner = truncated(item, depth + 1);
    cut ||= inner.cut;
    // an own `__proto__` key stays a key, as JSON.parse made it, and never becomes the copy's prototype
    Object.defineProperty(copy, key, { value: inner.value, enumerable: true, writable: true, configurable: true });
  }
  return { value: copy, cut };
}
