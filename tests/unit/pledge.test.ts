import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/day";
import { pledgeProgress, planTranches, remainingKg, type Tranche } from "../../src/domain/pledge";

function tranchesOf(plan: ReturnType<typeof planTranches>): Tranche[] {
  if (!plan.ok) throw new Error(`expected a plan, got ${JSON.stringify(plan.errors)}`);
  return plan.tranches;
}

// PT Chandra Asri: 120 t of liquid oxygen in stages over two months.
const chandraAsri = { totalKg: 120_000, startsOn: "2021-07-20", endsOn: "2021-09-18" };

describe("planTranches", () => {
  it("120 t over 2021-07-20..2021-09-18 in 4 tranches: 30 t each, the last due on the end date", () => {
    const tranches = tranchesOf(planTranches({ ...chandraAsri, count: 4 }));
    expect(tranches).toEqual([
      { dueOn: "2021-08-04", kg: 30_000 },
      { dueOn: "2021-08-19", kg: 30_000 },
      { dueOn: "2021-09-03", kg: 30_000 },
      { dueOn: "2021-09-18", kg: 30_000 },
    ]);
    expect(tranches.reduce((s, t) => s + t.kg, 0)).toBe(120_000);
  });

  it("the remainder goes to the last tranche by default", () => {
    const tranches = tranchesOf(planTranches({ ...chandraAsri, totalKg: 100_003, count: 4 }));
    expect(tranches.map((t) => t.kg)).toEqual([25_000, 25_000, 25_000, 25_003]);
  });

  it("or is spread 1 kg at a time over the earliest tranches", () => {
    const tranches = tranchesOf(planTranches({ ...chandraAsri, totalKg: 100_003, count: 4, remainder: "spread" }));
    expect(tranches.map((t) => t.kg)).toEqual([25_001, 25_001, 25_001, 25_000]);
  });

  it("one every 14 days, the last on the end date", () => {
    const tranches = tranchesOf(planTranches({ ...chandraAsri, everyDays: 14 }));
    expect(tranches).toEqual([
      { dueOn: "2021-08-03", kg: 24_000 },
      { dueOn: "2021-08-17", kg: 24_000 },
      { dueOn: "2021-08-31", kg: 24_000 },
      { dueOn: "2021-09-14", kg: 24_000 },
      { dueOn: "2021-09-18", kg: 24_000 },
    ]);
  });

  it("every 15 days over 60 days is the same as 4 tranches", () => {
    expect(planTranches({ ...chandraAsri, everyDays: 15 })).toEqual(planTranches({ ...chandraAsri, count: 4 }));
  });

  it("a step longer than the period gives one tranche on the end date", () => {
    expect(tranchesOf(planTranches({ ...chandraAsri, everyDays: 100 }))).toEqual([{ dueOn: "2021-09-18", kg: 120_000 }]);
    expect(tranchesOf(planTranches({ ...chandraAsri, count: 1 }))).toEqual([{ dueOn: "2021-09-18", kg: 120_000 }]);
  });

  it("a one-day pledge has one tranche that day", () => {
    const oneDay = { totalKg: 309_000, startsOn: "2021-07-22", endsOn: "2021-07-22" };
    expect(tranchesOf(planTranches({ ...oneDay, count: 1 }))).toEqual([{ dueOn: "2021-07-22", kg: 309_000 }]);
    expect(tranchesOf(planTranches({ ...oneDay, everyDays: 7 }))).toEqual([{ dueOn: "2021-07-22", kg: 309_000 }]);
    expect(planTranches({ ...oneDay, count: 2 })).toEqual({ ok: false, errors: { count: "too_big" } });
  });

  it("at most one tranche per day", () => {
    const daily = tranchesOf(planTranches({ ...chandraAsri, count: 60 }));
    expect(daily).toHaveLength(60);
    expect(new Set(daily.map((t) => t.dueOn)).size).toBe(60);
    expect(daily.every((t) => t.kg === 2000)).toBe(true);
    expect(planTranches({ ...chandraAsri, count: 61 })).toEqual({ ok: false, errors: { count: "too_big" } });
  });

  it("every tranche at least 1 kg", () => {
    expect(planTranches({ ...chandraAsri, totalKg: 3, count: 4 })).toEqual({ ok: false, errors: { count: "too_big" } });
    expect(planTranches({ ...chandraAsri, totalKg: 3, everyDays: 1 })).toEqual({ ok: false, errors: { everyDays: "too_big" } });
  });

  it("returns field-keyed errors", () => {
    expect(planTranches({ ...chandraAsri, endsOn: "2021-07-19", count: 4 })).toEqual({ ok: false, errors: { endsOn: "date_order" } });
    expect(planTranches({ ...chandraAsri, totalKg: 0, count: 0 })).toEqual({ ok: false, errors: { totalKg: "positive", count: "positive" } });
    expect(planTranches({ ...chandraAsri, totalKg: 1.5, everyDays: 2.5 })).toEqual({
      ok: false,
      errors: { totalKg: "invalid_type", everyDays: "invalid_type" },
    });
    expect(planTranches({ ...chandraAsri, startsOn: "2021-02-30", count: 4 })).toEqual({ ok: false, errors: { startsOn: "invalid_format" } });
  });

  it("always sums exactly to the total, one tranche a day at most, the last on the end date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.boolean(),
        fc.constantFrom("last" as const, "spread" as const),
        (totalKg, span, n, byCount, remainder) => {
          const startsOn = "2021-07-20";
          const endsOn = addDays(startsOn, span);
          const plan = planTranches(byCount ? { totalKg, startsOn, endsOn, count: n, remainder } : { totalKg, startsOn, endsOn, everyDays: n, remainder });
          if (!plan.ok) {
            expect(byCount ? n > Math.max(1, span) || n > totalKg : Math.ceil(span / n) > totalKg).toBe(true);
            return;
          }
          const t = plan.tranches;
          expect(t.reduce((s, x) => s + x.kg, 0)).toBe(totalKg);
          expect(t.every((x) => Number.isInteger(x.kg) && x.kg >= 1)).toBe(true);
          expect(t[t.length - 1].dueOn).toBe(endsOn);
          for (let i = 1; i < t.length; i++) expect(t[i].dueOn > t[i - 1].dueOn).toBe(true);
          expect(t[0].dueOn >= startsOn).toBe(true);
          const kgs = t.map((x) => x.kg);
          if (remainder === "spread") expect(Math.max(...kgs) - Math.min(...kgs)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe("pledgeProgress", () => {
  const tranches = tranchesOf(planTranches({ ...chandraAsri, count: 4 }));

  it("nothing is due before the first tranche's date", () => {
    expect(pledgeProgress(120_000, tranches, 0, "2021-08-03")).toEqual({
      totalKg: 120_000,
      dueToDateKg: 0,
      deliveredKg: 0,
      remainingKg: 120_000,
      deliveredPct: 0,
      status: "on_track",
    });
  });

  it("a tranche is due on its date", () => {
    const p = pledgeProgress(120_000, tranches, 0, "2021-08-04");
    expect(p.dueToDateKg).toBe(30_000);
    expect(p.status).toBe("behind");
    expect(pledgeProgress(120_000, tranches, 30_000, "2021-08-04").status).toBe("on_track");
    expect(pledgeProgress(120_000, tranches, 29_999, "2021-08-04").status).toBe("behind");
  });

  it("behind when less arrived than fell due", () => {
    const p = pledgeProgress(120_000, tranches, 45_000, "2021-08-20");
    expect(p).toEqual({
      totalKg: 120_000,
      dueToDateKg: 60_000,
      deliveredKg: 45_000,
      remainingKg: 75_000,
      deliveredPct: 37.5,
      status: "behind",
    });
  });

  it("complete when everything arrived, even early; over-delivery leaves nothing remaining", () => {
    expect(pledgeProgress(120_000, tranches, 120_000, "2021-08-01").status).toBe("complete");
    const over = pledgeProgress(120_000, tranches, 130_000, "2021-09-18");
    expect(over).toMatchObject({ status: "complete", remainingKg: 0, deliveredPct: 100 });
  });

  it("the pledge's total decides completeness, not a short schedule", () => {
    const short = tranches.slice(0, 3); // 90 t scheduled of 120 t pledged
    const p = pledgeProgress(120_000, short, 90_000, "2021-09-30");
    expect(p.status).toBe("on_track");
    expect(p.remainingKg).toBe(30_000);
  });

  it("rejects impossible deliveries", () => {
    expect(() => pledgeProgress(120_000, tranches, -1, "2021-08-01")).toThrow(RangeError);
  });
});

describe("remainingKg", () => {
  it("never negative", () => {
    expect(remainingKg(120_000, 45_000)).toBe(75_000);
    expect(remainingKg(120_000, 120_000)).toBe(0);
    expect(remainingKg(120_000, 125_000)).toBe(0);
  });
});
