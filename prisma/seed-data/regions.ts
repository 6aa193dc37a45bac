// Banten and its eight regencies/cities with their official codes (FACTS.md; published).
export const PROVINCE = { code: "36", name: "Banten", kind: "PROVINCE" } as const;

export const REGIONS = [
  { code: "36.01", name: "Kab. Pandeglang", kind: "REGENCY" },
  { code: "36.02", name: "Kab. Lebak", kind: "REGENCY" },
  { code: "36.03", name: "Kab. Tangerang", kind: "REGENCY" },
  { code: "36.04", name: "Kab. Serang", kind: "REGENCY" },
  { code: "36.71", name: "Kota Tangerang", kind: "CITY" },
  { code: "36.72", name: "Kota Cilegon", kind: "CITY" },
  { code: "36.73", name: "Kota Serang", kind: "CITY" },
  { code: "36.74", name: "Kota Tangerang Selatan", kind: "CITY" },
] as const;

export type RegionCode = (typeof REGIONS)[number]["code"] | typeof PROVINCE.code;

/**
 * SAMPLE: each region's share of the province's COVID-19 cases, and its cases before the
 * seeded window. Tangerang Raya (36.03, 36.71, 36.74) carries most cases, as the articles say.
 */
export const CASE_WEIGHTS: Record<(typeof REGIONS)[number]["code"], number> = {
  "36.01": 0.04,
  "36.02": 0.05,
  "36.03": 0.18,
  "36.04": 0.06,
  "36.71": 0.23,
  "36.72": 0.07,
  "36.73": 0.07,
  "36.74": 0.3,
};
