import { availableParallelism } from "node:os";
import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import { verify as bcryptVerify } from "@node-rs/bcrypt";

// Password hashes: argon2id (decision 0021), computed natively in libuv's thread pool, never on
// the event loop, and at most a few at a time: 40 sign-ins at once queue here instead of taking
// every core from the pages and /api/health. Hashes written by earlier versions (bcrypt, also the
// demo seed's) are still verified — natively too — and replaced by argon2id at the next
// successful sign-in (src/server/login.ts).

/** OWASP's minimum argon2id profile: 19 MiB, 2 passes, 1 lane (≈ 40 ms of one core here). */
export const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id, a const enum */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes in flight at once: one core is left to the event loop. */
export const HASH_CONCURRENCY = Math.max(1, Math.min(4, availableParallelism() - 1));
/** Beyond this many waiting, a sign-in is refused at once ("busy") rather than queued. */
export const MAX_QUEUED = 200;

export class HashingBusy extends Error {
  constructor() {
    super("password hashing queue full");
  }
}

let running = 0;
const waiting: (() => void)[] = [];
/** Verifications done by this process: each sign-in attempt does exactly one, known account or not. */
let verified = 0;

/** Runs `work` when one of the HASH_CONCURRENCY slots is free. */
async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_CONCURRENCY) {
    if (waiting.length >= MAX_QUEUED) throw new HashingBusy();
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next)
      next(); // the slot passes straight to the next in line
    else running--;
  }
}

/** How many hashes are running and waiting, and how many verifications were done (tests, the queue's health). */
export function hashingLoad() {
  return { running, waiting: waiting.length, verified };
}

export function isLegacyHash(hash: string): boolean {
  return /^\$2[aby]\$/.test(hash);
}

/** Whether a stored hash should be replaced by a fresh argon2id one (it is bcrypt, or weaker parameters). */
export function needsRehash(hash: string): boolean {
  if (isLegacyHash(hash)) return true;
  const m = hash.match(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/);
  return !m || Number(m[1]) < ARGON2_OPTIONS.memoryCost || Number(m[2]) < ARGON2_OPTIONS.timeCost;
}

export function hashPassword(plain: string): Promise<string> {
  return limited(() => argon2Hash(plain, ARGON2_OPTIONS));
}

/** Whether `plain` matches `hash` (argon2id, or a bcrypt hash of an earlier version). Never throws on a malformed hash. */
export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return limited(async () => {
    verified++;
    try {
      if (isLegacyHash(hash)) return await bcryptVerify(plain, hash);
      if (hash.startsWith("$argon2")) return await argon2Verify(hash, plain);
      return false;
    } catch {
      return false;
    }
  });
}

// A real argon2id hash of a random string, verified for unknown and disabled accounts so that
// they take as long as a wrong password for a real one (no account enumeration by timing).
let dummy: Promise<string> | null = null;

/** Spends the time a verification takes, and answers false. */
export async function verifyNothing(plain: string): Promise<false> {
  dummy ??= argon2Hash(`dummy-${Math.random()}`, ARGON2_OPTIONS);
  await verifyPassword(plain, await dummy);
  return false;
}
