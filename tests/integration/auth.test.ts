import { describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { checkCredentials, clientAddress, isThrottled, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "@/server/login";
import { actorById } from "@/server/actors";
import { hashPassword } from "@/server/passwords";
import { can } from "@/server/permissions";

describe("credentials", () => {
  it("signs in a demo account with its hashed password", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "staff@satgas.test" } });
    expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(user.passwordHash).not.toContain("demo-password");
    const actor = await checkCredentials("staff@satgas.test", "demo-password", "10.0.0.1");
    expect(actor).toMatchObject({ role: "STAFF", email: "staff@satgas.test" });
  });

  it("refuses a wrong password and an unknown account", async () => {
    expect(await checkCredentials("staff@satgas.test", "wrong", "10.0.0.2")).toBeNull();
    expect(await checkCredentials("nobody@satgas.test", "demo-password", "10.0.0.2")).toBeNull();
  });

  it("throttles an account after repeated failures, even with the right password", async () => {
    const email = "throttle@satgas.test";
    await prisma.user.create({ data: { email, name: "T", role: "OFFICIAL", passwordHash: await hashPassword("right-password", 4) } });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect(await checkCredentials(email, "wrong", `10.1.0.${i}`)).toBeNull();
    expect(await checkCredentials(email, "right-password", "10.1.1.1")).toBeNull();
  });

  it("locks a disabled account out at once, session or not", async () => {
    const email = "disabled@satgas.test";
    const u = await prisma.user.create({ data: { email, name: "D", role: "STAFF", passwordHash: await hashPassword("pw-123456", 4) } });
    expect(await actorById(u.id)).not.toBeNull();
    await prisma.user.update({ where: { id: u.id }, data: { active: false } });
    expect(await actorById(u.id)).toBeNull();
    expect(await checkCredentials(email, "pw-123456", "10.2.0.1")).toBeNull();
  });

  it("gives a hospital account only its own hospital's records", async () => {
    const rs1 = await checkCredentials("rs1@satgas.test", "demo-password", "10.3.0.1");
    const rs2 = await prisma.user.findUniqueOrThrow({ where: { email: "rs2@satgas.test" } });
    expect(rs1?.hospitalId).toBeTruthy();
    expect(can(rs1, "stock:report", { hospitalId: rs1!.hospitalId })).toBe(true);
    expect(can(rs1, "stock:report", { hospitalId: rs2.hospitalId })).toBe(false);
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

  it("without an address, failures elsewhere cannot lock anyone out", async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await checkCredentials(`nobody${i}@satgas.test`, "wrong", null);
    expect(await isThrottled("official@satgas.test", null)).toBe(false);
    expect(await checkCredentials("official@satgas.test", "demo-password", null)).not.toBeNull();
  });
});
