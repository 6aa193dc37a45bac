import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { actorById } from "@/server/actors";
import { checkCredentials } from "@/server/login";
import type { Actor } from "@/server/permissions";
import { hospitalFor, listHospitals } from "@/server/queries/hospitals";
import { createHospital, updateHospital } from "@/server/use-cases/hospitals";
import { createUser, setUserActive } from "@/server/use-cases/users";
import { actor, auditOf } from "./supply-helpers";

let staff: Actor, admin: Actor, official: Actor, rs1: Actor;
let regionId: string;
beforeAll(async () => {
  [staff, admin, official, rs1] = await Promise.all(["staff@satgas.test", "admin@satgas.test", "official@satgas.test", "rs1@satgas.test"].map(actor));
  regionId = (await prisma.region.findUniqueOrThrow({ where: { code: "36.71" } })).id;
});

const hospital = (over: Record<string, unknown> = {}) => ({
  name: "RS Uji Coba",
  regionId,
  address: "Jl. Uji 1",
  isReferral: "on",
  isAssociationMember: false,
  beds: "120",
  covidBeds: "40",
  icuBeds: "10",
  tankCapacityKg: "10",
  tankResidualKg: "0,8",
  ...over,
});

describe("hospitals", () => {
  it("lets staff register and edit a hospital with every field, in kg, with audit", async () => {
    const r = await createHospital(staff, hospital());
    expect(r).toMatchObject({
      ok: true,
      value: {
        name: "RS Uji Coba",
        isReferral: true,
        isAssociationMember: false,
        beds: 120,
        covidBeds: 40,
        icuBeds: 10,
        tankCapacityKg: 10_000,
        tankResidualKg: 800,
        active: true,
      },
    });
    if (!r.ok) throw new Error("unreachable: asserted ok above");
    const u = await updateHospital(admin, {
      id: r.value.id,
      ...hospital({ name: "RS Uji Coba 2", isAssociationMember: "on", isReferral: false }),
      active: false,
    });
    expect(u).toMatchObject({ ok: true, value: { name: "RS Uji Coba 2", isReferral: false, isAssociationMember: true, active: false } });
    expect((await auditOf("Hospital", r.value.id)).map((e) => e.action)).toEqual(["hospital.create", "hospital.update"]);
  });

  it("returns field errors, cross-field ones included", async () => {
    const r = await createHospital(staff, hospital({ name: "", regionId: "nope", beds: "10", covidBeds: "20", tankCapacityKg: "1", tankResidualKg: "2" }));
    expect(r).toMatchObject({ ok: false, error: "invalid", fieldErrors: { name: "required" } });
    const r2 = await createHospital(staff, hospital({ beds: "10", covidBeds: "20", tankCapacityKg: "1", tankResidualKg: "2" }));
    expect(r2).toMatchObject({ ok: false, fieldErrors: { covidBeds: "beds_exceeded", tankResidualKg: "residual_exceeds_tank" } });
    expect(await createHospital(staff, hospital({ regionId: "nope" }))).toMatchObject({ ok: false, fieldErrors: { regionId: "invalid_choice" } });
  });

  it("refuses hospital admins and officials", async () => {
    expect(await createHospital(rs1, hospital())).toMatchObject({ ok: false, error: "forbidden" });
    expect(await updateHospital(rs1, { id: rs1.hospitalId, ...hospital(), active: true })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await createHospital(official, hospital())).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("shows a hospital admin only their own hospital", async () => {
    const list = await listHospitals(rs1);
    expect(list.map((h) => h.id)).toEqual([rs1.hospitalId]);
    const other = await prisma.hospital.findFirstOrThrow({ where: { id: { not: rs1.hospitalId! } } });
    expect(await hospitalFor(rs1, other.id)).toBeNull();
    expect(await hospitalFor(staff, other.id)).not.toBeNull();
    expect((await listHospitals(official)).length).toBeGreaterThan(10);
  });
});

describe("users", () => {
  it("lets an admin create a hospital admin bound to one hospital, who can then sign in", async () => {
    const r = await createUser(admin, {
      email: "New.Admin@RS.test",
      name: "Admin Baru",
      role: "HOSPITAL",
      hospitalId: rs1.hospitalId,
      password: "long-enough-password",
    });
    expect(r).toMatchObject({ ok: true, value: { email: "new.admin@rs.test", role: "HOSPITAL", hospitalId: rs1.hospitalId } });
    expect(r.ok && "passwordHash" in r.value).toBe(false);
    const signedIn = await checkCredentials("new.admin@rs.test", "long-enough-password", "10.9.0.1");
    expect(signedIn).toMatchObject({ role: "HOSPITAL", hospitalId: rs1.hospitalId, mustChangePassword: true });
    const audit = await auditOf("User", r.ok ? r.value.id : "");
    expect(audit.map((e) => e.action)).toEqual(["user.create", "user.sign_in"]);
    expect(JSON.stringify(audit[0].after)).not.toContain("passwordHash");
  });

  it("checks the binding, the email and the password", async () => {
    expect(await createUser(admin, { email: "x1@rs.test", name: "Xx", role: "HOSPITAL", hospitalId: "", password: "long-enough-password" })).toMatchObject({
      ok: false,
      fieldErrors: { hospitalId: "required" },
    });
    expect(
      await createUser(admin, { email: "x2@rs.test", name: "Xx", role: "STAFF", hospitalId: rs1.hospitalId, password: "long-enough-password" }),
    ).toMatchObject({ ok: false, fieldErrors: { hospitalId: "hospital_only_for_hospital_role" } });
    expect(await createUser(admin, { email: "staff@satgas.test", name: "Dup", role: "STAFF", password: "long-enough-password" })).toMatchObject({
      ok: false,
      fieldErrors: { email: "email_taken" },
    });
    expect(await createUser(admin, { email: "bad", name: "Xx", role: "STAFF", password: "short" })).toMatchObject({
      ok: false,
      fieldErrors: { email: "invalid_format", password: "password_short" },
    });
  });

  it("is ADMIN only", async () => {
    expect(await createUser(staff, { email: "y@rs.test", name: "Yy", role: "STAFF", password: "long-enough-password" })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await setUserActive(staff, { id: rs1.id, active: false })).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("disables an account at once, never the admin's own", async () => {
    const u = await createUser(admin, { email: "temp@rs.test", name: "Temp", role: "OFFICIAL", password: "long-enough-password" });
    if (!u.ok) throw new Error("setup");
    expect(await setUserActive(admin, { id: u.value.id, active: false })).toMatchObject({ ok: true, value: { active: false } });
    expect(await actorById(u.value.id)).toBeNull();
    expect(await setUserActive(admin, { id: admin.id, active: false })).toMatchObject({ ok: false, error: "self_disable" });
    expect(await setUserActive(admin, { id: u.value.id, active: true })).toMatchObject({ ok: true, value: { active: true } });
  });
});
