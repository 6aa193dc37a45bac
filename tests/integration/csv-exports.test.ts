import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as capacityExportGET } from "@/app/(app)/capacity/export/route";
import { GET as dashboardExportGET } from "@/app/(app)/dashboard/export/[table]/route";
import { TABLE_KEYS } from "@/components/dashboard/tables";
import { invalidateReads } from "@/server/cache";
import { splitCsvLine } from "@/domain/csv";
import { prisma } from "@/server/db";
import type { Actor } from "@/server/permissions";
import { importCapacityCsv } from "@/server/use-cases/capacity";
import { actors } from "./supply-helpers";

// Issue #13 item 6: a supplier or hospital named like a spreadsheet formula comes out of every
// export as text (a leading apostrophe), never as a live formula; and the capacity import still
// reads what the capacity export writes.
let sessionActor: Actor | null = null;
vi.mock("@/server/session", () => ({ currentActor: async () => sessionActor }));
vi.mock("next-intl/server", async () => {
  const { translatorFor } = await import("../translator");
  return { getTranslations: async () => translatorFor("en"), getLocale: async () => "en" };
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
  return csv
    .replace(/^\uFEFF/, "")
    .split(/\r\n/)
    .filter(Boolean)
    .flatMap((line) => {
      const cells: string[] = [];
      let cur = "";
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted) {
          if (c === '"' && line[i + 1] === '"') {
            cur += '"';
            i++;
          } else if (c === '"') quoted = false;
          else cur += c;
        } else if (c === '"') quoted = true;
        else if (c === ",") {
          cells.push(cur);
          cur = "";
        } else cur += c;
      }
      cells.push(cur);
      return cells;
    });
}

/** A cell a spreadsheet would run: text starting with a formula character (numbers like -3.5 are not text). */
const live = (cell: string) => /^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell));

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

  it("the capacity import reads back what the capacity export wrote", async () => {
    const before = await prisma.dailyCapacity.findMany({ where: { supplierId: producerId }, orderBy: { day: "asc" } });
    const csv = await (await capacityExportGET(new Request(`http://localhost/capacity/export?from=${DAY}&to=${DAY}`))).text();
    const rows = csv
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean)
      .slice(1)
      .map(splitCsvLine);
    expect(rows.some((r) => r[1] === EVIL)).toBe(true);
    const r = await importCapacityCsv(a.staff, { csv });
    expect(r).toEqual({ ok: true, value: { imported: rows.length, changed: 0 } });
    // A changed figure for the formula-named producer lands on that producer.
    const edited = csv.replace(/("'=HYPERLINK[^\r\n]*?",)[\d.]+,[\d.]+,[\d.]+/, "$11,1,0");
    expect(edited).not.toBe(csv);
    expect(await importCapacityCsv(a.staff, { csv: edited })).toEqual({ ok: true, value: { imported: rows.length, changed: 1 } });
    const after = await prisma.dailyCapacity.findMany({ where: { supplierId: producerId }, orderBy: { day: "asc" } });
    expect(after.length).toBe(before.length);
    expect(after.find((c) => c.day.toISOString().startsWith(DAY))).toMatchObject({ producedKg: 1000, medicalKg: 1000, industrialKg: 0 });
  });
});
