import { z } from "zod";

// The app's configuration, parsed once with zod (README's table lists the same variables). A bad
// value stops the server at start-up with a message naming the variable, instead of surfacing as
// NaN connections or a cache that never expires.

const whole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be from ${min} to ${max}`);

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .refine((s) => s === "" || /^postgres(ql)?:\/\//.test(s), "must be a postgresql:// URL")
    .optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional(),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  PORT: whole(1, 65_535).default(3000),
  DB_POOL_SIZE: whole(1, 500).default(10),
  /** Decision 0046: connections kept for writes (useCase, sessions, sign-in) beside the read pool. */
  DB_WRITE_POOL_SIZE: whole(1, 100).default(3),
  /** Decision 0046: a streaming replica the cached page and API reads go to (unset: all to DATABASE_URL). */
  DATABASE_REPLICA_URL: z
    .string()
    .trim()
    .refine((s) => s === "" || /^postgres(ql)?:\/\//.test(s), "must be a postgresql:// URL")
    .optional(),
  /** How long a cached read waits for the replica to replay the primary's latest commit before it reads the primary instead. */
  REPLICA_WAIT_MS: whole(0, 60_000).default(500),
  TRUST_PROXY: z.enum(["0", "1"], { error: 'must be "1" (behind a proxy that sets X-Forwarded-For) or "0"' }).default("0"),
  READ_CACHE_TTL_MS: whole(1, 3_600_000).default(30_000),
  READ_CACHE_MAX_ENTRIES: whole(1, 1_000_000).default(500),
  /** Decisions 0040, 0048: above 0, after a figures-only write the last good copies are served while one refresh per key runs (0: never served late). */
  READ_STALE_MS: whole(0, 600_000).default(0),
  /** Decision 0048: with READ_STALE_MS on, the ceiling on how late a copy may be served (from the first write it misses). */
  READ_STALE_MAX_MS: whole(1_000, 600_000).default(30_000),
  /** Decision 0048: where a late page is rendered again in the background (unset: this server itself). */
  REFRESH_TARGET: z
    .string()
    .trim()
    .refine((s) => /^http:\/\/[^/]+\/?$/.test(s), "must be an http:// origin (e.g. http://127.0.0.1:3001), no path")
    .optional(),
  /** Decision 0048: the secret a background refresh request carries; shared with REFRESH_TARGET's process (unset: random per process). */
  REFRESH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional(),
  RESPONSE_CACHE_MAX_ENTRIES: whole(1, 100_000).default(200),
  RESPONSE_CACHE: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  SCENARIO_CLOCK: z
    .string()
    .trim()
    .refine(
      (s) => s === "off" || (isoInstant.test(s) && !Number.isNaN(Date.parse(s))),
      'must be an ISO instant with its offset (e.g. 2021-08-25T09:30:00+07:00) or "off"',
    )
    .optional(),
  // Alerts outside the app (decision 0033). Unset: alerts are raised and shown, nothing is sent.
  SMTP_URL: z
    .string()
    .trim()
    .refine((s) => /^smtps?:\/\//.test(s), "must be an smtp:// or smtps:// URL (e.g. smtp://user:pass@mail.example.org:587)")
    .optional(),
  ALERT_MAIL_FROM: z.string().trim().min(3).default("Satgas Oksigen <no-reply@satgas.invalid>"),
  ALERT_WEBHOOK_URL: z
    .string()
    .trim()
    .refine((s) => /^https?:\/\//.test(s), "must be an http:// or https:// URL")
    .optional(),
  ALERT_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters: the gateway checks the signature with it").optional(),
  ALERT_ESCALATE_AFTER_MINUTES: whole(1, 24 * 60).default(30),
  ALERT_WORKER: z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  ALERT_INTERVAL_MS: whole(1_000, 3_600_000).default(60_000),
  EMBEDDED_DB_PORT: whole(1, 65_535).default(54329),
  EMBEDDED_DB_DIR: z.string().trim().min(1).default("./.postgres"),
});

export type Env = z.output<typeof envSchema>;

const refreshNeedsSecret = (e: Env) =>
  e.REFRESH_TARGET && !e.REFRESH_SECRET ? ["REFRESH_SECRET is not set: another process cannot know this one's refresh secret"] : [];

const webhookNeedsSecret = (e: Env) =>
  e.ALERT_WEBHOOK_URL && !e.ALERT_WEBHOOK_SECRET ? ["ALERT_WEBHOOK_SECRET is not set: a webhook is only sent signed"] : [];

/** Unset and empty variables take their defaults, as a shell user expects of `VAR=`. */
function present(source: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const v = source[key];
    if (v !== undefined && v !== "") out[key] = v;
  }
  return out;
}

export function parseEnv(source: Record<string, string | undefined>): { ok: true; env: Env } | { ok: false; problems: string[] } {
  const r = envSchema.safeParse(present(source));
  if (r.success) {
    const problems = [...webhookNeedsSecret(r.data), ...refreshNeedsSecret(r.data)];
    return problems.length ? { ok: false, problems } : { ok: true, env: r.data };
  }
  return {
    ok: false,
    problems: r.error.issues.map((i) => {
      const name = String(i.path[0]);
      return `${name}=${JSON.stringify(source[name] ?? "")}: ${i.message}`;
    }),
  };
}

/** The production server's configuration: as `parseEnv`, and it cannot run without a database and a signing secret. */
export function parseServerEnv(source: Record<string, string | undefined>): ReturnType<typeof parseEnv> {
  const r = parseEnv(source);
  if (!r.ok) return r;
  const missing = (["DATABASE_URL", "AUTH_SECRET"] as const).filter((k) => !r.env[k]);
  if (missing.length === 0) return r;
  return { ok: false, problems: missing.map((k) => `${k} is not set: the server needs it (README, "Configuration")`) };
}

let cachedEnv: Env | null = null;

/** The configuration of this process (parsed on first use; throws naming every bad variable). */
export function env(): Env {
  if (cachedEnv) return cachedEnv;
  const r = parseEnv(process.env);
  if (!r.ok) throw new Error(`Bad configuration:\n  ${r.problems.join("\n  ")}`);
  cachedEnv = r.env;
  return cachedEnv;
}
