import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditLine, hasSentence, readableChanges } from "@/components/audit/audit-sentence";
import { AUDIT_ACTIONS, referencesOf, type AuditNames } from "@/domain/audit-events";
import { LOCALES } from "@/i18n/locales";
import { translatorFor } from "../translator";

// Every audited action reads as a sentence in both languages. The actions are read from the
// server's source (every string like "dispatch.create" in a file that records audit events), so
// an action added to a use case without a sentence fails here.

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function recordedActions(): Set<string> {
  const found = new Set<string>();
  for (const file of filesUnder(join(process.cwd(), "src/server"))) {
    const text = readFileSync(file, "utf8");
    if (!/recordAudit\(|settleAllocation\(/.test(text)) continue;
    for (const m of text.matchAll(/"([a-z]+\.[a-z_]+)"/g)) found.add(m[1]);
  }
  return found;
}

const names: AuditNames = {
  hospitals: new Map([["h1", "RSUD Banten"]]),
  suppliers: new Map([["s1", "PT Samator Gas"]]),
  regions: new Map([["r1", "Banten"]]),
  users: new Map([["u1", { name: "Dewi", role: "HOSPITAL" }]]),
  tokens: new Map([["k1", "Dasbor provinsi"]]),
  rateSets: new Map([["f1", "WHO"]]),
  requests: new Map([["q1", { hospitalId: "h1" }]]),
  allocations: new Map([["a1", { requestId: "q1", supplierId: "s1" }]]),
  alerts: new Map([["al1", { hospitalId: "h1" }]]),
};

const ENTITY: Record<string, string> = {
  alert: "Alert",
  allocation: "Allocation",
  capacity: "DailyCapacity",
  dispatch: "Delivery",
  driver: "Driver",
  trip: "Trip",
  vehicle: "Vehicle",
  receipt: "Delivery",
  hospital: "Hospital",
  pledge: "Pledge",
  policy: "Policy",
  priority: "MedicalPriorityPeriod",
  rateset: "FlowRateSet",
  request: "SupplyRequest",
  scenario: "Scenario",
  stock: "StockReport",
  supplier: "Supplier",
  token: "ApiToken",
  user: "User",
};
const ENTITY_ID: Record<string, string> = {
  Alert: "al1",
  Allocation: "a1",
  SupplyRequest: "q1",
  User: "u1",
  ApiToken: "k1",
  FlowRateSet: "f1",
  Hospital: "h1",
  Supplier: "s1",
};

/** A snapshot with every field an entity's sentence may use. */
const snapshot = {
  hospitalId: "h1",
  supplierId: "s1",
  regionId: "r1",
  requestId: "q1",
  allocationId: "a1",
  name: "Sesuatu",
  kg: 2500,
  requestedKg: 2500,
  approvedKg: 2000,
  dispatchedKg: 2500,
  receivedKg: 2400,
  producedKg: 30000,
  totalKg: 50000,
  stockKg: 1200,
  dailyTargetKg: 40000,
  cancelledNowKg: 500,
  releasedKg: 500,
  minMedicalSharePct: 60,
  day: "2021-08-25T00:00:00.000Z",
  neededBy: "2021-08-26T00:00:00.000Z",
  startsOn: "2021-08-20T00:00:00.000Z",
  endsOn: "2021-08-31T00:00:00.000Z",
  validFrom: "2021-08-01T00:00:00.000Z",
  status: "IN_TRANSIT",
  role: "STAFF",
  kind: "red",
  level: 1,
  vehiclePlate: "A 1234 BC",
  plate: "A 1234 BC",
};

const at = new Date("2026-11-27T08:30:00Z"); // 15.30 WIB

describe("audit sentences", () => {
  it("lists exactly the actions the server records", () => {
    expect([...recordedActions()].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  for (const locale of LOCALES) {
    const t = translatorFor(locale);
    it(`every recorded action has a sentence in ${locale}, with names, no ids, no ISO dates`, () => {
      for (const action of recordedActions()) {
        expect(hasSentence(action, t), action).toBe(true);
        const entity = ENTITY[action.split(".")[0]];
        const line = auditLine(
          { action, entity, entityId: ENTITY_ID[entity] ?? "x1", before: null, after: snapshot, at, actor: { name: "Sari", role: "STAFF" } },
          names,
          t,
          locale,
        );
        expect(line.sentence, action).not.toMatch(/\{|\}|undefined|NaN|\d{4}-\d{2}-\d{2}|\b(h1|s1|q1|a1|al1|u1)\b/);
        expect(line.sentence, action).toContain("WIB");
        expect(line.sentence, action).not.toContain(t("audit.unknown"));
      }
    });
  }

  it("reads a dispatch as the task force would say it", () => {
    const line = auditLine(
      { action: "dispatch.create", entity: "Delivery", entityId: "d1", before: null, after: snapshot, at, actor: { name: "Sari", role: "STAFF" } },
      names,
      translatorFor("id"),
      "id",
    );
    expect(line.sentence).toMatch(
      /^Sari \(Staf Satgas\) mencatat pengiriman 2,5 t dari PT Samator Gas ke RSUD Banten \(A 1234 BC\), 27 Nov 2026,? 15\.30 WIB\.$/,
    );
    expect(line.links.map((l) => [l.kind, l.href])).toEqual([
      ["request", "/requests/q1"],
      ["hospital", "/hospitals/h1"],
      ["supplier", "/suppliers/s1"],
    ]);
    const en = auditLine(
      { action: "dispatch.create", entity: "Delivery", entityId: "d1", before: null, after: snapshot, at, actor: null },
      names,
      translatorFor("en"),
      "en",
    );
    expect(en.sentence).toMatch(/^The system logged a dispatch of 2\.5 t from PT Samator Gas to RSUD Banten \(A 1234 BC\), 27 Nov 2026,? 15:30 WIB\.$/);
  });

  it("shows changed fields as labelled, formatted before → after, never ids or raw values", () => {
    const before = {
      id: "q1",
      hospitalId: "h1",
      status: "SUBMITTED",
      approvedKg: null,
      decidedAt: null,
      updatedAt: "2021-08-25T01:00:00.000Z",
      idempotencyKey: "k",
    };
    const after = {
      id: "q1",
      hospitalId: "h1",
      status: "APPROVED",
      approvedKg: 2500,
      decidedAt: "2021-08-25T02:30:00.000Z",
      updatedAt: "2021-08-25T02:30:00.000Z",
      idempotencyKey: "k",
    };
    const id = readableChanges({ entity: "SupplyRequest", before, after }, names, translatorFor("id"), "id");
    expect(id.map((c) => [c.label, c.before, c.after])).toEqual([
      ["Disetujui", "—", "2,5 t"],
      ["Waktu diputuskan", "—", expect.stringMatching(/^25 Agu 2021,? 09\.30 WIB$/)],
      ["Status", "Diajukan", "Disetujui"],
    ]);
    const en = readableChanges(
      { entity: "Hospital", before: { hospitalId: "h1", isReferral: false }, after: { hospitalId: "h1", isReferral: true } },
      names,
      translatorFor("en"),
      "en",
    );
    expect(en).toEqual([{ field: "isReferral", label: "Referral hospital", before: "no", after: "yes" }]);
    expect(readableChanges({ entity: "Supplier", before: null, after: { name: "x" } }, names, translatorFor("en"), "en")).toEqual([]);
  });

  it("collects every id an event names, for one batch lookup per kind", () => {
    const refs = referencesOf([
      { entity: "Delivery", entityId: "d1", before: null, after: { hospitalId: "h1", supplierId: "s1", allocationId: "a1", depotId: "s2" } },
      { entity: "Alert", entityId: "al1", before: { level: 0 }, after: { level: 1 } },
      { entity: "User", entityId: "u1", before: null, after: null },
    ]);
    expect([...refs.hospitals]).toEqual(["h1"]);
    expect([...refs.suppliers].sort()).toEqual(["s1", "s2"]);
    expect([...refs.allocations]).toEqual(["a1"]);
    expect([...refs.alerts]).toEqual(["al1"]);
    expect([...refs.users]).toEqual(["u1"]);
  });
});
