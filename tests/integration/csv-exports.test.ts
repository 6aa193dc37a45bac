import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as capacityExportGET } from "@/app/(app)/capacity/export/route";
import { GET as dashboardExportGET } from "@/app/(app)/dashboard/export/[table]/route";
import { TABLE_KEYS } from "@/components/dashboard/tables";
import { dayToDate } from "@/domain/day";
import { invalidateReads } from "@/server/cache";
import { readCsv } from "@/server/csv/read";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";
import { importCapacityCsv } from "@/server/use-cases/capacity";
import { actors } from "./supply-helpers";

// Issue #13 item 6: a supplier or hospital named like a spreadsheet formula comes out of every
// export as text (a leading apostrophe), never as a live formula; and the capacity import still
// reads what the capacity export writes, in either language's layout.
let sessionActor: Actor | null = null;
let readerLocale: "id" | "en" = "en";
vi.mock("@/server/session", () => ({ currentActor: async () => sessionActor }));
vi.mock("next-intl/server", async () => {
  const { translatorFor } = await import("../translator");
  return { getTranslations: async () => translatorFor(readerLocale), getLocale: async () => readerLocale };
});

const EVIL = '=HYPERLINK("http://evil","x")';
const DAY = "2021-07-26";
let a: Awaited<ReturnType<typeof actors>>;
let producerId: string;

beforeAll(async () => {
  a = await actors();
  sessionActor = a.staff;
  const producer = await prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER", active: true, capacities: { some: {} } }, orderBy: { name: "asc" } });
  producerId = producer.id;
  await prisma.supplier.update({ where: { id: producerId }, data: { name: EVIL } });
  const hospitals = await prisma.hospital.findMany({ select: { id: true } });
  for (const [i, h] of hospitals.entries())
    await prisma.hospital.update({ where: { id: h.id }, data: { name: `${["=", "+", "-", "@"][i % 4]}cmd|' /C calc'!A0 ${i}` } });
  invalidateReads();
});

/** Every cell of a CSV answer, read back the way a spreadsheet would see it (quotes taken off, nothing else). */
function rawCells(csv: string): string[] {
  return (parse(csv, { bom: true, delimiter: readerLocale === "id" ? ";" : "," }) as string[][]).flat();
}

/** A cell a spreadsheet would run: text starting with a formula character (numbers like -3.5 are not text). */
const live = (cell: string) => /^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-\d+([.,]\d+)?$/.test(cell));

describe("CSV exports neutralise formula-leading cells", () => {
  it("the capacity export writes the producer's name as text", async () => {
    const res = await capacityExportGET(new Request(`http://localhost/capacity/export?from=${DAY}&to=${DAY}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const csv = await res.text();
    const cells = rawCells(csv);
    expect(cells).toContain(`'${EVIL}`);
    expect(cells.filter(live)).toEqual([]);
  });

  it("every dashboard table export writes names as text", async () => {
    let seen = 0;
    for (const table of TABLE_KEYS) {
      const res = await dashboardExportGET(new Request(`http://localhost/dashboard/export/${table}?date=${DAY}`), { params: Promise.resolve({ table }) });
      expect([table, res.status]).toEqual([table, 200]);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const cells = rawCells(await res.text());
      expect([table, cells.filter(live)]).toEqual([table, []]);
      seen += cells.filter((c) => c === `'${EVIL}` || /^'[=+\-@]cmd/.test(c)).length;
    }
    expect(seen).toBeGreaterThan(1); // the producer and at least one hospital came out, neutralised
  });

  it("the capacity import reads back what the capacity export wrote, in both layouts", async () => {
    for (const locale of ["en", "id"] as const) {
      readerLocale = locale;
      const before = await prisma.dailyCapacity.findMany({ where: { supplierId: producerId }, orderBy: { day: "asc" } });
      const csv = await (await capacityExportGET(new Request(`http://localhost/capacity/export?from=${DAY}&to=${DAY}`))).text();
      const read = readCsv(csv);
      expect(read.ok && read.locale).toBe(locale);
      const rows = read.ok ? read.lines.slice(1).map((l) => l.cells) : [];
      expect(rows.some((r) => r[1] === EVIL)).toBe(true);
      const r = await importCapacityCsv(a.staff, { csv });
      expect(r).toEqual({ ok: true, value: { imported: rows.length, changed: 0 } });
      // A changed figure for the formula-named producer lands on that producer.
      const sep = locale === "id" ? ";" : ",";
      const edited = csv.replace(
        new RegExp(`("'=HYPERLINK[^\\r\\n]*?"${sep})[\\d.,]+${sep}[\\d.,]+${sep}[\\d.,]+`),
        `$1${locale === "id" ? "1,5;1,5;0" : "1.5,1.5,0"}`,
      );
      expect(edited).not.toBe(csv);
      expect(await importCapacityCsv(a.staff, { csv: edited })).toEqual({ ok: true, value: { imported: rows.length, changed: 1 } });
      const after = await prisma.dailyCapacity.findMany({ where: { supplierId: producerId }, orderBy: { day: "asc" } });
      expect(after.length).toBe(before.length);
      expect(after.find((c) => c.day.toISOString().startsWith(DAY))).toMatchObject({ producedKg: 1500, medicalKg: 1500, industrialKg: 0 });
      // and back to what it was, for the next layout
      await importCapacityCsv(a.staff, { csv });
    }
  });

  it("the capacity import reads an Indonesian spreadsheet's grouped thousands, and refuses an English decimal there", async () => {
    const name = (await prisma.supplier.findUniqueOrThrow({ where: { id: producerId } })).name;
    const cell = `"'${name.replace(/"/g, '""')}"`;
    const ok = await importCapacityCsv(a.staff, { csv: `day;supplier;produced_t;medical_t;industrial_t\r\n${DAY};${cell};1.500;1.000;500\r\n` });
    expect(ok).toEqual({ ok: true, value: { imported: 1, changed: 1 } });
    expect(await prisma.dailyCapacity.findFirst({ where: { supplierId: producerId, day: dayToDate(DAY) } })).toMatchObject({
      producedKg: 1_500_000,
      medicalKg: 1_000_000,
      industrialKg: 500_000,
    });
    const ambiguous = await importCapacityCsv(a.staff, { csv: `day;supplier;produced_t;medical_t;industrial_t\r\n${DAY};${cell};1.5;1.5;0\r\n` });
    expect(ambiguous).toMatchObject({ ok: false, error: "csv_invalid", fieldErrors: { "line.2": "number" } });
  });

  it("an export in the Indonesian layout writes names as text too", async () => {
    readerLocale = "id";
    const res = await capacityExportGET(new Request(`http://localhost/capacity/export?from=${DAY}&to=${DAY}`));
    const cells = rawCells(await res.text());
    expect(cells).toContain(`'${EVIL}`);
    expect(cells.filter(live)).toEqual([]);
  });
});

// Issue #16 item 6: a mass says its unit in the header, in both languages. Which columns are
// masses is written out here (0-based), not derived from the code that writes them.
const MASS_COLUMNS: Record<(typeof TABLE_KEYS)[number], number[]> = {
  summary: [1, 2, 3, 5, 6, 7],
  producers: [1, 2, 3],
  pledges: [2, 3, 4],
  hospitals: [4, 5],
  regions: [2, 3, 4],
  series: [1, 2, 3, 4, 5, 6, 7],
  funnel: [2, 4, 5],
};

describe("CSV exports name the unit of every mass", () => {
  it("every dashboard table: each mass column's header ends in (t), no other column's does, in Indonesian and English", async () => {
    const headers: Record<string, string[][]> = {};
    for (const locale of ["id", "en"] as const) {
      readerLocale = locale;
      for (const table of TABLE_KEYS) {
        const res = await dashboardExportGET(new Request(`http://localhost/dashboard/export/${table}?date=${DAY}`), { params: Promise.resolve({ table }) });
        const rows = parse(await res.text(), { bom: true, delimiter: locale === "id" ? ";" : "," }) as string[][];
        const [header, ...body] = rows;
        const mass = header.flatMap((h, i) => (/\(t\)$/.test(h) ? [i] : []));
        expect([locale, table, mass]).toEqual([locale, table, MASS_COLUMNS[table]]);
        // The figures under a tonnes header are tonnes written the reader's way: 1.500,5 is not a number in either.
        const figure = locale === "id" ? /^-?\d+(,\d{1,3})?$/ : /^-?\d+(\.\d{1,3})?$/;
        for (const row of body)
          for (const i of mass)
            if (row[i] !== "") expect([locale, table, header[i], row[i]]).toEqual([locale, table, header[i], expect.stringMatching(figure)]);
        (headers[table] ??= []).push(header);
      }
    }
    // Translated, not the same English header twice.
    for (const table of TABLE_KEYS) expect(headers[table][0]).not.toEqual(headers[table][1]);
  });

  it("the capacity export (the import's own format, the same in both languages) has its masses in tonnes: *_t", async () => {
    for (const locale of ["id", "en"] as const) {
      readerLocale = locale;
      const res = await capacityExportGET(new Request(`http://localhost/capacity/export?from=${DAY}&to=${DAY}`));
      const [header] = parse(await res.text(), { bom: true, delimiter: locale === "id" ? ";" : "," }) as string[][];
      expect(header).toEqual(["day", "supplier", "produced_t", "medical_t", "industrial_t"]);
    }
  });
});
