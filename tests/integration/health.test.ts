import { describe, expect, it, vi } from "vitest";

async function healthWith(url: string) {
  vi.resetModules();
  delete (globalThis as { prisma?: unknown }).prisma;
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  try {
    const { GET } = await import("@/app/api/health/route");
    const res = await GET();
    return { status: res.status, body: await res.json() };
  } finally {
    const client = (globalThis as { prisma?: { $disconnect(): Promise<void> } }).prisma;
    await client?.$disconnect().catch(() => {});
    delete (globalThis as { prisma?: unknown }).prisma;
    process.env.DATABASE_URL = saved;
  }
}

describe("GET /api/health", () => {
  it("answers 200 when the database answers", async () => {
    expect(await healthWith(process.env.DATABASE_URL!)).toEqual({ status: 200, body: { status: "ok", db: "ok" } });
  });

  it("answers 503 when the database is unreachable", async () => {
    const r = await healthWith("postgresql://postgres@127.0.0.1:1/nowhere");
    expect(r.status).toBe(503);
    expect(r.body.db).toBe("unreachable");
  });
});
