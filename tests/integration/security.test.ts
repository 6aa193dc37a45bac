import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db";
import { authConfig, SESSION_MAX_AGE_S } from "@/server/auth-config";
import { checkCredentials, FREE_FAILURES_PER_ACCOUNT, FREE_FAILURES_PER_ADDRESS, isThrottled } from "@/server/login";
import { hashPassword } from "@/server/passwords";
import { actors } from "./supply-helpers";

// Security properties checked at the server layer (the e2e twin, tests/e2e/security.spec.ts,
// checks the same things through HTTP against the production build).

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "generated" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe("passwords and login throttling", () => {
  it("hashes new passwords with argon2id (19 MiB, 2 passes)", async () => {
    const hash = await hashPassword("a-long-password");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain("a-long-password");
  });

  it("delays an address after 20 failures across accounts, then lets a fresh address in", async () => {
    const address = "203.0.113.77";
    for (let i = 0; i < FREE_FAILURES_PER_ADDRESS; i++) await checkCredentials(`spray${i}@satgas.test`, "wrong", address);
    expect(await isThrottled("official@satgas.test", address)).toBe(true);
    expect(await checkCredentials("official@satgas.test", "demo-password", address)).toBeNull();
    expect(await checkCredentials("official@satgas.test", "demo-password", "203.0.113.78")).not.toBeNull();
  });

  it("lifts the account delay once it has passed, without a 15-minute lock", async () => {
    const email = "window@satgas.test";
    await prisma.user.create({ data: { email, name: "W", role: "OFFICIAL", passwordHash: await hashPassword("right-password-123") } });
    for (let i = 0; i < FREE_FAILURES_PER_ACCOUNT; i++) await checkCredentials(email, "wrong", `198.51.100.${i}`);
    expect(await isThrottled(email, "198.51.100.200")).toBe(true);
    expect(await isThrottled(email, "198.51.100.200", new Date(Date.now() + 60_000))).toBe(false);
  });
});

describe("sessions", () => {
  const secret = "test-secret-0123456789-0123456789";
  const salt = "authjs.session-token";

  it("last one working shift (8 h), as a JWT", () => {
    expect(SESSION_MAX_AGE_S).toBe(8 * 3600);
    expect(authConfig.session).toEqual({ strategy: "jwt", maxAge: SESSION_MAX_AGE_S });
  });

  it("a token older than maxAge is refused; a fresh one is read", async () => {
    const now = Math.floor(Date.now() / 1000);
    const fresh = await encode({ secret, salt, token: { sub: "u1", role: "ADMIN" }, maxAge: SESSION_MAX_AGE_S });
    expect((await decode({ secret, salt, token: fresh }))?.sub).toBe("u1");
    // Minted 9 h ago with the 8 h lifetime: expired an hour ago.
    vi.useFakeTimers({ now: (now - 9 * 3600) * 1000, toFake: ["Date"] });
    const old = await encode({ secret, salt, token: { sub: "u1", role: "ADMIN" }, maxAge: SESSION_MAX_AGE_S });
    vi.useRealTimers();
    await expect(decode({ secret, salt, token: old })).rejects.toThrow(/exp/i);
    // Signed with another secret: refused too.
    await expect(decode({ secret: "another-secret-0123456789-012345", salt, token: fresh })).rejects.toThrow();
  });
});

describe("audit trail", () => {
  it("the database refuses to change or delete an audit event", async () => {
    const { admin } = await actors();
    const ev = await prisma.auditEvent.create({ data: { actorId: admin.id, action: "test.event", entity: "Test", entityId: "x" } });
    await expect(prisma.auditEvent.update({ where: { id: ev.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.delete({ where: { id: ev.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.deleteMany({ where: { entity: "Test" } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'x' WHERE id = '${ev.id}'`)).rejects.toThrow(/append-only/);
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: ev.id } })).action).toBe("test.event");
  });

  it("no code in src/ updates or deletes audit events", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles("src")) {
      const text = readFileSync(file, "utf8");
      if (/auditEvent\s*\.\s*(update|updateMany|upsert|delete|deleteMany)\b/.test(text)) offenders.push(`${file}: prisma write`);
      if (/(UPDATE|DELETE\s+FROM|TRUNCATE)\s+"?AuditEvent"?/i.test(text)) offenders.push(`${file}: raw SQL`);
    }
    expect(offenders).toEqual([]);
    // The only writer is recordAudit's create.
    const writers = sourceFiles("src").filter((f) => /auditEvent\s*\.\s*create/.test(readFileSync(f, "utf8")));
    expect(writers).toEqual([join("src", "server", "audit.ts")]);
  });
});

describe("errors never leak SQL or stacks", () => {
  async function withDatabase<T>(url: string, fn: () => Promise<T>): Promise<T> {
    vi.resetModules();
    delete (globalThis as { prisma?: unknown }).prisma;
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    try {
      return await fn();
    } finally {
      const client = (globalThis as { prisma?: { $disconnect(): Promise<void> } }).prisma;
      await client?.$disconnect().catch(() => {});
      delete (globalThis as { prisma?: unknown }).prisma;
      process.env.DATABASE_URL = saved;
      vi.resetModules();
    }
  }

  it("an API route answers 503 JSON, without message or stack, when the database is unreachable", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await withDatabase("postgresql://postgres@127.0.0.1:1/nowhere", async () => {
        const routes = {
          summary: () => import("@/app/api/v1/summary/route"),
          hospitals: () => import("@/app/api/v1/hospitals/route"),
          pledges: () => import("@/app/api/v1/pledges/route"),
        };
        for (const [path, load] of Object.entries(routes)) {
          const { GET } = await load();
          const res: Response = await GET(
            new Request(`http://localhost/api/v1/${path}?date=2021-07-26`, { headers: { authorization: "Bearer oxy_whatever" } }),
          );
          expect(res.status).toBe(503);
          expect(res.headers.get("content-type")).toMatch(/json/);
          const body = await res.text();
          expect(JSON.parse(body)).toEqual({ error: "unavailable" });
          expect(body).not.toMatch(/ECONNREFUSED|prisma|postgres|at \w+ \(/i);
        }
      });
    } finally {
      quiet.mockRestore();
    }
  });

  it("an API route answers 500 JSON without SQL when a query fails", async () => {
    const { officialToken } = await tokenFor("official@satgas.test");
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    // A broken schema: the table the summary reads is gone (inside this file's own database copy).
    await prisma.$executeRawUnsafe(`ALTER TABLE "StockReport" RENAME TO "StockReport_hidden"`);
    try {
      await withDatabase(process.env.DATABASE_URL!, async () => {
        const { GET } = await import("@/app/api/v1/summary/route");
        const res: Response = await GET(
          new Request("http://localhost/api/v1/summary?date=2021-07-26", { headers: { authorization: `Bearer ${officialToken}` } }),
        );
        const body = await res.text();
        expect(res.status).toBe(500);
        expect(JSON.parse(body)).toEqual({ error: "internal_error" });
        expect(body).not.toMatch(/SELECT|StockReport|relation|at \w+ \(/i);
      });
    } finally {
      await prisma.$executeRawUnsafe(`ALTER TABLE "StockReport_hidden" RENAME TO "StockReport"`);
      quiet.mockRestore();
    }
  });
});

async function tokenFor(email: string) {
  const { issueToken } = await import("@/server/use-cases/tokens");
  const { admin } = await actors();
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const r = await issueToken(admin, { name: `sec-${Date.now()}`, userId: user.id });
  if (!r.ok) throw new Error(r.error);
  return { officialToken: r.value.token };
}
