import { describe, expect, it } from "vitest";
import { dashboardTables, tableCells, type TableSpec } from "@/components/dashboard/tables";
import type { Locale } from "@/i18n/locales";
import { toCsv } from "@/server/csv/write";
import { messagesFor } from "@/i18n/messages";
import type { DashboardData } from "@/server/queries/dashboard";
import { asOfInstant } from "@/server/queries/dashboard-hospitals";
import { compliance, pledgeStatus, shortfallKg } from "@/domain/dashboard-rules";

describe("the dashboard's per-row rules (from src/domain)", () => {
  it("shortfall: the published 2021-07-26 figures, and never negative", () => {
    expect(shortfallKg(2_500_000, 1_500_000)).toBe(1_000_000);
    expect(shortfallKg(2_500_000, 2_600_000)).toBe(0);
    expect(shortfallKg(2_500_000, 2_500_000)).toBe(0);
  });

  it("pledge status from the database's sums", () => {
    const day = "2021-08-25";
    expect(pledgeStatus({ totalKg: 120_000, dueToDateKg: 75_000, deliveredKg: 64_870 }, day)).toBe("behind");
    expect(pledgeStatus({ totalKg: 309_000, dueToDateKg: 273_000, deliveredKg: 273_000 }, day)).toBe("on_track");
    expect(pledgeStatus({ totalKg: 309_000, dueToDateKg: 273_000, deliveredKg: 300_000 }, day)).toBe("on_track");
    expect(pledgeStatus({ totalKg: 100, dueToDateKg: 100, deliveredKg: 100 }, day)).toBe("complete");
    expect(pledgeStatus({ totalKg: 100, dueToDateKg: 0, deliveredKg: 0 }, day)).toBe("on_track");
  });

  it("policy compliance with the minimum share in force; exactly the minimum meets it", () => {
    const day = "2021-07-26";
    expect(compliance({ producedKg: 1000, medicalKg: 500, minMedicalSharePct: 50 }, day)).toBe("met");
    expect(compliance({ producedKg: 1000, medicalKg: 499, minMedicalSharePct: 50 }, day)).toBe("not_met");
    expect(compliance({ producedKg: 1000, medicalKg: 0, minMedicalSharePct: null }, day)).toBe("no_policy");
  });

  it("judges a past day at its end, today at the present moment", () => {
    const endOf26 = new Date("2021-07-26T17:00:00Z"); // 2021-07-27 00:00 WIB
    expect(asOfInstant("2021-07-26", new Date("2030-01-01T00:00:00Z"))).toEqual(endOf26);
    const noon = new Date("2021-07-26T05:00:00Z"); // 12:00 WIB
    expect(asOfInstant("2021-07-26", noon)).toEqual(noon);
  });
});

/** A table as the export route writes it. */
function tableCsv<R>(spec: TableSpec<R>, locale: Locale): string {
  const { header, rows } = tableCells(spec);
  return toCsv(header, rows, locale);
}

describe("CSV", () => {
  const spec: TableSpec<{ name: string; kg: number | null }> = {
    key: "hospitals",
    title: "x",
    rows: [
      { name: 'RS "Harapan", Serang', kg: 1500 },
      { name: "line\nbreak", kg: null },
    ],
    columns: [
      { header: "Nama", value: (r) => r.name },
      { header: "Massa (t)", value: (r) => (r.kg === null ? null : r.kg / 1000), numeric: true },
    ],
  };

  it("quotes what needs quoting, leaves empty cells empty, and starts with a BOM", () => {
    expect(tableCsv(spec, "en")).toBe('\uFEFFNama,Massa (t)\r\n"RS ""Harapan"", Serang",1.5\r\n"line\nbreak",\r\n');
    expect(tableCsv(spec, "id")).toBe('\uFEFFNama;Massa (t)\r\n"RS ""Harapan"", Serang";1,5\r\n"line\nbreak";\r\n');
  });

  it("writes the same headers as the page, in the reader's language, with exact tonnes", () => {
    const data = {
      day: "2021-07-26",
      from: "2021-06-27",
      supplyAsOf: new Date("2021-07-26T17:00:00Z"),
      rangeDays: 30,
      province: null,
      summary: {
        date: "2021-07-26",
        province: null,
        targetKg: 2_500_000,
        capacityKg: 1_500_000,
        shortfallKg: 1_000_000,
        medicalKg: 856_332,
        industrialKg: 643_668,
        medicalDemandKg: 19_648,
        hospitals: { red: 0, amber: 1, green: 13, stale: 0 },
        asOf: "2021-07-26T17:00:00.000Z",
        production: {
          comparedTargetKg: 2_500_000,
          comparedCapacityKg: 1_500_000,
          shortfallShare: 0.4,
          provincesShort: ["36"],
          withoutTarget: [],
          withoutData: [],
        },
        demand: { reportingHospitals: 14, activeHospitals: 14, requests: 0, requestedKg: 0 },
        provinces: [],
      },
      series: [],
      periods: [],
      producers: [],
      pledges: [],
      hospitals: [],
      regions: [],
      funnel: { requests: 0, requestedKg: 0, approvedRequests: 0, approvedKg: 0, fulfilledRequests: 0, deliveredKg: 0, medianHoursToReceipt: null },
    } as DashboardData;
    const en = tableCsv(dashboardTables(data, messagesFor("en").dashboard, "en").summary, "en")
      .slice(1)
      .split("\r\n");
    expect(en[0]).toBe(
      "Date,Daily target (t),Production capacity (t),Shortfall (t),Shortfall (%),Medical (t),Industrial (t),Medical demand (hospitals' use) (t),Red,Amber,Green,Not reporting",
    );
    expect(en[1]).toBe("2021-07-26,2500,1500,1000,40,856.332,643.668,19.648,0,1,13,0");
    const id = tableCsv(dashboardTables(data, messagesFor("id").dashboard, "id").summary, "id")
      .slice(1)
      .split("\r\n");
    expect(id[0]).toMatch(/^Tanggal;Target harian \(t\);Kapasitas produksi \(t\);Kekurangan \(t\)/);
    expect(id[1]).toBe("2021-07-26;2500;1500;1000;40;856,332;643,668;19,648;0;1;13;0");

    // a day without data: empty cells, never 0 t produced, a 2,500 t shortfall or 100 %
    const none = {
      ...data,
      summary: {
        ...data.summary,
        capacityKg: null,
        shortfallKg: null,
        medicalKg: null,
        industrialKg: null,
        medicalDemandKg: null,
        production: {
          ...data.summary.production,
          comparedTargetKg: null,
          comparedCapacityKg: null,
          shortfallShare: null,
          provincesShort: [],
          withoutData: ["36"],
        },
      },
    } as DashboardData;
    expect(
      tableCsv(dashboardTables(none, messagesFor("en").dashboard, "en").summary, "en")
        .slice(1)
        .split("\r\n")[1],
    ).toBe("2021-07-26,2500,,,,,,,0,1,13,0");
  });
});
