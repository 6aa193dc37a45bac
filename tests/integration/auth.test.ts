import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import {
  BASE_DELAY_S,
  checkCredentials,
  clientAddress,
  delaySeconds,
  FREE_FAILURES_PER_ACCOUNT,
  FREE_FAILURES_PER_ADDRESS,
  isThrottled,
  MAX_DELAY_S,
  retryAfterSeconds,
} from "@/server/login";
import { actorById } from "@/server/actors";
import { HASH_CONCURRENCY, hashingLoad, hashPassword, verifyPassword } from "@/server/passwords";
import { can } from "@/server/permissions";
import bcrypt from "bcryptjs";

let seq = 0;
async function newUser(password: string, opts: { bcryptCost?: number; active?: boolean } = {}) {
  const email = `auth-${process.pid}-${seq++}@satgas.test`;
  const passwordHash = opts.bcryptCost ? await bcrypt.hash(password, opts.bcryptCost) : await hashPassword(password);
  const user = await prisma.user.create({ data: { email, name: "Auth test", role: "OFFICIAL", passwordHash, active: opts.active ?? true } });
  return { ...user, email };
}

const checkedAttempts = (email: string) => prisma.loginAttempt.count({ where: { email, checked: true } });

describe("credentials", () => {
  it("signs in a demo account with its bcrypt hash, and replaces the hash by argon2id at that sign-in", async () => {
    const before = await prisma.user.findUniqueOrThrow({ where: { email: "staff@satgas.test" } });
    expect(before.passwordHash).toMatch(/^\$2[aby]\$/);
    const actor = await checkCredentials("staff@satgas.test", "demo-password", "10.0.0.1");
    expect(actor).toMatchObject({ role: "STAFF", email: "staff@satgas.test" });
    const after = await prisma.user.findUniqueOrThrow({ where: { email: "staff@satgas.test" } });
    expect(after.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(after.passwordHash).not.toContain("demo-password");
    // The upgraded hash signs in too, and stays as it is.
    expect(await checkCredentials("staff@satgas.test", "demo-password", "10.0.0.1")).not.toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { email: "staff@satgas.test" } })).passwordHash).toBe(after.passwordHash);
  });

  it("refuses a wrong password and an unknown account", async () => {
    expect(await checkCredentials("official@satgas.test", "wrong", "10.0.0.2")).toBeNull();
    expect(await checkCredentials("nobody@satgas.test", "demo-password", "10.0.0.2")).toBeNull();
  });

  it("locks a disabled account out at once, session or not, and says so in the audit trail", async () => {
    const u = await newUser("pw-1234567890");
    expect(await actorById(u.id)).not.toBeNull();
    await prisma.user.update({ where: { id: u.id }, data: { active: false } });
    expect(await actorById(u.id)).toBeNull();
    expect(await checkCredentials(u.email, "pw-1234567890", "10.2.0.1")).toBeNull();
    const ev = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "User", entityId: u.id, action: "user.sign_in_failed" } });
    expect(ev.after).toMatchObject({ reason: "disabled" });
  });

  it("gives a hospital account only its own hospital's records", async () => {
    const rs1 = await checkCredentials("rs1@satgas.test", "demo-password", "10.3.0.1");
    const rs2 = await prisma.user.findUniqueOrThrow({ where: { email: "rs2@satgas.test" } });
    expect(rs1?.hospitalId).toBeTruthy();
    expect(can(rs1, "stock:report", { hospitalId: rs1!.hospitalId })).toBe(true);
    expect(can(rs1, "stock:report", { hospitalId: rs2.hospitalId })).toBe(false);
  });

  it("records sign-ins and failures in the audit trail, never the password", async () => {
    const u = await newUser("audit-password-123");
    await checkCredentials(u.email, "wrong-password", null);
    await checkCredentials(u.email, "audit-password-123", null);
    const events = await prisma.auditEvent.findMany({ where: { entity: "User", entityId: u.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["user.sign_in_failed", "user.sign_in"]);
    expect(events[1].actorId).toBe(u.id);
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toMatch(/audit-password|wrong-password|passwordHash/);
  });
});

describe("attempts are counted before the password is checked", () => {
  it("of 40 wrong passwords sent at once only the free ones are checked, and the right one after them is refused", async () => {
    const u = await newUser("the-right-password-123");
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => checkCredentials(u.email, `wrong-${i}`, null, now)));
    expect(results.every((r) => r === null)).toBe(true);
    expect(await checkedAttempts(u.email)).toBe(FREE_FAILURES_PER_ACCOUNT);
    expect(await prisma.loginAttempt.count({ where: { email: u.email } })).toBe(40);
    expect(await checkCredentials(u.email, "the-right-password-123", null, now)).toBeNull();
    expect(await checkedAttempts(u.email)).toBe(FREE_FAILURES_PER_ACCOUNT);
    // Once the delay has passed, the right password gets in (no fixed 15-minute lock).
    const later = new Date(now.getTime() + BASE_DELAY_S * 1000);
    expect(await checkCredentials(u.email, "the-right-password-123", null, later)).toMatchObject({ id: u.id });
    expect(await retryAfterSeconds(u.email, null, later)).toBe(0);
  });

  it("each failure past the free ones doubles the wait, up to a cap; waiting attempts do not lengthen it", async () => {
    expect([4, 5, 6, 7, 10].map((n) => delaySeconds(n, 5))).toEqual([0, BASE_DELAY_S, 2 * BASE_DELAY_S, 4 * BASE_DELAY_S, 32 * BASE_DELAY_S]);
    expect(delaySeconds(1000, 5)).toBe(MAX_DELAY_S);

    const u = await newUser("grow-password-123");
    let t = Date.now();
    const at = (ms: number) => new Date((t += ms));
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT; i++) await checkCredentials(u.email, "wrong", null, at(0));
    expect(await retryAfterSeconds(u.email, null, at(0))).toBe(BASE_DELAY_S);
    // Within the wait: refused unchecked, however often.
    for (let i = 0; i < 3; i++) expect(await checkCredentials(u.email, "grow-password-123", null, at(100))).toBeNull();
    expect(await checkedAttempts(u.email)).toBe(FREE_FAILURES_PER_ACCOUNT);
    // After it: checked; another failure doubles the wait.
    expect(await checkCredentials(u.email, "wrong", null, at(BASE_DELAY_S * 1000))).toBeNull();
    expect(await checkedAttempts(u.email)).toBe(FREE_FAILURES_PER_ACCOUNT + 1);
    expect(await retryAfterSeconds(u.email, null, at(0))).toBe(2 * BASE_DELAY_S);
    const delayed = await prisma.auditEvent.findMany({ where: { entity: "User", entityId: u.id, action: "user.sign_in_delayed" } });
    expect(delayed.map((e) => (e.after as { delaySeconds: number }).delaySeconds)).toEqual([BASE_DELAY_S, 2 * BASE_DELAY_S]);
    // A success clears the count.
    expect(await checkCredentials(u.email, "grow-password-123", null, at(2 * BASE_DELAY_S * 1000))).not.toBeNull();
    expect(await isThrottled(u.email, null, at(0))).toBe(false);
  });

  it("unknown emails are counted and delayed like real ones (no enumeration by the throttle)", async () => {
    const email = `ghost-${process.pid}@satgas.test`;
    const now = new Date();
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT + 2; i++) await checkCredentials(email, "x", null, now);
    expect(await checkedAttempts(email)).toBe(FREE_FAILURES_PER_ACCOUNT);
    expect(await retryAfterSeconds(email, null, now)).toBe(BASE_DELAY_S);
  });

  it("an unknown email does the same work as a wrong password for a real account (one verification each)", async () => {
    const u = await newUser("timing-password-123");
    // Counted, not timed: without the dummy verification an unknown email did none (a few ms
    // against ≈ 40 ms), which is what made accounts discoverable by timing.
    const work = async (email: string) => {
      const before = hashingLoad().verified;
      await checkCredentials(email, "wrong", null);
      return hashingLoad().verified - before;
    };
    expect(await work(u.email)).toBe(1);
    expect(await work(`nobody-${process.pid}@satgas.test`)).toBe(1);
  });
});

describe("password hashing", () => {
  it("runs off the event loop, a bounded number at a time", async () => {
    let ticks = 0;
    let maxRunning = 0;
    const timer = setInterval(() => {
      ticks++;
      maxRunning = Math.max(maxRunning, hashingLoad().running);
    }, 5);
    const hashes = await Promise.all(Array.from({ length: 12 }, (_, i) => hashPassword(`parallel-password-${i}`)));
    clearInterval(timer);
    expect(hashes.every((h) => h.startsWith("$argon2id$"))).toBe(true);
    expect(await verifyPassword("parallel-password-3", hashes[3])).toBe(true);
    expect(await verifyPassword("parallel-password-3", hashes[4])).toBe(false);
    expect(maxRunning).toBeLessThanOrEqual(HASH_CONCURRENCY);
    expect(hashingLoad()).toMatchObject({ running: 0, waiting: 0 });
    // The event loop kept turning while the hashes ran (bcryptjs ran each on it, so a timer
    // could not fire until all were done); a count, not a latency, so a busy machine can't flake it.
    expect(ticks).toBeGreaterThan(0);
    expect(maxRunning).toBeGreaterThan(0);
  });

  it("verifies old bcrypt hashes natively and never throws on a malformed hash", async () => {
    const legacy = await bcrypt.hash("legacy-password", 4);
    expect(await verifyPassword("legacy-password", legacy)).toBe(true);
    expect(await verifyPassword("other", legacy)).toBe(false);
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "$argon2id$garbage")).toBe(false);
  });
});

describe("client address for throttling", () => {
  const forwarded = new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" });

  it("ignores X-Forwarded-For unless a trusted proxy is declared", () => {
    delete process.env.TRUST_PROXY;
    expect(clientAddress(forwarded)).toBeNull();
    process.env.TRUST_PROXY = "1";
    try {
      expect(clientAddress(forwarded)).toBe("203.0.113.9");
    } finally {
      delete process.env.TRUST_PROXY;
    }
  });

  it("without an address, failures elsewhere cannot delay anyone", async () => {
    for (let i = 0; i < FREE_FAILURES_PER_ADDRESS; i++) await checkCredentials(`nobody${i}@satgas.test`, "wrong", null);
    expect(await isThrottled("official@satgas.test", null)).toBe(false);
    expect(await checkCredentials("official@satgas.test", "demo-password", null)).not.toBeNull();
  });

  it("counts parallel attempts from one address atomically too", async () => {
    const address = "198.51.100.99";
    const now = new Date();
    await Promise.all(Array.from({ length: FREE_FAILURES_PER_ADDRESS + 10 }, (_, i) => checkCredentials(`spray-par-${i}@satgas.test`, "wrong", address, now)));
    expect(await prisma.loginAttempt.count({ where: { address, checked: true } })).toBe(FREE_FAILURES_PER_ADDRESS);
  });
});
