// Deterministic randomness for the demo seed: a tiny seeded PRNG per named stream (no Math.random),
// so every run of the seed writes the same rows.

export function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function prng(stream: string): () => number {
  let a = hashString(stream);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 1 ± spread/2, deterministic */
export const jitter = (rnd: () => number, spread: number) => 1 + (rnd() - 0.5) * spread;

/** An integer in [lo, hi], deterministic */
export const between = (rnd: () => number, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
