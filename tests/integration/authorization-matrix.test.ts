import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/server/db";
import { can, type Action, type Actor, type Resource } from "@/server/permissions";
import { actor as actorOf } from "./supply-helpers";

// The authorization matrix, run for real: every use case (src/server/use-cases/*.ts) and every
// server action ("use server" files under src/app and src/components) is called as anonymous,
// ADMIN, STAFF, OFFICIAL, the hospital admin of the record's hospital and the hospital admin of
// another hospital, and must be refused exactly when src/server/permissions.ts says so.
// Object-level attacks (another hospital's ids in the input) are part of the table.
// Pages and API routes are checked over HTTP in tests/e2e/authorization.spec.ts.
//
// A discovery step lists the files and their exports: a new use case or action that this table
// does not cover FAILS the test — add it below with its permission.

// ---- session and Next runtime, for calling server actions outside a request ------------------
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/session", () => ({
  currentActor: async () => session.actor,
  requireActor: async () => {
    if (!session.actor) throw new Error("REDIRECT:/login");
    return session.actor;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT:${url}`);
  },
  notFound: () => {
    throw new Error("NOT_FOUND");
  },
}));

// ---- the actors -------------------------------------------------------------------------------
type Who = "anonymous" | "ADMIN" | "STAFF" | "OFFICIAL" | "HOSPITAL-other" | "HOSPITAL-own";
// The owning hospital's admin goes last: an allowed write may move the record on.
const WHO: Who[] = ["anonymous", "ADMIN", "STAFF", "OFFICIAL", "HOSPITAL-other", "HOSPITAL-own"];
let actors: Record<Who, Actor | null>;

/** Ids from the seeded database; "own" records belong to rs1's hospital. */
type Fx = {
  ownHospital: string;
  otherHospital: string;
  province: string;
  supplierId: string;
  producerId: string;
  pledgeId: string;
  trancheId: string;
  requestId: () => Promise<string>;
  deliveryId: string;
  allocationId: string;
  userId: string;
  tokenId: string;
  rateSet: string;
  /** a stock report held for review (confirming it is allowed again: "not_flagged" is a rule error) */
  flaggedReport: string;
  /** a fresh alert of rs1's hospital for each call (acknowledging twice is a rule error) */
  alertId: () => Promise<string>;
};
let fx: Fx;
let seq = 0;
const key = () => `authz-${Date.now().toString(36)}-${seq++}-key`;

// ---- the expectation table: use cases ---------------------------------------------------------
type Case = { action: Action; own?: true; input: (fx: Fx) => Promise<Record<string, unknown>> | Record<string, unknown> };
type Helper = { helper: string };
const useCases: Record<string, Record<string, Case | Helper>> = {
  alerts: {
    acknowledgeAlert: { action: "alert:acknowledge", own: true, input: async (f) => ({ id: await f.alertId() }) },
  },
  allocations: {
    allocate: {
      action: "allocation:write",
      input: async (f) => ({ day: "2021-07-26", lines: [{ requestId: await f.requestId(), sourceId: `supply:${f.producerId}`, kg: "1" }] }),
    },
    cancelAllocation: { action: "allocation:cancel", input: (f) => ({ id: f.allocationId, reason: "authz test" }) },
  },
  capacity: {
    saveCapacityDay: {
      action: "capacity:write",
      input: (f) => ({ day: "2021-07-26", rows: [{ supplierId: f.producerId, produced: "10", medical: "6", industrial: "4" }] }),
    },
    importCapacityCsv: { action: "capacity:write", input: () => ({ csv: "day,supplier,produced_t,medical_t,industrial_t\n" }) },
    isBlankRow: { helper: "pure form parsing" },
    parseCapacityRow: { helper: "pure form parsing" },
    CSV_HEADER: { helper: "constant" },
    MAX_CSV_ROWS: { helper: "constant" },
  },
  dispatches: {
    createDispatch: {
      action: "dispatch:write",
      input: (f) => ({ idempotencyKey: key(), allocationId: f.allocationId, vehiclePlate: "A 1234 BC", amount: "1", unit: "TONNE_LIQUID" }),
    },
  },
  forecast: {
    saveScenario: {
      action: "scenario:save",
      input: (f) => ({ name: "authz", rateSet: f.rateSet, basis: "REPORTED", waveMultiplier: "1", shiftPercentagePoints: "0", extraPledgedTonnes: "0" }),
    },
    setDefaultRateSet: { action: "forecast:configure", input: (f) => ({ key: f.rateSet }) },
    updateRateSet: { action: "forecast:configure", input: (f) => ({ key: f.rateSet, severeLpm: "15", criticalLpm: "40" }) },
  },
  inputs: Object.fromEntries(
    [
      "typed",
      "tonnes",
      "tonnesKg",
      "positiveTonnesKg",
      "optionalTonnesKg",
      "amount",
      "positiveAmount",
      "count",
      "integer",
      "cylinderSizeM3",
      "dayWithin",
      "calendarDay",
      "planDay",
      "reportDay",
      "wibInstant",
      "wibDateTime",
      "id",
      "text",
      "checkbox",
      "confirmUnusual",
    ].map((n) => [n, { helper: "zod input piece" }]),
  ),
  hospitals: {
    createHospital: {
      action: "hospital:write",
      input: (f) => ({ name: "RS Authz", regionId: f.province, beds: "10", covidBeds: "1", icuBeds: "1", tankCapacityKg: "1", tankResidualKg: "0" }),
    },
    updateHospital: {
      action: "hospital:write",
      input: (f) => ({
        id: f.ownHospital,
        name: "RSUD Banten",
        regionId: f.province,
        beds: "10",
        covidBeds: "1",
        icuBeds: "1",
        tankCapacityKg: "1",
        tankResidualKg: "0",
        active: true,
      }),
    },
  },
  notifications: {
    markNotificationsRead: { action: "notification:read", input: () => ({}) },
    NOTICE_KINDS: { helper: "constant" },
    notify: { helper: "inside a use case's transaction (takes tx)" },
    visibleTo: { helper: "query filter for the actor given" },
    notifyStaleHospitals: { helper: "system job: idempotent inserts, no user input" },
    notifyDispatches: { helper: "system job: called with the page actor's own hospitalId" },
    refreshNoticesFor: { helper: "system job for the signed-in actor" },
    refreshNoticesSoon: { helper: "refreshNoticesFor, at most once per cache period per audience" },
  },
  pledges: {
    createPledge: {
      action: "pledge:write",
      input: (f) => ({
        supplierId: f.supplierId,
        total: "1",
        startsOn: "2021-08-01",
        endsOn: "2021-08-02",
        earmark: "NONE",
        tranches: [{ dueOn: "2021-08-01", tonnes: "1" }],
      }),
    },
    updatePledge: {
      action: "pledge:write",
      input: (f) => ({
        id: f.pledgeId,
        supplierId: f.supplierId,
        total: "1",
        startsOn: "2021-08-01",
        endsOn: "2021-08-02",
        earmark: "NONE",
        tranches: [{ dueOn: "2021-08-01", tonnes: "1" }],
      }),
    },
  },
  policy: {
    setDailyTarget: { action: "policy:write", input: (f) => ({ regionId: f.province, validFrom: "2020-01-01", dailyTarget: "2500" }) },
    savePriorityPeriod: {
      action: "policy:write",
      input: (f) => ({ regionId: f.province, startsOn: "2020-01-01", endsOn: "2020-01-02", minMedicalSharePct: "80", note: "" }),
    },
  },
  receipts: {
    confirmReceipt: { action: "receipt:confirm", own: true, input: (f) => ({ id: f.deliveryId, receivedKg: "1", receivedAt: new Date().toISOString() }) },
    recordTrancheReceipt: { action: "receipt:record", input: (f) => ({ id: f.deliveryId, receivedKg: "1", receivedAt: new Date().toISOString() }) },
  },
  "request-loop": {
    requestFigures: { helper: "inside a use case's transaction (takes tx)" },
    settleAllocation: { helper: "inside a use case's transaction (takes tx)" },
    settleRequest: { helper: "inside a use case's transaction (takes tx)" },
    cancelAllocationRemainder: { helper: "inside a use case's transaction (takes tx)" },
  },
  requests: {
    // createRequest ignores any hospitalId in the input: the object-level test below checks it.
    createRequest: {
      action: "request:create",
      input: (f) => ({ requestedKg: "1", neededBy: "2099-01-01", urgency: "ROUTINE", reason: "authz test", idempotencyKey: key(), hospitalId: f.ownHospital }),
    },
    cancelRequest: { action: "request:cancel", own: true, input: async (f) => ({ id: await f.requestId() }) },
    approveRequest: { action: "request:decide", input: async (f) => ({ id: await f.requestId(), approvedKg: "1" }) },
    rejectRequest: { action: "request:decide", input: async (f) => ({ id: await f.requestId(), reason: "authz test" }) },
    lockRequest: { helper: "inside a use case's transaction (takes tx)" },
    nextStatus: { helper: "pure state machine" },
    closeRequestShort: { action: "request:close", input: async (f) => ({ id: await f.requestId(), reason: "authz test" }) },
  },
  stock: {
    confirmStockReview: { action: "stock:review", input: (f) => ({ id: f.flaggedReport }) },
    submitStockReport: {
      action: "stock:report",
      input: (f) => ({
        day: "2021-07-20",
        stockKg: "1",
        usedKg: "1",
        severePatients: "1",
        criticalPatients: "1",
        bedsOccupied: "1",
        hospitalId: f.ownHospital,
      }),
    },
  },
  suppliers: {
    createSupplier: { action: "supplier:write", input: (f) => ({ name: "PT Authz", kind: "VENDOR", regionId: f.province }) },
    updateSupplier: { action: "supplier:write", input: (f) => ({ id: f.supplierId, name: "PT Authz", kind: "VENDOR", regionId: f.province }) },
    setSupplierActive: { action: "supplier:write", input: (f) => ({ id: f.supplierId, active: true }) },
  },
  tokens: {
    issueToken: { action: "token:manage", input: (f) => ({ name: "authz", userId: f.userId }) },
    revokeToken: { action: "token:manage", input: (f) => ({ id: f.tokenId }) },
    // Not a useCase, but authorizes itself: checked below like one.
    listTokens: { action: "token:manage", input: () => ({}) },
  },
  users: {
    createUser: {
      action: "user:manage",
      input: () => ({ email: `authz-${seq++}@satgas.test`, name: "Authz", role: "OFFICIAL", password: "long-enough-password" }),
    },
    setUserActive: { action: "user:manage", input: (f) => ({ id: f.userId, active: true }) },
    updateUser: { action: "user:manage", input: (f) => ({ id: f.userId, name: "Target", role: "OFFICIAL", hospitalId: "" }) },
    resetUserPassword: { action: "user:manage", input: (f) => ({ id: f.userId }) },
  },
  account: {
    signOutEverywhere: { action: "session:end", input: () => ({}) },
    changeOwnPassword: {
      action: "password:change",
      input: () => ({ current: "not-the-password", password: "kerbau nila tumbuh pagi", confirm: "kerbau nila tumbuh pagi" }),
    },
  },
};

// ---- the expectation table: server actions ------------------------------------------------------
type ActionCase = { action: Action; own?: true; form: (fx: Fx) => Promise<Record<string, string>> | Record<string, string> } | { public: string };
const serverActions: Record<string, Record<string, ActionCase>> = {
  "src/app/(app)/admin/tokens/actions.ts": {
    issueTokenAction: { action: "token:manage", form: (f) => ({ name: "authz", userId: f.userId }) },
    revokeTokenAction: { action: "token:manage", form: (f) => ({ id: f.tokenId }) },
  },
  "src/app/(app)/admin/users/actions.ts": {
    createUserAction: {
      action: "user:manage",
      form: () => ({ email: `authz-a${seq++}@satgas.test`, name: "Authz", role: "OFFICIAL", password: "long-enough-password" }),
    },
    setUserActiveAction: { action: "user:manage", form: (f) => ({ id: f.userId, active: "true" }) },
    updateUserAction: { action: "user:manage", form: (f) => ({ id: f.userId, name: "Target", role: "OFFICIAL", hospitalId: "" }) },
    resetPasswordAction: { action: "user:manage", form: (f) => ({ id: f.userId }) },
  },
  "src/app/password/actions.ts": {
    changePasswordAction: {
      action: "password:change",
      form: () => ({ current: "not-the-password", password: "kerbau nila tumbuh pagi", confirm: "kerbau nila tumbuh pagi" }),
    },
  },
  "src/app/(app)/capacity/actions.ts": {
    saveCapacityAction: {
      action: "capacity:write",
      form: (f) => ({ day: "2021-07-26", [`produced.${f.producerId}`]: "10", [`medical.${f.producerId}`]: "6", [`industrial.${f.producerId}`]: "4" }),
    },
    importCapacityAction: { action: "capacity:write", form: () => ({ csv: "day,supplier,produced_t,medical_t,industrial_t\n" }) },
  },
  "src/app/(app)/dispatches/actions.ts": {
    createDispatchAction: {
      action: "dispatch:write",
      form: (f) => ({ idempotencyKey: key(), source: `allocation:${f.allocationId}`, vehiclePlate: "A 1234 BC", amount: "1", unit: "TONNE_LIQUID" }),
    },
  },
  "src/app/(app)/forecast/actions.ts": {
    saveScenarioAction: {
      action: "scenario:save",
      form: (f) => ({ name: "authz", rateSet: f.rateSet, basis: "REPORTED", waveMultiplier: "1", shiftPercentagePoints: "0", extraPledgedTonnes: "0" }),
    },
    setDefaultRateSetAction: { action: "forecast:configure", form: (f) => ({ key: f.rateSet }) },
    updateRateSetAction: { action: "forecast:configure", form: (f) => ({ key: f.rateSet, severeLpm: "15", criticalLpm: "40" }) },
  },
  "src/app/(app)/hospitals/actions.ts": {
    createHospitalAction: {
      action: "hospital:write",
      form: (f) => ({ name: "RS Authz", regionId: f.province, beds: "10", covidBeds: "1", icuBeds: "1", tankCapacityKg: "1", tankResidualKg: "0" }),
    },
    updateHospitalAction: {
      action: "hospital:write",
      form: (f) => ({
        id: f.ownHospital,
        name: "RSUD Banten",
        regionId: f.province,
        beds: "10",
        covidBeds: "1",
        icuBeds: "1",
        tankCapacityKg: "1",
        tankResidualKg: "0",
        active: "on",
      }),
    },
    confirmStockReviewAction: { action: "stock:review", form: (f) => ({ id: f.flaggedReport }) },
  },
  "src/app/(app)/my-hospital/actions.ts": {
    submitStockAction: {
      action: "stock:report",
      form: (f) => ({ day: "2021-07-21", stockKg: "1", usedKg: "1", severePatients: "1", criticalPatients: "1", bedsOccupied: "1", hospitalId: f.ownHospital }),
    },
  },
  "src/app/(app)/notifications/actions.ts": {
    markAllReadAction: { action: "notification:read", form: () => ({}) },
  },
  "src/app/(app)/pledges/actions.ts": {
    createPledgeAction: {
      action: "pledge:write",
      form: (f) => ({
        supplierId: f.supplierId,
        total: "1",
        startsOn: "2021-08-01",
        endsOn: "2021-08-02",
        earmark: "NONE",
        "tranches.0.dueOn": "2021-08-01",
        "tranches.0.tonnes": "1",
      }),
    },
    updatePledgeAction: {
      action: "pledge:write",
      form: (f) => ({
        id: f.pledgeId,
        supplierId: f.supplierId,
        total: "1",
        startsOn: "2021-08-01",
        endsOn: "2021-08-02",
        earmark: "NONE",
        "tranches.0.dueOn": "2021-08-01",
        "tranches.0.tonnes": "1",
      }),
    },
  },
  "src/app/(app)/policy/actions.ts": {
    setTargetAction: { action: "policy:write", form: (f) => ({ regionId: f.province, validFrom: "2020-01-01", dailyTarget: "2500" }) },
    savePeriodAction: {
      action: "policy:write",
      form: (f) => ({ regionId: f.province, startsOn: "2020-01-01", endsOn: "2020-01-02", minMedicalSharePct: "80" }),
    },
  },
  "src/app/(app)/requests/actions.ts": {
    createRequestAction: {
      action: "request:create",
      form: (f) => ({ requestedKg: "1", neededBy: "2099-01-01", urgency: "ROUTINE", reason: "authz test", idempotencyKey: key(), hospitalId: f.ownHospital }),
    },
    cancelRequestAction: { action: "request:cancel", own: true, form: async (f) => ({ id: await f.requestId() }) },
    approveRequestAction: { action: "request:decide", form: async (f) => ({ id: await f.requestId(), approvedKg: "1" }) },
    rejectRequestAction: { action: "request:decide", form: async (f) => ({ id: await f.requestId(), reason: "authz test" }) },
    allocateAction: {
      action: "allocation:write",
      form: async (f) => ({ day: "2021-07-26", "sourceId.0": `supply:${f.producerId}`, "requestId.0": await f.requestId(), "kg.0": "1" }),
    },
    confirmReceiptAction: { action: "receipt:confirm", own: true, form: (f) => ({ id: f.deliveryId, receivedKg: "1", receivedAt: new Date().toISOString() }) },
    recordTrancheReceiptAction: { action: "receipt:record", form: (f) => ({ id: f.deliveryId, receivedKg: "1", receivedAt: new Date().toISOString() }) },
    cancelAllocationAction: { action: "allocation:cancel", form: (f) => ({ id: f.allocationId, reason: "authz test" }) },
    closeRequestShortAction: { action: "request:close", form: async (f) => ({ id: await f.requestId(), reason: "authz test" }) },
  },
  "src/app/(app)/sign-out.ts": { signOutAction: { public: "signs the caller out of their own session" } },
  "src/app/(app)/suppliers/actions.ts": {
    createSupplierAction: { action: "supplier:write", form: (f) => ({ name: "PT Authz", kind: "VENDOR", regionId: f.province }) },
    updateSupplierAction: { action: "supplier:write", form: (f) => ({ id: f.supplierId, name: "PT Authz", kind: "VENDOR", regionId: f.province }) },
    setSupplierActiveAction: { action: "supplier:write", form: (f) => ({ id: f.supplierId, active: "true" }) },
  },
  "src/app/login/actions.ts": { login: { public: "the login form (throttled; tests/e2e/security.spec.ts)" } },
  "src/app/language-actions.ts": { setLanguage: { public: "sets the caller's own language cookie" } },
};

// ---- discovery ----------------------------------------------------------------------------------
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const exportedNames = (text: string) => [...text.matchAll(/^export\s+(?:async\s+)?(?:const|function|let|class)\s+(\w+)/gm)].map((m) => m[1]);

describe("discovery: every use case and server action is in the table", () => {
  it("use cases (src/server/use-cases/*.ts)", () => {
    const found: string[] = [];
    for (const f of readdirSync("src/server/use-cases").filter((n) => n.endsWith(".ts"))) {
      const mod = f.replace(/\.ts$/, "");
      for (const name of exportedNames(readFileSync(join("src/server/use-cases", f), "utf8"))) found.push(`${mod}.${name}`);
    }
    const known = Object.entries(useCases).flatMap(([mod, e]) => Object.keys(e).map((n) => `${mod}.${n}`));
    expect(
      found.filter((x) => !known.includes(x)),
      "exports missing from the table",
    ).toEqual([]);
    expect(
      known.filter((x) => !found.includes(x)),
      "table entries that no longer exist",
    ).toEqual([]);
  });

  it('server actions ("use server" files under src/app and src/components)', () => {
    const found: string[] = [];
    for (const f of [...walk("src/app"), ...walk("src/components")].filter((p) => /\.tsx?$/.test(p))) {
      const text = readFileSync(f, "utf8");
      if (!/^\s*["']use server["']/.test(text)) continue;
      for (const name of exportedNames(text)) found.push(`${relative(".", f)}#${name}`);
    }
    // Inline "use server" functions inside components would escape this listing: forbid them.
    const inline = [...walk("src/app"), ...walk("src/components")].filter((p) => /\.tsx?$/.test(p) && /\n\s+["']use server["']/.test(readFileSync(p, "utf8")));
    expect(inline, "inline server actions (put them in an actions.ts)").toEqual([]);
    const known = Object.entries(serverActions).flatMap(([file, e]) => Object.keys(e).map((n) => `${file}#${n}`));
    expect(
      found.filter((x) => !known.includes(x)),
      "actions missing from the table",
    ).toEqual([]);
    expect(
      known.filter((x) => !found.includes(x)),
      "table entries that no longer exist",
    ).toEqual([]);
  });
});

// ---- fixtures -------------------------------------------------------------------------------------
beforeAll(async () => {
  const [admin, staff, official, rs1, rs2] = await Promise.all(
    ["admin@satgas.test", "staff@satgas.test", "official@satgas.test", "rs1@satgas.test", "rs2@satgas.test"].map(actorOf),
  );
  actors = { anonymous: null, ADMIN: admin, STAFF: staff, OFFICIAL: official, "HOSPITAL-own": rs1, "HOSPITAL-other": rs2 };
  const province = await prisma.region.findFirstOrThrow({ where: { parentId: null } });
  const producer = await prisma.supplier.findFirstOrThrow({ where: { kind: "PRODUCER", active: true } });
  const supplier = await prisma.supplier.create({ data: { name: "PT Authz Matrix", kind: "VENDOR", regionId: province.id } });
  const pledge = await prisma.pledge.findFirstOrThrow({ include: { tranches: true } });
  const delivery = await prisma.delivery.findFirstOrThrow({ where: { hospitalId: rs1.hospitalId!, receivedKg: null } });
  const allocation = await prisma.allocation.findFirstOrThrow({ where: { status: "PLANNED" } }).catch(() => prisma.allocation.findFirstOrThrow());
  const target = await prisma.user.create({ data: { email: "authz-target@satgas.test", name: "Target", role: "OFFICIAL", passwordHash: "x" } });
  const token = await prisma.apiToken.create({ data: { name: "authz", userId: target.id, tokenHash: `authz-${Date.now()}` } });
  const rateSet = await prisma.flowRateSet.findFirstOrThrow();
  const flagged = await prisma.stockReport.findFirstOrThrow({ where: { flaggedForReview: true } });
  fx = {
    ownHospital: rs1.hospitalId!,
    otherHospital: rs2.hospitalId!,
    province: province.id,
    supplierId: supplier.id,
    producerId: producer.id,
    pledgeId: pledge.id,
    trancheId: pledge.tranches[0].id,
    deliveryId: delivery.id,
    allocationId: allocation.id,
    userId: target.id,
    tokenId: token.id,
    rateSet: rateSet.key,
    flaggedReport: flagged.id,
    alertId: async () => (await prisma.alert.create({ data: { hospitalId: rs1.hospitalId!, kind: "amber", raisedAt: new Date(), clearedAt: new Date() } })).id,
    // A fresh SUBMITTED request of rs1's hospital for each call.
    requestId: async () =>
      (
        await prisma.supplyRequest.create({
          data: {
            hospitalId: rs1.hospitalId!,
            requestedKg: 5000,
            neededBy: new Date("2099-01-01"),
            urgency: "ROUTINE",
            reason: "authz",
            idempotencyKey: key(),
            createdById: rs1.id,
          },
        })
      ).id,
  };
});

const resourceOf = (own: boolean | undefined): Resource | undefined => (own ? { hospitalId: fx.ownHospital } : undefined);
const expectAllowed = (who: Who, action: Action, own?: boolean) => can(actors[who], action, resourceOf(own));

/** Calls that were refused, as "forbidden"; anything else (ok or a business-rule error) is "allowed". */
async function outcome(fn: () => Promise<unknown>): Promise<"forbidden" | "allowed"> {
  try {
    const r = (await fn()) as { ok?: boolean; error?: string } | undefined;
    return r && r.error === "forbidden" ? "forbidden" : "allowed";
  } catch (e) {
    const msg = String((e as Error).message);
    if (msg === "REDIRECT:/forbidden" || msg === "REDIRECT:/login" || /^forbidden:/.test(msg)) return "forbidden";
    if (msg.startsWith("REDIRECT:")) return "allowed";
    throw e;
  }
}

const matrixSize = { useCases: 0, actions: 0 };

describe("use cases × actors", () => {
  for (const [mod, entries] of Object.entries(useCases)) {
    for (const [name, entry] of Object.entries(entries)) {
      if ("helper" in entry) continue;
      it(`${mod}.${name} (${entry.action}${entry.own ? ", own hospital's record" : ""})`, async () => {
        const m = (await import(`../../src/server/use-cases/${mod}.ts`)) as Record<string, (actor: Actor | null, input?: unknown) => Promise<unknown>>;
        const rows: string[] = [];
        for (const who of WHO) {
          const input = await entry.input(fx);
          const before = await prisma.auditEvent.count();
          const got = await outcome(async () => (name === "listTokens" ? m[name](actors[who]) : m[name](actors[who], input)));
          const want = expectAllowed(who, entry.action, entry.own) ? "allowed" : "forbidden";
          if (got !== want) rows.push(`${who}: got ${got}, want ${want}`);
          if (want === "forbidden") expect(await prisma.auditEvent.count(), `${who} wrote nothing`).toBe(before);
          matrixSize.useCases++;
        }
        expect(rows).toEqual([]);
      });
    }
  }
});

describe("server actions × actors (the session's actor reaches the use case)", () => {
  for (const [file, entries] of Object.entries(serverActions)) {
    for (const [name, entry] of Object.entries(entries)) {
      if ("public" in entry) continue;
      it(`${file}#${name} (${entry.action})`, async () => {
        const m = (await import(/* @vite-ignore */ `../../${file}`)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
        const rows: string[] = [];
        for (const who of WHO) {
          const data = new FormData();
          for (const [k, v] of Object.entries(await entry.form(fx))) data.set(k, v);
          session.actor = actors[who];
          const before = await prisma.auditEvent.count();
          const fn = m[name];
          const got = await outcome(() => (fn.length >= 2 ? fn({}, data) : fn(data)));
          const want = expectAllowed(who, entry.action, entry.own) ? "allowed" : "forbidden";
          if (got !== want) rows.push(`${who}: got ${got}, want ${want}`);
          if (want === "forbidden") expect(await prisma.auditEvent.count(), `${who} wrote nothing`).toBe(before);
          matrixSize.actions++;
        }
        session.actor = null;
        expect(rows).toEqual([]);
      });
    }
  }
});

describe("object-level attacks: another hospital's ids in the input", () => {
  it("a stock report names the actor's hospital, whatever hospitalId the form carries", async () => {
    const { submitStockReport } = await import("@/server/use-cases/stock");
    const r = await submitStockReport(actors["HOSPITAL-other"], {
      day: "2021-07-19",
      stockKg: "1",
      usedKg: "1",
      severePatients: "1",
      criticalPatients: "1",
      bedsOccupied: "1",
      hospitalId: fx.ownHospital,
    });
    expect(r.ok).toBe(true);
    const rows = await prisma.stockReport.findMany({
      where: { day: new Date("2021-07-19"), hospitalId: { in: [fx.ownHospital, fx.otherHospital] } },
      select: { hospitalId: true, reportedById: true },
    });
    const mine = rows.filter((x) => x.reportedById === actors["HOSPITAL-other"]!.id);
    expect(mine.map((x) => x.hospitalId)).toEqual([fx.otherHospital]);
  });

  it("a request is filed for the actor's hospital, whatever hospitalId the form carries", async () => {
    const { createRequest } = await import("@/server/use-cases/requests");
    const r = await createRequest(actors["HOSPITAL-other"], {
      requestedKg: "2",
      neededBy: "2099-01-01",
      urgency: "ROUTINE",
      reason: "object-level",
      idempotencyKey: key(),
      hospitalId: fx.ownHospital,
    });
    expect(r.ok && r.value.hospitalId).toBe(fx.otherHospital);
  });

  it("another hospital's idempotency key does not hand back its request", async () => {
    const { createRequest } = await import("@/server/use-cases/requests");
    const k = key();
    const mine = await createRequest(actors["HOSPITAL-own"], {
      requestedKg: "2",
      neededBy: "2099-01-01",
      urgency: "ROUTINE",
      reason: "first",
      idempotencyKey: k,
    });
    expect(mine.ok).toBe(true);
    const theirs = await createRequest(actors["HOSPITAL-other"], {
      requestedKg: "2",
      neededBy: "2099-01-01",
      urgency: "ROUTINE",
      reason: "replay",
      idempotencyKey: k,
    });
    expect(theirs).toEqual({ ok: false, error: "conflict" });
  });

  it("a hospital admin cannot cancel, or confirm a receipt of, another hospital's records", async () => {
    const { cancelRequest } = await import("@/server/use-cases/requests");
    const { confirmReceipt } = await import("@/server/use-cases/receipts");
    const id = await fx.requestId();
    expect(await cancelRequest(actors["HOSPITAL-other"], { id })).toEqual({ ok: false, error: "forbidden" });
    expect((await prisma.supplyRequest.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
    const d = await prisma.delivery.findFirstOrThrow({ where: { hospitalId: fx.ownHospital } });
    expect(await confirmReceipt(actors["HOSPITAL-other"], { id: d.id, receivedKg: "1", receivedAt: new Date().toISOString() })).toEqual({
      ok: false,
      error: "forbidden",
    });
  });

  it("the matrix ran every cell", () => {
    const cases = Object.values(useCases)
      .flatMap((e) => Object.values(e))
      .filter((e) => !("helper" in e)).length;
    const acts = Object.values(serverActions)
      .flatMap((e) => Object.values(e))
      .filter((e) => !("public" in e)).length;
    console.log(
      `[authorization-matrix] ${cases} use cases × 6 actors = ${matrixSize.useCases} calls; ${acts} server actions × 6 actors = ${matrixSize.actions} calls`,
    );
    expect(matrixSize.useCases).toBe(cases * WHO.length);
    expect(matrixSize.actions).toBe(acts * WHO.length);
  });
});
