import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/server/db";
import { recentScenarios, scenarioById } from "@/server/queries/forecast";
import { saveScenario, setDefaultRateSet, updateRateSet } from "@/server/use-cases/forecast";
import { actors, auditOf } from "./supply-helpers";

let a: Awaited<ReturnType<typeof actors>>;
beforeAll(async () => {
  a = await actors();
});

const valid = { name: "Omicron ×3", rateSet: "who", basis: "patients", waveMultiplier: "3", shiftPercentagePoints: "-20", extraPledgedTonnes: "12.5" }; // hidden fields the explorer writes: machine numbers

describe("saving a scenario", () => {
  it("an official saves a named scenario; its parameters are stored in kg and it can be reopened by id", async () => {
    const r = await saveScenario(a.official, valid);
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error("unreachable: asserted ok above");
    const row = await prisma.scenario.findUniqueOrThrow({ where: { id: r.value.id } });
    expect(row).toMatchObject({ name: "Omicron ×3", createdById: a.official.id });
    expect(row.params).toEqual({ rateSet: "who", basis: "patients", waveMultiplier: 3, shiftPercentagePoints: -20, extraPledgedKgPerDay: 12_500 });
    expect((await auditOf("Scenario", row.id)).map((e) => e.action)).toEqual(["scenario.create"]);
    const opened = await scenarioById(row.id);
    expect(opened).toMatchObject({ name: "Omicron ×3", createdBy: a.official.name });
    expect((await recentScenarios())[0].id).toBe(row.id);
  });

  it("keeps a chosen start day and the hospitals' reported rates", async () => {
    const r = await saveScenario(a.staff, { ...valid, name: "Early July", rateSet: "reported", basis: "cases", waveMultiplier: "1.5", asOf: "2021-07-10" });
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error("unreachable: asserted ok above");
    expect(r.value.params).toEqual({
      rateSet: "reported",
      basis: "cases",
      waveMultiplier: 1.5,
      shiftPercentagePoints: -20,
      extraPledgedKgPerDay: 12_500,
      asOf: "2021-07-10",
    });
  });

  it("refuses invalid parameters field by field, and writes nothing", async () => {
    const before = await prisma.scenario.count();
    const r = await saveScenario(a.official, {
      name: " ",
      rateSet: "who",
      basis: "sideways",
      waveMultiplier: "7",
      shiftPercentagePoints: "150",
      extraPledgedTonnes: "-1",
    });
    expect(r).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: {
        name: "too_short",
        basis: "invalid_choice",
        waveMultiplier: "too_big",
        shiftPercentagePoints: "too_big",
        extraPledgedTonnes: "not_negative",
      },
    });
    expect(await saveScenario(a.official, { ...valid, waveMultiplier: "2.3" })).toMatchObject({ ok: false, fieldErrors: { waveMultiplier: "invalid_format" } });
    expect(await saveScenario(a.official, { ...valid, rateSet: "nonsense" })).toMatchObject({ ok: false, fieldErrors: { rateSet: "invalid_choice" } });
    expect(await saveScenario(a.official, { ...valid, asOf: "26/08/2021" })).toMatchObject({ ok: false, fieldErrors: { asOf: "invalid_format" } });
    expect(await prisma.scenario.count()).toBe(before);
  });

  it("a hospital admin is refused", async () => {
    expect(await saveScenario(a.hospital, valid)).toEqual({ ok: false, error: "forbidden" });
    expect(await saveScenario(null, valid)).toEqual({ ok: false, error: "forbidden" });
  });
});

describe("configuring the flow-rate sets", () => {
  it("ADMIN edits a set's rates and makes it the default; exactly one default remains", async () => {
    const r = await updateRateSet(a.admin, { key: "measured", severeLpm: "4,5", criticalLpm: "12" });
    expect(r.ok).toBe(true);
    const measured = await prisma.flowRateSet.findUniqueOrThrow({ where: { key: "measured" } });
    expect([Number(measured.severeLpm), Number(measured.criticalLpm)]).toEqual([4.5, 12]);
    expect((await setDefaultRateSet(a.admin, { key: "measured" })).ok).toBe(true);
    const defaults = await prisma.flowRateSet.findMany({ where: { isDefault: true } });
    expect(defaults.map((d) => d.key)).toEqual(["measured"]);
    expect((await auditOf("FlowRateSet", measured.id)).map((e) => e.action)).toEqual(["rateset.update", "rateset.default"]);
    expect((await setDefaultRateSet(a.admin, { key: "who" })).ok).toBe(true);
  });

  it("validates rates and keys", async () => {
    expect(await updateRateSet(a.admin, { key: "who", severeLpm: "0", criticalLpm: "250" })).toMatchObject({
      ok: false,
      fieldErrors: { severeLpm: "positive", criticalLpm: "too_big" },
    });
    expect(await updateRateSet(a.admin, { key: "nope", severeLpm: "5", criticalLpm: "10" })).toMatchObject({ ok: false, error: "not_found" });
    expect(await setDefaultRateSet(a.admin, { key: "nope" })).toMatchObject({ ok: false, fieldErrors: { key: "invalid_choice" } });
  });

  it("only ADMIN may configure", async () => {
    for (const who of [a.staff, a.official, a.hospital]) {
      expect(await updateRateSet(who, { key: "who", severeLpm: "5", criticalLpm: "10" })).toEqual({ ok: false, error: "forbidden" });
      expect(await setDefaultRateSet(who, { key: "india2021" })).toEqual({ ok: false, error: "forbidden" });
    }
  });
});
