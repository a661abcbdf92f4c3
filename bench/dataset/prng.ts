/**
 * A small seeded generator (mulberry32): the bench must make the same
 * dataset for the same seed on every machine, so Math.random is out.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** an integer in [min, max] */
export const intBetween = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

/** a seed per item, so any slice of the dataset can be made on its own (by any child process) */
export const itemSeed = (seed: number, index: number): number => (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + index * 0xc2b2ae35) >>> 0;
