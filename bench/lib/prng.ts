// Seeded pseudo-random numbers: the data set is the same on every run and machine.

/** 32-bit FNV-1a of a string: derives independent seeds for independent streams. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export type Rng = {
  /** uniform in [0, 1) */
  next(): number;
  /** integer in [lo, hi] */
  int(lo: number, hi: number): number;
  /** one element of a non-empty array */
  pick<T>(xs: readonly T[]): T;
  /** true with probability p */
  chance(p: number): boolean;
  /** approximately normal (mean 0, sd 1): sum of uniforms */
  gauss(): number;
};

/** sfc32 seeded from a string: fast, good enough for test data. */
export function rng(seed: string): Rng {
  let a = hash32(seed);
  let b = hash32(`${seed}#b`);
  let c = hash32(`${seed}#c`);
  let d = hash32(`${seed}#d`) | 1;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
    gauss: () => next() + next() + next() + next() + next() + next() - 3,
  };
}

/** Weighted choice in O(log n): cumulative weights and a binary search. */
export function weightedPicker(weights: readonly number[]): (u: number) => number {
  const cum = new Float64Array(weights.length);
  let s = 0;
  for (let i = 0; i < weights.length; i++) {
    s += weights[i];
    cum[i] = s;
  }
  return (u) => {
    const x = u * s;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
