/**
 * Builds a SentencePiece precompiled charsmap for a handful of rules, so tests
 * can exercise the reader without T5's 230 kB blob. Same layout as the real
 * one: u32 trie byte length, Darts-clone units, NUL-terminated replacements.
 *
 * Every trie node gets its own base, and a node's children sit at
 * base ^ label (its value at base ^ 0). With distinct bases no unit can be
 * mistaken for another node's child, which is all a valid double array needs.
 */
interface Node {
  children: Map<number, Node>;
  value?: number;
  slot: number;
}

export function buildCharsmap(rules: Record<string, string>): Uint8Array {
  const encoder = new TextEncoder();
  const replacements: number[] = [];
  const root: Node = { children: new Map(), slot: 0 };
  for (const [key, replacement] of Object.entries(rules)) {
    const value = replacements.length;
    replacements.push(...encoder.encode(replacement), 0);
    let node = root;
    for (const byte of encoder.encode(key)) {
      let next = node.children.get(byte);
      if (!next) {
        next = { children: new Map(), slot: -1 };
        node.children.set(byte, next);
      }
      node = next;
    }
    node.value = value;
  }

  const units: number[] = [0];
  const used = new Set<number>([0]);
  const bases = new Set<number>();
  const queue: Node[] = [root];
  while (queue.length > 0) {
    const node = queue.shift()!;
    const labels = [...node.children.keys()];
    if (node.value !== undefined) labels.push(0);
    let base = 1;
    while (bases.has(base) || labels.some((label) => used.has(base ^ label))) base++;
    bases.add(base);
    const offset = node.slot ^ base;
    if (offset >= 1 << 21) throw new Error('test charsmap too large for unshifted offsets');
    units[node.slot] = ((units[node.slot] ?? 0) | (offset << 10)) >>> 0;
    for (const label of labels) {
      const slot = base ^ label;
      used.add(slot);
      while (units.length <= slot) units.push(0);
      if (label === 0) {
        units[slot] = (0x80000000 | node.value!) >>> 0;
        continue;
      }
      const child = node.children.get(label)!;
      child.slot = slot;
      units[slot] = label | (child.value !== undefined ? 0x100 : 0);
      queue.push(child);
    }
  }

  const blob = new Uint8Array(4 + units.length * 4 + replacements.length);
  const view = new DataView(blob.buffer);
  view.setUint32(0, units.length * 4, true);
  units.forEach((unit, i) => view.setUint32(4 + i * 4, unit, true));
  blob.set(replacements, 4 + units.length * 4);
  return blob;
}
