import { describe, expect, it } from "vitest";
import { accountCache } from "@/server/cache";
import { prisma } from "@/server/db";
import { hashPassword } from "@/server/passwords";
import { liveAudience } from "@/server/session";
import { liveAudienceOf, type Claims } from "@/server/session-cookie";
import { startSession } from "@/server/sessions";
import { signOutEverywhere } from "@/server/use-cases/account";
import { setUserActive } from "@/server/use-cases/users";
import { actors } from "./supply-helpers";

// What the response cache keys a page by (decision 0045): the role and hospital of a live
// session, read from PostgreSQL as the page's own currentActor reads them; null, never cached,
// for a session that ended, a disabled account or one that must change its password first.

let seq = 0;
async function signedIn(role: "STAFF" | "OFFICIAL" | "HOSPITAL", hospitalId: string | null = null) {
  const u = await prisma.user.create({
    data: {
      email: `aud-${process.pid}-${seq++}@satgas.test`,
      name: `Audience ${seq}`,
      role,
      hospitalId,
      passwordHash: await hashPassword("audience-password-123"),
    },
  });
  const { sid } = await startSession(u.id);
  const claims: Claims = { sub: u.id, sid, expiresAtMs: Date.now() + 3_600_000 };
  return { user: u, actor: { id: u.id, email: u.email, name: u.name, role: u.role, hospitalId: u.hospitalId }, claims };
}

/** The audience as server.ts asks for it (through the lookup session.ts registers), read fresh. */
async function audience(claims: Claims) {
  accountCache.invalidate();
  return liveAudienceOf(claims);
}

describe("the audience a page is cached for", () => {
  it("is shared by two officials, and differs for staff and for the admins of two hospitals", async () => {
    const [h1, h2] = await prisma.hospital.findMany({ take: 2, orderBy: { id: "asc" } });
    const official1 = await signedIn("OFFICIAL");
    const official2 = await signedIn("OFFICIAL");
    const staff = await signedIn("STAFF");
    const rs1 = await signedIn("HOSPITAL", h1.id);
    const rs1b = await signedIn("HOSPITAL", h1.id);
    const rs2 = await signedIn("HOSPITAL", h2.id);
    expect(await audience(official1.claims)).toBe("OFFICIAL:");
    expect(await audience(official2.claims)).toBe(await audience(official1.claims));
    expect(await audience(staff.claims)).toBe("STAFF:");
    expect(await audience(rs1.claims)).toBe(`HOSPITAL:${h1.id}`);
    expect(await audience(rs1b.claims)).toBe(`HOSPITAL:${h1.id}`);
    expect(await audience(rs2.claims)).toBe(`HOSPITAL:${h2.id}`);
    expect(await liveAudience(official1.claims)).toBe("OFFICIAL:");
  });

  it("is none for a session that ended, a disabled account, an account that must change its password, or another user's session", async () => {
    const { admin } = await actors();
    const signedOut = await signedIn("OFFICIAL");
    expect((await signOutEverywhere(signedOut.actor, {})).ok).toBe(true);
    expect(await audience(signedOut.claims)).toBeNull();

    const disabled = await signedIn("OFFICIAL");
    expect((await setUserActive(admin, { id: disabled.user.id, active: false })).ok).toBe(true);
    expect(await audience(disabled.claims)).toBeNull();

    const reset = await signedIn("STAFF");
    await prisma.user.update({ where: { id: reset.user.id }, data: { mustChangePassword: true } });
    expect(await audience(reset.claims)).toBeNull();

    const other = await signedIn("OFFICIAL");
    expect(await audience({ ...other.claims, sub: (await signedIn("OFFICIAL")).user.id })).toBeNull();
    expect(await audience({ ...other.claims, sid: null })).toBeNull();

    const idle = await signedIn("OFFICIAL");
    await prisma.userSession.update({ where: { id: idle.claims.sid! }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await audience(idle.claims)).toBeNull();
  });
});
