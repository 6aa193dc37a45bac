import { describe, expect, it } from "vitest";
import { ACTIONS, authorize, can, Forbidden, hospitalScope, type Actor, type Role } from "../../src/server/permissions";

const actor = (role: Role, hospitalId: string | null = null): Actor => ({ id: role, email: `${role}@x`, name: role, role, hospitalId });
const admin = actor("ADMIN");
const staff = actor("STAFF");
const official = actor("OFFICIAL");
const rs1 = actor("HOSPITAL", "h1");
const unbound = actor("HOSPITAL", null);

describe("permission matrix", () => {
  it("refuses everything to nobody", () => {
    for (const a of ACTIONS) expect(can(null, a)).toBe(false);
  });

  it("lets officials only read", () => {
    const writes = ACTIONS.filter((a) => /:(write|create|cancel|decide|confirm|report|manage|configure)$/.test(a));
    expect(writes.length).toBeGreaterThan(8);
    for (const a of writes) expect(can(official, a), a).toBe(false);
    expect(can(official, "dashboard:read")).toBe(true);
    expect(can(official, "api:summary")).toBe(true);
  });

  it("lets every signed-in role change its own password, its alert channels, and sign out, nobody else", () => {
    for (const a of ["password:change", "session:end", "account:settings"] as const) {
      for (const who of [admin, staff, official, rs1]) expect(can(who, a), `${who.role} ${a}`).toBe(true);
      expect(can(null, a)).toBe(false);
    }
  });

  it("allows an account whose password an admin chose nothing but choosing its own (and signing out)", () => {
    for (const who of [admin, staff, official, rs1]) {
      const pending = { ...who, mustChangePassword: true };
      expect(
        ACTIONS.filter((a) => can(pending, a)),
        who.role,
      ).toEqual(["password:change", "session:end"]);
      expect(() => authorize(pending, "dashboard:read")).toThrow(Forbidden);
    }
  });

  it("war room and cylinder moves are the task force's; a hospital admin counts only its own cylinders", () => {
    for (const a of ["stock:report-on-behalf", "cylinder:move"] as const) {
      expect([can(admin, a), can(staff, a), can(official, a), can(rs1, a)], a).toEqual([true, true, false, false]);
    }
    expect(can(rs1, "cylinder:count", { hospitalId: "h1" })).toBe(true);
    expect(can(rs1, "cylinder:count", { hospitalId: "h2" })).toBe(false);
    expect(can(staff, "cylinder:count")).toBe(false);
    expect(hospitalScope(rs1, "cylinder:read")).toBe("h1");
  });

  it("keeps policy, users and tokens for ADMIN", () => {
    for (const a of ["policy:write", "user:manage", "token:manage", "forecast:configure", "audit:accounts"] as const) {
      expect(can(admin, a)).toBe(true);
      expect(can(staff, a)).toBe(false);
      expect(can(official, a)).toBe(false);
      expect(can(rs1, a)).toBe(false);
    }
  });

  it("lets staff run the supply side and allocation", () => {
    for (const a of [
      "supplier:write",
      "capacity:write",
      "pledge:write",
      "dispatch:write",
      "request:decide",
      "allocation:write",
      "allocation:cancel",
      "request:close",
      "receipt:record",
      "hospital:write",
      "fleet:manage",
      "trip:move",
      "trip:divert",
    ] as const) {
      expect(can(staff, a), a).toBe(true);
      expect(can(rs1, a), a).toBe(false);
    }
  });

  it("shows the fleet and the trip board to the task force only; officials read, never move", () => {
    for (const a of ["fleet:read", "trip:read"] as const) {
      expect(can(official, a), a).toBe(true);
      expect(can(rs1, a), a).toBe(false);
    }
    for (const a of ["fleet:manage", "trip:move", "trip:divert"] as const) expect(can(official, a), a).toBe(false);
  });

  it("binds a hospital admin to their own hospital", () => {
    expect(can(rs1, "stock:report", { hospitalId: "h1" })).toBe(true);
    expect(can(rs1, "stock:report", { hospitalId: "h2" })).toBe(false);
    expect(can(rs1, "request:read", { hospitalId: "h2" })).toBe(false);
    expect(can(rs1, "receipt:confirm", { hospitalId: "h1" })).toBe(true);
    expect(can(rs1, "receipt:confirm", { hospitalId: "h2" })).toBe(false);
    expect(can(rs1, "dashboard:read")).toBe(false);
    expect(can(rs1, "api:summary")).toBe(false);
    expect(can(rs1, "api:hospitals")).toBe(true);
  });

  it("gives an unbound hospital account nothing hospital-scoped", () => {
    expect(can(unbound, "stock:report")).toBe(false);
    expect(can(unbound, "request:read", { hospitalId: null })).toBe(false);
  });

  it("does not let staff report stock or request on a hospital's behalf", () => {
    expect(can(staff, "stock:report", { hospitalId: "h1" })).toBe(false);
    expect(can(admin, "request:create", { hospitalId: "h1" })).toBe(false);
  });

  it("scopes hospital reads", () => {
    expect(hospitalScope(rs1, "request:read")).toBe("h1");
    expect(hospitalScope(staff, "request:read")).toBeNull();
    expect(hospitalScope(unbound, "request:read")).not.toBeNull();
  });

  it("throws Forbidden from authorize", () => {
    expect(() => authorize(official, "capacity:write")).toThrow(Forbidden);
    expect(() => authorize(staff, "capacity:write")).not.toThrow();
  });
});
