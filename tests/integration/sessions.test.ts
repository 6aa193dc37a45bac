import { describe, expect, it } from "vitest";
import { accountCache } from "@/server/cache";
import { prisma } from "@/server/db";
import { checkCredentials } from "@/server/login";
import { hashPassword, verifyPassword } from "@/server/passwords";
import { ACTIONS, can, type Actor } from "@/server/permissions";
import { IDLE_TIMEOUT_S, SESSION_MAX_AGE_S, sessionEnded, startSession } from "@/server/sessions";
import { changeOwnPassword, signOutEverywhere } from "@/server/use-cases/account";
import { createUser, resetUserPassword, setUserActive, updateUser } from "@/server/use-cases/users";
import { actors } from "./supply-helpers";

// Sessions kept on the server (decision 0023) and the account changes that end them, and the
// password rules (decision 0021).

let seq = 0;
async function newUser(role: "STAFF" | "OFFICIAL" | "HOSPITAL" = "STAFF", hospitalId: string | null = null) {
  const password = "session-password-123";
  const u = await prisma.user.create({
    data: { email: `sess-${process.pid}-${seq++}@satgas.test`, name: "Session test", role, hospitalId, passwordHash: await hashPassword(password) },
  });
  const actor: Actor = { id: u.id, email: u.email, name: u.name, role: u.role, hospitalId: u.hospitalId };
  return { ...u, actor, password };
}

/** Whether the session is still live, read fresh (as after a write, which empties the caches). */
async function live(sid: string, userId: string, now = Date.now()) {
  accountCache.invalidate();
  return (await sessionEnded(sid, userId, now)) === null;
}

describe("a session's lifetime", () => {
  it("ends 30 min after the last request, and 8 h after sign-in however active", async () => {
    const u = await newUser();
    const t0 = Date.now();
    const { sid } = await startSession(u.id, new Date(t0));
    expect(await live(sid, u.id, t0 + 1000)).toBe(true);
    expect(await sessionEnded(sid, u.id, t0 + IDLE_TIMEOUT_S * 1000 + 1000)).toBe("idle");
    // Active every 20 minutes for 8 hours: still ends at 8 h.
    const active = await startSession(u.id, new Date(t0));
    let t = t0;
    while (t + 20 * 60_000 < t0 + SESSION_MAX_AGE_S * 1000) {
      t += 20 * 60_000;
      expect(await sessionEnded(active.sid, u.id, t)).toBeNull();
    }
    // the activity notes are written in the background: the last one lands, and no older one after it
    await expect
      .poll(async () => (await prisma.userSession.findUniqueOrThrow({ where: { id: active.sid } })).lastSeenAt.getTime(), { timeout: 10_000 })
      .toBe(t);
    expect(await live(active.sid, u.id, t)).toBe(true);
    expect(await sessionEnded(active.sid, u.id, t0 + SESSION_MAX_AGE_S * 1000)).toBe("expired");
  });

  it("belongs to its user only, and an unknown id is no session", async () => {
    const u = await newUser();
    const other = await newUser();
    const { sid } = await startSession(u.id);
    expect(await sessionEnded(sid, other.id)).toBe("unknown");
    expect(await sessionEnded("no-such-session", u.id)).toBe("unknown");
  });
});

describe("what ends every session of a user", () => {
  it("signing out ends all of the user's sessions (not other users'), in the audit trail", async () => {
    const u = await newUser();
    const other = await newUser();
    const [a, b, c] = await Promise.all([startSession(u.id), startSession(u.id), startSession(other.id)]);
    expect(await signOutEverywhere(u.actor, {})).toEqual({ ok: true, value: { ended: 2 } });
    expect(await live(a.sid, u.id)).toBe(false);
    expect(await live(b.sid, u.id)).toBe(false);
    expect(await live(c.sid, other.id)).toBe(true);
    const ev = await prisma.auditEvent.findFirstOrThrow({ where: { entity: "User", entityId: u.id, action: "user.sign_out" } });
    expect(ev.actorId).toBe(u.id);
  });

  it("disabling ends the sessions and revokes the API tokens; re-enabling revives neither", async () => {
    const { admin } = await actors();
    const u = await newUser();
    const { sid } = await startSession(u.id);
    const token = await prisma.apiToken.create({ data: { name: "t", userId: u.id, tokenHash: `sess-${u.id}` } });
    expect((await setUserActive(admin, { id: u.id, active: false })).ok).toBe(true);
    expect((await setUserActive(admin, { id: u.id, active: true })).ok).toBe(true);
    expect(await live(sid, u.id)).toBe(false);
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).not.toBeNull();
  });

  it("a change of role or hospital ends the sessions; a new name alone does not", async () => {
    const { admin, hospital } = await actors();
    const u = await newUser();
    const first = await startSession(u.id);
    expect(await updateUser(admin, { id: u.id, name: "Renamed", role: "STAFF", hospitalId: "" })).toMatchObject({ ok: true, value: { name: "Renamed" } });
    expect(await live(first.sid, u.id)).toBe(true);
    expect(await updateUser(admin, { id: u.id, name: "Renamed", role: "OFFICIAL", hospitalId: "" })).toMatchObject({ ok: true, value: { role: "OFFICIAL" } });
    expect(await live(first.sid, u.id)).toBe(false);
    const second = await startSession(u.id);
    expect(await updateUser(admin, { id: u.id, name: "Renamed", role: "HOSPITAL", hospitalId: hospital.hospitalId })).toMatchObject({ ok: true });
    expect(await live(second.sid, u.id)).toBe(false);
    const third = await startSession(u.id);
    const other = await prisma.hospital.findFirstOrThrow({ where: { id: { not: hospital.hospitalId! } } });
    expect(await updateUser(admin, { id: u.id, name: "Renamed", role: "HOSPITAL", hospitalId: other.id })).toMatchObject({ ok: true });
    expect(await live(third.sid, u.id)).toBe(false);
    const actions = (await prisma.auditEvent.findMany({ where: { entity: "User", entityId: u.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["user.update", "user.role_change", "user.role_change", "user.role_change"]);
  });

  it("refuses what would leave an account wrong: a hospital role without a hospital, an admin demoting themselves", async () => {
    const { admin } = await actors();
    const u = await newUser();
    expect(await updateUser(admin, { id: u.id, name: "X y", role: "HOSPITAL", hospitalId: "" })).toMatchObject({
      ok: false,
      fieldErrors: { hospitalId: "required" },
    });
    expect(await updateUser(admin, { id: admin.id, name: admin.name, role: "STAFF", hospitalId: "" })).toMatchObject({
      ok: false,
      fieldErrors: { role: "self_demote" },
    });
    expect(await updateUser(admin, { id: "nobody", name: "X y", role: "STAFF", hospitalId: "" })).toMatchObject({ ok: false, error: "not_found" });
  });
});

describe("passwords an admin chooses", () => {
  it("a reset gives a one-time password once, ends the sessions, and requires a new password", async () => {
    const { admin } = await actors();
    const u = await newUser();
    const { sid } = await startSession(u.id);
    const r = await resetUserPassword(admin, { id: u.id });
    expect(r.ok).toBe(true);
    const otp = r.ok ? r.value.oneTimePassword : "";
    expect(otp).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(await live(sid, u.id)).toBe(false);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.mustChangePassword).toBe(true);
    expect(await verifyPassword(otp, row.passwordHash)).toBe(true);
    expect(row.passwordHash).not.toContain(otp);
    // Nowhere to read it again: not in the audit trail.
    const events = await prisma.auditEvent.findMany({ where: { entity: "User", entityId: u.id } });
    expect(events.map((e) => e.action)).toEqual(["user.password_reset"]);
    expect(JSON.stringify(events.map((e) => [e.before, e.after]))).not.toContain(otp);
    // A second reset makes another one; the first no longer works.
    const again = await resetUserPassword(admin, { id: u.id });
    expect(again.ok && again.value.oneTimePassword).not.toBe(otp);
    expect(await checkCredentials(u.email, otp, null)).toBeNull();
    expect(await resetUserPassword(admin, { id: admin.id })).toMatchObject({ ok: false, error: "self_reset" });
  });

  it("until the password is changed, the account may do nothing else", async () => {
    const { admin } = await actors();
    const u = await newUser("OFFICIAL");
    const r = await resetUserPassword(admin, { id: u.id });
    const otp = r.ok ? r.value.oneTimePassword : "";
    const actor = await checkCredentials(u.email, otp, null);
    expect(actor).toMatchObject({ id: u.id, mustChangePassword: true });
    expect(ACTIONS.filter((a) => can(actor, a))).toEqual(["password:change", "session:end"]);

    expect(await changeOwnPassword(actor, { current: "wrong-one", password: "x", confirm: "x" })).toMatchObject({
      ok: false,
      fieldErrors: { current: "password_wrong" },
    });
    expect(await changeOwnPassword(actor, { current: otp, password: "short", confirm: "short" })).toMatchObject({
      ok: false,
      fieldErrors: { password: "password_short" },
    });
    expect(await changeOwnPassword(actor, { current: otp, password: "password1234", confirm: "password1234" })).toMatchObject({
      ok: false,
      fieldErrors: { password: "password_weak" },
    });
    expect(await changeOwnPassword(actor, { current: otp, password: "qwertyuiop123", confirm: "qwertyuiop123" })).toMatchObject({
      ok: false,
      fieldErrors: { password: "password_weak" },
    });
    expect(await changeOwnPassword(actor, { current: otp, password: "kerbau nila tumbuh pagi", confirm: "kerbau nila tumbuh siang" })).toMatchObject({
      ok: false,
      fieldErrors: { confirm: "password_mismatch" },
    });
    const { sid } = await startSession(u.id);
    expect(await changeOwnPassword(actor, { current: otp, password: "kerbau nila tumbuh pagi", confirm: "kerbau nila tumbuh pagi" })).toMatchObject({
      ok: true,
    });
    expect(await live(sid, u.id)).toBe(false);
    const after = await checkCredentials(u.email, "kerbau nila tumbuh pagi", null);
    expect(after).toMatchObject({ id: u.id, mustChangePassword: false });
    expect(can(after, "dashboard:read")).toBe(true);
    expect((await prisma.auditEvent.findMany({ where: { entity: "User", entityId: u.id, action: "user.password_change" } })).length).toBe(1);
  });

  it("guessing the current password through the change form is throttled like signing in", async () => {
    const u = await newUser();
    const results = [];
    for (let i = 0; i < 8; i++)
      results.push(await changeOwnPassword(u.actor, { current: `guess-${i}`, password: "kerbau nila tumbuh pagi", confirm: "kerbau nila tumbuh pagi" }));
    expect(results.slice(0, 5).every((r) => !r.ok && r.fieldErrors?.current === "password_wrong")).toBe(true);
    expect(results.slice(5).every((r) => !r.ok && r.fieldErrors?.current === "throttled")).toBe(true);
  });

  it("a new account must change the password an admin chose for it, which must be long and not guessable", async () => {
    const { admin } = await actors();
    const weak = await createUser(admin, { email: `weak-${process.pid}@satgas.test`, name: "Weak", role: "OFFICIAL", password: "Bismillah123456" });
    expect(weak).toMatchObject({ ok: false, fieldErrors: { password: "password_weak" } });
    const short = await createUser(admin, { email: `short-${process.pid}@satgas.test`, name: "Short", role: "OFFICIAL", password: "abcdefghijk" });
    expect(short).toMatchObject({ ok: false, fieldErrors: { password: "password_short" } });
    const own = await createUser(admin, {
      email: `budi.santoso-${process.pid}@satgas.test`,
      name: "Budi Santoso",
      role: "OFFICIAL",
      password: "budisantoso2021",
    });
    expect(own).toMatchObject({ ok: false, fieldErrors: { password: "password_weak" } });
    const ok = await createUser(admin, { email: `new-${process.pid}@satgas.test`, name: "New", role: "OFFICIAL", password: "tumbuh-pagi-kerbau-nila" });
    expect(ok.ok).toBe(true);
    const row = await prisma.user.findUniqueOrThrow({ where: { email: `new-${process.pid}@satgas.test` } });
    expect(row.mustChangePassword).toBe(true);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe("API tokens", () => {
  it("work for a service account that never signed in, and stop for good when it is disabled", async () => {
    const { admin } = await actors();
    const { hashToken, newToken } = await import("@/server/api-auth");
    const { GET } = await import("@/app/api/v1/pledges/route");
    const created = await createUser(admin, {
      email: `svc-${process.pid}@satgas.test`,
      name: "Sistem BPBD",
      role: "OFFICIAL",
      password: "tumbuh-pagi-kerbau-nila",
    });
    expect(created.ok).toBe(true);
    const userId = created.ok ? created.value.id : "";
    const token = newToken();
    await prisma.apiToken.create({ data: { name: "svc", userId, tokenHash: hashToken(token) } });
    const call = () => GET(new Request("http://localhost/api/v1/pledges", { headers: { authorization: `Bearer ${token}` } }));
    expect((await call()).status).toBe(200);
    expect((await setUserActive(admin, { id: userId, active: false })).ok).toBe(true);
    expect((await call()).status).toBe(401);
    expect((await setUserActive(admin, { id: userId, active: true })).ok).toBe(true);
    expect((await call()).status).toBe(401);
  });
});
