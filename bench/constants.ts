// Bench-only constants. The bench database holds generated data and nothing else: these are
// not secrets, just fixed values so that runs are repeatable.

/** Password of every generated bench user (hashed once with bcrypt at generation time). */
export const BENCH_PASSWORD = "bench-password-not-secret";

/** Auth.js secret the benchmark server runs with (and mints its session cookie with). */
export const BENCH_AUTH_SECRET = "bench-auth-secret-0123456789abcdef-not-for-production";

/** Plain-text bearer token of the OFFICIAL bench user (only its SHA-256 is stored). */
export const BENCH_API_TOKEN = "oxy_bench_official_token_not_secret";

export const DEFAULT_BENCH_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/oxy_bench";

export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
}

export const BENCH_EMAILS = {
  admin: "admin@bench.test",
  staff: "staff@bench.test",
  official: "official@bench.test",
  /** HOSPITAL users: rs<n>@bench.test, one per hospital, n from 1 */
  hospital: (n: number) => `rs${n}@bench.test`,
} as const;

/** The generated data covers these WIB days (two years, 730 days), whatever the scale. */
export const BENCH_FIRST_DAY = "2020-03-01";
export const BENCH_DAYS = 730;
