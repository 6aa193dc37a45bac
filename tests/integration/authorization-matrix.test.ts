import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { now } from "@/server/clock";
import { prisma } from "@/server/db";
import { can, type Action, type Actor, type Resource } from "@/server/permissions";
import type { Result } from "@/server/use-case";
import { deliveryToRs1, prepareWorld, submittedRequest, VALID, type World } from "./valid-inputs";

// The authorization matrix, run for real: every use case (src/server/use-cases/*.ts) and every
// server action ("use server" files under src/app and src/components) is called as anonymous,
// ADMIN, STAFF, OFFICIAL, the hospital admin of the record's hospital and the hospital admin of
// another hospital, each time with a VALID input built for that call (tests/integration/valid-inputs.ts).
// The expected answer of every cell is written out below by hand: an allowed cell must succeed
// ({ ok: true }), a forbidden one must answer "forbidden" and write nothing. A separate check
// holds the hand-written table against src/server/permissions.ts, so changing who may do what
// means changing this table too. Object-level attacks (another hospital's ids in the input) are
// part of the table. Pages and API routes are checked over HTTP in tests/e2e/authorization.spec.ts.
//
// A discovery step lists the files and their exports: a new use case or action that this table
// does not cover FAILS the test — add it below with its permission and its expected row.

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
// an action may answer with parts of its page rendered again (the stock form's, decision 0047)
vi.mock("next-intl/server", async () => {
  const { translatorFor } = await import("../translator");
  return { getTranslations: async () => translatorFor("id"), getLocale: async () => "id" };
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, has: () => false, delete: () => {}, set: () => {} }),
  headers: async () => new Headers(),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT:${url}`);
  },
  notFound: () => {
    throw new Error("NOT_FOUND");
  },
}));
// A server action often answers with a redirect or nothing at all: what its use case answered
// is recorded here, so that "allowed" can mean "the write succeeded", not "was not refused".
const lastUseCase = vi.hoisted(() => ({ result: undefined as { ok: boolean; error?: string; fieldErrors?: unknown } | undefined }));
vi.mock("@/server/use-case", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/server/use-case")>();
  return {
    ...real,
    useCase: (opts: Parameters<typeof real.useCase>[0]) => {
      const call = real.useCase(opts);
      return async (actor: Actor | null, input: unknown) => {
        const r = await call(actor, input);
        lastUseCase.result = r;
        return r;
      };
    },
  };
});

// ---- the actors -------------------------------------------------------------------------------
type Who = "anonymous" | "ADMIN" | "STAFF" | "OFFICIAL" | "HOSPITAL-other" | "HOSPITAL-own";
const WHO: Who[] = ["anonymous", "ADMIN", "STAFF", "OFFICIAL", "HOSPITAL-other", "HOSPITAL-own"];
let actors: Record<Who, Actor | null>;
let w: World;

// ---- the expected answers, written out by hand ------------------------------------------------
// NOT derived from can(): the test "the table agrees with src/server/permissions.ts" compares them.
// "own": the record is rs1's hospital's, so the hospital admin of another hospital is refused.
type Answer = "ok" | "forbidden";
const Y: Answer = "ok";
const N: Answer = "forbidden";
//                                            anonymous ADMIN STAFF OFFICIAL HOSPITAL-other HOSPITAL-own
const EXPECTED: Record<string, readonly Answer[]> = {
  "alerts.acknowledgeAlert": [N, Y, Y, N, N, Y],
  "alert-settings.setAlertThresholds": [N, Y, Y, N, N, Y],
  "alert-settings.setOwnAlertChannels": [N, Y, Y, Y, Y, Y],
  "duty.setOwnDuty": [N, N, Y, N, N, N],
  "duty.setUserDuty": [N, Y, N, N, N, N],
  "cylinders.recordCylinderCount": [N, N, N, N, Y, Y],
  "cylinders.recordCylinderCountOnBehalf": [N, Y, Y, N, N, N],
  "cylinders.refillCylinders": [N, Y, Y, N, N, N],
  "cylinders.moveCylinders": [N, Y, Y, N, N, N],
  "receipts.recordReceiptOnBehalf": [N, Y, Y, N, N, N],
  "stock.submitStockReportOnBehalf": [N, Y, Y, N, N, N],
  "allocations.allocate": [N, Y, Y, N, N, N],
  "allocations.approveAndAllocate": [N, Y, Y, N, N, N],
  "allocations.cancelAllocation": [N, Y, Y, N, N, N],
  "capacity.saveCapacityDay": [N, Y, Y, N, N, N],
  "capacity.importCapacityCsv": [N, Y, Y, N, N, N],
  "dispatches.createDispatch": [N, Y, Y, N, N, N],
  "fleet.createVehicle": [N, Y, Y, N, N, N],
  "fleet.updateVehicle": [N, Y, Y, N, N, N],
  "fleet.createDriver": [N, Y, Y, N, N, N],
  "fleet.updateDriver": [N, Y, Y, N, N, N],
  "forecast.saveScenario": [N, Y, Y, Y, N, N],
  "forecast.setDefaultRateSet": [N, Y, N, N, N, N],
  "forecast.updateRateSet": [N, Y, N, N, N, N],
  "hospitals.createHospital": [N, Y, Y, N, N, N],
  "hospitals.updateHospital": [N, Y, Y, N, N, N],
  "notifications.markNotificationsRead": [N, Y, Y, Y, Y, Y],
  "pledges.createPledge": [N, Y, Y, N, N, N],
  "pledges.updatePledge": [N, Y, Y, N, N, N],
  "policy.setDailyTarget": [N, Y, N, N, N, N],
  "policy.savePriorityPeriod": [N, Y, N, N, N, N],
  "receipts.confirmReceipt": [N, N, N, N, N, Y],
  "receipts.recordTrancheReceipt": [N, Y, Y, N, N, N],
  "requests.createRequest": [N, N, N, N, Y, Y],
  "requests.cancelRequest": [N, N, N, N, N, Y],
  "requests.approveRequest": [N, Y, Y, N, N, N],
  "requests.rejectRequest": [N, Y, Y, N, N, N],
  "requests.closeRequestShort": [N, Y, Y, N, N, N],
  "stock.confirmStockReview": [N, Y, Y, N, N, N],
  "stock.submitStockReport": [N, N, N, N, Y, Y],
  "suppliers.createSupplier": [N, Y, Y, N, N, N],
  "suppliers.updateSupplier": [N, Y, Y, N, N, N],
  "suppliers.setSupplierActive": [N, Y, Y, N, N, N],
  "trips.moveTrip": [N, Y, Y, N, N, N],
  "trips.divertTrip": [N, Y, Y, N, N, N],
  "tokens.issueToken": [N, Y, N, N, N, N],
  "tokens.revokeToken": [N, Y, N, N, N, N],
  "tokens.listTokens": [N, Y, N, N, N, N],
  "users.createUser": [N, Y, N, N, N, N],
  "users.setUserActive": [N, Y, N, N, N, N],
  "users.updateUser": [N, Y, N, N, N, N],
  "users.resetUserPassword": [N, Y, N, N, N, N],
  "account.signOutEverywhere": [N, Y, Y, Y, Y, Y],
  "account.changeOwnPassword": [N, Y, Y, Y, Y, Y],
};

// ---- what each use case is: its permission, or why it is not a call to check --------------------
type Case = { action: Action; own?: true };
type Helper = { helper: string };
const useCases: Record<string, Record<string, Case | Helper>> = {
  alerts: { acknowledgeAlert: { action: "alert:acknowledge", own: true } },
  "alert-settings": { setAlertThresholds: { action: "alert:configure", own: true }, setOwnAlertChannels: { action: "account:settings" } },
  duty: { setOwnDuty: { action: "duty:own" }, setUserDuty: { action: "user:manage" } },
  cylinders: {
    recordCylinderCount: { action: "cylinder:count" },
    recordCylinderCountOnBehalf: { action: "stock:report-on-behalf" },
    refillCylinders: { action: "cylinder:move" },
    moveCylinders: { action: "cylinder:move" },
    transferCylinders: { helper: "inside moveCylinders' and a trip's return transaction (takes tx)" },
    receiveDispatchedCylinders: { helper: "inside a receipt's transaction (takes tx)" },
    checkDistributorFulls: { helper: "inside a dispatch's transaction (takes tx)" },
  },
  allocations: {
    allocate: { action: "allocation:write" },
    // request:decide, and allocation:write checked inside (both rows are [N, Y, Y, N, N, N])
    approveAndAllocate: { action: "request:decide" },
    cancelAllocation: { action: "allocation:cancel" },
    allocateIn: { helper: "inside a use case's transaction (takes tx)" },
  },
  capacity: {
    saveCapacityDay: { action: "capacity:write" },
    importCapacityCsv: { action: "capacity:write" },
    isBlankRow: { helper: "pure form parsing" },
    parseCapacityRow: { helper: "pure form parsing" },
    CSV_HEADER: { helper: "constant" },
    MAX_CSV_ROWS: { helper: "constant" },
  },
  dispatches: { createDispatch: { action: "dispatch:write" } },
  fleet: {
    createVehicle: { action: "fleet:manage" },
    updateVehicle: { action: "fleet:manage" },
    createDriver: { action: "fleet:manage" },
    updateDriver: { action: "fleet:manage" },
    plate: { helper: "zod schema" },
  },
  trips: {
    moveTrip: { action: "trip:move" },
    divertTrip: { action: "trip:divert" },
    estimate: { helper: "zod schema" },
    receiveTripLeg: { helper: "inside the receipt's transaction (takes tx)" },
    lockTripForReceipt: { helper: "inside the receipt's transaction (takes tx)" },
  },
  forecast: {
    saveScenario: { action: "scenario:save" },
    setDefaultRateSet: { action: "forecast:configure" },
    updateRateSet: { action: "forecast:configure" },
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
      "optionalCount",
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
  hospitals: { createHospital: { action: "hospital:write" }, updateHospital: { action: "hospital:write" } },
  notifications: {
    markNotificationsRead: { action: "notification:read" },
    NOTICE_KINDS: { helper: "constant" },
    notify: { helper: "inside a use case's transaction (takes tx)" },
    visibleTo: { helper: "query filter for the actor given" },
    notifyStaleHospitals: { helper: "system job: idempotent inserts, no user input" },
    notifyDispatches: { helper: "system job: called with the page actor's own hospitalId" },
    refreshNoticesFor: { helper: "system job for the signed-in actor" },
    refreshNoticesSoon: { helper: "refreshNoticesFor, at most once per cache period per audience" },
  },
  pledges: { createPledge: { action: "pledge:write" }, updatePledge: { action: "pledge:write" } },
  policy: { setDailyTarget: { action: "policy:write" }, savePriorityPeriod: { action: "policy:write" } },
  receipts: {
    confirmReceipt: { action: "receipt:confirm", own: true },
    recordTrancheReceipt: { action: "receipt:record" },
    recordReceiptOnBehalf: { action: "stock:report-on-behalf" },
  },
  "request-loop": {
    requestFigures: { helper: "inside a use case's transaction (takes tx)" },
    settleAllocation: { helper: "inside a use case's transaction (takes tx)" },
    settleRequest: { helper: "inside a use case's transaction (takes tx)" },
    cancelAllocationRemainder: { helper: "inside a use case's transaction (takes tx)" },
  },
  requests: {
    // createRequest ignores any hospitalId in the input: the object-level test below checks it.
    createRequest: { action: "request:create" },
    cancelRequest: { action: "request:cancel", own: true },
    approveRequest: { action: "request:decide" },
    approveIn: { helper: "inside a use case's transaction (takes tx)" },
    rejectRequest: { action: "request:decide" },
    lockRequest: { helper: "inside a use case's transaction (takes tx)" },
    nextStatus: { helper: "pure state machine" },
    closeRequestShort: { action: "request:close" },
  },
  stock: {
    confirmStockReview: { action: "stock:review" },
    submitStockReport: { action: "stock:report" },
    submitStockReportOnBehalf: { action: "stock:report-on-behalf" },
    writeStockReport: { helper: "inside a use case's transaction (takes tx)" },
  },
  suppliers: {
    createSupplier: { action: "supplier:write" },
    updateSupplier: { action: "supplier:write" },
    setSupplierActive: { action: "supplier:write" },
  },
  tokens: {
    issueToken: { action: "token:manage" },
    revokeToken: { action: "token:manage" },
    // Not a useCase, but authorizes itself: checked below like one.
    listTokens: { action: "token:manage" },
  },
  users: {
    createUser: { action: "user:manage" },
    setUserActive: { action: "user:manage" },
    updateUser: { action: "user:manage" },
    resetUserPassword: { action: "user:manage" },
  },
  account: { signOutEverywhere: { action: "session:end" }, changeOwnPassword: { action: "password:change" } },
};

// ---- server actions: the use case each one calls, and its form built from that use case's valid input ----
type Input = Record<string, unknown>;
type ActionCase = { useCase: string; form?: (input: Input) => Record<string, string> } | { public: string };
/** The input's top-level fields as form fields; lists of objects as "list[<i>].<field>", as the forms name them. */
function plainForm(input: Input): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) {
    if (Array.isArray(v)) v.forEach((item, i) => Object.entries(item as Input).forEach(([f, x]) => (out[`${k}[${i}].${f}`] = String(x))));
    else out[k] = String(v);
  }
  return out;
}
/** A form its page asks "are you sure?" about, as its "yes" sends it (ReasonForm). */
const confirmed = (input: Input) => ({ ...plainForm(input), confirmed: "1" });
const serverActions: Record<string, Record<string, ActionCase>> = {
  "src/app/(app)/admin/tokens/actions.ts": {
    issueTokenAction: { useCase: "tokens.issueToken" },
    revokeTokenAction: { useCase: "tokens.revokeToken" },
  },
  "src/app/(app)/admin/users/actions.ts": {
    createUserAction: { useCase: "users.createUser" },
    setUserActiveAction: { useCase: "users.setUserActive" },
    updateUserAction: { useCase: "users.updateUser" },
    resetPasswordAction: { useCase: "users.resetUserPassword" },
    setUserDutyAction: { useCase: "duty.setUserDuty" },
  },
  "src/app/password/actions.ts": {
    changePasswordAction: { useCase: "account.changeOwnPassword" },
    setAlertChannelsAction: { useCase: "alert-settings.setOwnAlertChannels" },
    setOwnDutyAction: { useCase: "duty.setOwnDuty" },
  },
  "src/app/(app)/capacity/actions.ts": {
    saveCapacityAction: {
      useCase: "capacity.saveCapacityDay",
      form: (i) => {
        const out: Record<string, string> = { day: String(i.day) };
        for (const r of i.rows as Record<string, string>[]) for (const f of ["produced", "medical", "industrial"]) out[`${f}.${r.supplierId}`] = r[f];
        return out;
      },
    },
    importCapacityAction: { useCase: "capacity.importCapacityCsv" },
  },
  "src/app/(app)/dispatches/actions.ts": {
    createDispatchAction: {
      useCase: "dispatches.createDispatch",
      form: ({ allocationId, ...rest }) => ({ ...plainForm(rest), source: `allocation:${String(allocationId)}` }),
    },
  },
  "src/app/(app)/fleet/actions.ts": {
    createVehicleAction: { useCase: "fleet.createVehicle" },
    updateVehicleAction: { useCase: "fleet.updateVehicle", form: ({ active, ...rest }) => ({ ...plainForm(rest), ...(active ? { active: "on" } : {}) }) },
    createDriverAction: { useCase: "fleet.createDriver" },
    updateDriverAction: { useCase: "fleet.updateDriver", form: ({ active, ...rest }) => ({ ...plainForm(rest), ...(active ? { active: "on" } : {}) }) },
  },
  "src/app/(app)/trips/actions.ts": {
    moveTripAction: { useCase: "trips.moveTrip" },
    returnTripAction: { useCase: "trips.moveTrip" },
    divertTripAction: { useCase: "trips.divertTrip" },
  },
  "src/app/(app)/forecast/actions.ts": {
    saveScenarioAction: { useCase: "forecast.saveScenario" },
    setDefaultRateSetAction: { useCase: "forecast.setDefaultRateSet" },
    updateRateSetAction: { useCase: "forecast.updateRateSet" },
  },
  "src/app/(app)/hospitals/actions.ts": {
    createHospitalAction: { useCase: "hospitals.createHospital" },
    updateHospitalAction: { useCase: "hospitals.updateHospital", form: ({ active, ...rest }) => ({ ...plainForm(rest), ...(active ? { active: "on" } : {}) }) },
    confirmStockReviewAction: { useCase: "stock.confirmStockReview" },
    submitStockOnBehalfAction: { useCase: "stock.submitStockReportOnBehalf" },
    recordReceiptOnBehalfAction: { useCase: "receipts.recordReceiptOnBehalf" },
    recordCylinderCountOnBehalfAction: { useCase: "cylinders.recordCylinderCountOnBehalf" },
    setAlertThresholdsAction: { useCase: "alert-settings.setAlertThresholds" },
  },
  "src/app/(app)/cylinders/actions.ts": {
    refillCylindersAction: { useCase: "cylinders.refillCylinders" },
    moveCylindersAction: { useCase: "cylinders.moveCylinders" },
  },
  "src/app/(app)/my-hospital/actions.ts": {
    submitStockAction: { useCase: "stock.submitStockReport" },
    recordCylinderCountAction: { useCase: "cylinders.recordCylinderCount" },
  },
  "src/app/(app)/alerts/actions.ts": { acknowledgeAlertAction: { useCase: "alerts.acknowledgeAlert" } },
  "src/app/(app)/notifications/actions.ts": {
    markAllReadAction: { useCase: "notifications.markNotificationsRead" },
    markSeenAction: { useCase: "notifications.markNotificationsRead" },
  },
  "src/app/(app)/pledges/actions.ts": {
    createPledgeAction: { useCase: "pledges.createPledge" },
    updatePledgeAction: { useCase: "pledges.updatePledge" },
  },
  "src/app/(app)/policy/actions.ts": {
    setTargetAction: { useCase: "policy.setDailyTarget" },
    savePeriodAction: { useCase: "policy.savePriorityPeriod" },
  },
  "src/app/(app)/requests/actions.ts": {
    createRequestAction: { useCase: "requests.createRequest" },
    cancelRequestAction: { useCase: "requests.cancelRequest", form: confirmed },
    approveRequestAction: { useCase: "requests.approveRequest" },
    approveAndAllocateAction: { useCase: "allocations.approveAndAllocate" },
    rejectRequestAction: { useCase: "requests.rejectRequest" },
    allocateAction: { useCase: "allocations.allocate" },
    acceptProposalAction: { useCase: "allocations.allocate" },
    confirmReceiptAction: { useCase: "receipts.confirmReceipt" },
    recordTrancheReceiptAction: { useCase: "receipts.recordTrancheReceipt" },
    cancelAllocationAction: { useCase: "allocations.cancelAllocation", form: confirmed },
    closeRequestShortAction: { useCase: "requests.closeRequestShort", form: confirmed },
  },
  "src/app/(app)/sign-out.ts": { signOutAction: { public: "signs the caller out of their own session" } },
  "src/app/(app)/suppliers/actions.ts": {
    createSupplierAction: { useCase: "suppliers.createSupplier" },
    updateSupplierAction: { useCase: "suppliers.updateSupplier" },
    setSupplierActiveAction: { useCase: "suppliers.setSupplierActive" },
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
  w = await prepareWorld();
  actors = { anonymous: null, ADMIN: w.admin, STAFF: w.staff, OFFICIAL: w.official, "HOSPITAL-other": w.rs2, "HOSPITAL-own": w.rs1 };
});

const checked: ({ key: string; mod: string; name: string } & Case)[] = Object.entries(useCases).flatMap(([mod, e]) =>
  Object.entries(e).flatMap(([name, c]) => ("helper" in c ? [] : [{ key: `${mod}.${name}`, mod, name, ...c }])),
);

describe("the hand-written table", () => {
  it("has one row per checked use case, and a valid-input builder for each", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(checked.map((c) => c.key).sort());
    expect(checked.filter((c) => c.key !== "tokens.listTokens" && !VALID[c.key]).map((c) => c.key)).toEqual([]);
  });

  it("agrees with src/server/permissions.ts", () => {
    const disagree: string[] = [];
    for (const c of checked) {
      const resource: Resource | undefined = c.own ? { hospitalId: w.rs1.hospitalId } : undefined;
      WHO.forEach((who, i) => {
        const matrix: Answer = can(actors[who], c.action, resource) ? "ok" : "forbidden";
        if (matrix !== EXPECTED[c.key][i]) disagree.push(`${c.key} as ${who}: table ${EXPECTED[c.key][i]}, can() ${matrix}`);
      });
    }
    expect(disagree).toEqual([]);
  });
});

/** "ok", "forbidden", or the error a call that should have succeeded ran into. */
function answerOf(r: { ok: boolean; error?: string; fieldErrors?: unknown } | undefined): string {
  if (!r) return "no answer";
  if (r.ok) return "ok";
  return r.error === "forbidden" ? "forbidden" : `${r.error} ${JSON.stringify(r.fieldErrors ?? {})}`;
}

const calls = { useCases: 0, actions: 0, succeeded: 0 };

describe("use cases × actors, each with a valid input", () => {
  for (const c of checked) {
    it(`${c.key} (${c.action}${c.own ? ", rs1's hospital's record" : ""})`, async () => {
      const m = (await import(`../../src/server/use-cases/${c.mod}.ts`)) as Record<string, (actor: Actor | null, input?: unknown) => Promise<unknown>>;
      const rows: string[] = [];
      for (const [i, who] of WHO.entries()) {
        const want = EXPECTED[c.key][i];
        const input = c.name === "listTokens" ? undefined : await VALID[c.key](w, actors[who]);
        const before = await prisma.auditEvent.count();
        let got: string;
        if (c.name === "listTokens")
          got = await m.listTokens(actors[who]).then(
            (list) => (Array.isArray(list) ? "ok" : "not a list"),
            (e: Error) => (/^forbidden:/.test(e.message) ? "forbidden" : e.message),
          );
        else got = answerOf((await m[c.name](actors[who], input)) as Result<unknown>);
        if (got !== want) rows.push(`${who}: got ${got}, want ${want}`);
        if (want === "forbidden") expect(await prisma.auditEvent.count(), `${who} wrote nothing`).toBe(before);
        if (got === "ok") calls.succeeded++;
        calls.useCases++;
      }
      expect(rows).toEqual([]);
    });
  }
});

describe("server actions × actors (the session's actor reaches the use case, and a valid form succeeds)", () => {
  for (const [file, entries] of Object.entries(serverActions)) {
    for (const [name, entry] of Object.entries(entries)) {
      if ("public" in entry) continue;
      it(`${file}#${name} (${entry.useCase})`, async () => {
        const m = (await import(/* @vite-ignore */ `../../${file}`)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
        const rows: string[] = [];
        for (const [i, who] of WHO.entries()) {
          const want = EXPECTED[entry.useCase][i];
          const input = await VALID[entry.useCase](w, actors[who]);
          const data = new FormData();
          for (const [k, v] of Object.entries((entry.form ?? plainForm)(input))) data.set(k, v);
          session.actor = actors[who];
          const before = await prisma.auditEvent.count();
          lastUseCase.result = undefined;
          const fn = m[name];
          let shown: unknown;
          try {
            shown = await (fn.length >= 2 ? fn({}, data) : fn(data));
          } catch (e) {
            const msg = String((e as Error).message);
            if (!msg.startsWith("REDIRECT:")) throw e;
            shown = msg;
          }
          const got = answerOf(lastUseCase.result);
          if (got !== want) rows.push(`${who}: got ${got}, want ${want}`);
          if (want === "forbidden") {
            expect(await prisma.auditEvent.count(), `${who} wrote nothing`).toBe(before);
            // and the user is told so: sent to /forbidden (or /login), or the form shows the error
            const told = shown === "REDIRECT:/forbidden" || shown === "REDIRECT:/login" || (shown as { error?: string })?.error === "forbidden";
            if (!told) rows.push(`${who}: refused, but the action answered ${JSON.stringify(shown)}`);
          }
          if (got === "ok") calls.succeeded++;
          calls.actions++;
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
    const r = await submitStockReport(w.rs2, {
      day: "2021-07-19",
      unit: "KG",
      stockKg: "900",
      usedKg: "100",
      severePatients: "1",
      criticalPatients: "1",
      bedsOccupied: "1",
      confirmUnusual: "1",
      hospitalId: w.rs1.hospitalId,
    });
    expect(r.ok).toBe(true);
    const rows = await prisma.stockReport.findMany({
      where: { day: new Date("2021-07-19"), hospitalId: { in: [w.rs1.hospitalId!, w.rs2.hospitalId!] } },
      select: { hospitalId: true, reportedById: true },
    });
    const mine = rows.filter((x) => x.reportedById === w.rs2.id);
    expect(mine.map((x) => x.hospitalId)).toEqual([w.rs2.hospitalId]);
  });

  it("a request is filed for the actor's hospital, whatever hospitalId the form carries", async () => {
    const { createRequest } = await import("@/server/use-cases/requests");
    const r = await createRequest(w.rs2, { ...(await VALID["requests.createRequest"](w, w.rs2)), hospitalId: w.rs1.hospitalId });
    expect(r.ok && r.value.hospitalId).toBe(w.rs2.hospitalId);
  });

  it("another hospital's idempotency key does not hand back its request", async () => {
    const { createRequest } = await import("@/server/use-cases/requests");
    const input = await VALID["requests.createRequest"](w, w.rs1);
    const mine = await createRequest(w.rs1, input);
    expect(mine.ok).toBe(true);
    const theirs = await createRequest(w.rs2, { ...input, reason: "replay" });
    expect(theirs).toEqual({ ok: false, error: "conflict" });
  });

  it("a hospital admin cannot cancel, or confirm a receipt of, another hospital's records", async () => {
    const { cancelRequest } = await import("@/server/use-cases/requests");
    const { confirmReceipt } = await import("@/server/use-cases/receipts");
    const id = await submittedRequest(w);
    expect(await cancelRequest(w.rs2, { id, reason: "tidak jadi" })).toEqual({ ok: false, error: "forbidden" });
    expect((await prisma.supplyRequest.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
    const d = await deliveryToRs1(w);
    expect(await confirmReceipt(w.rs2, { id: d, receivedKg: "2", receivedAt: now().toISOString() })).toEqual({ ok: false, error: "forbidden" });
    expect((await prisma.delivery.findUniqueOrThrow({ where: { id: d } })).receivedKg).toBeNull();
    // and the same calls by rs1's own admin go through: the refusals above were about the owner
    expect((await cancelRequest(w.rs1, { id, reason: "tidak jadi" })).ok).toBe(true);
    expect((await confirmReceipt(w.rs1, { id: d, receivedKg: "2", receivedAt: now().toISOString() })).ok).toBe(true);
  });
});

// After all the tests, in whatever order they ran: the size of the matrix, and every allowed cell succeeded.
afterAll(() => {
  const acts = Object.values(serverActions)
    .flatMap((e) => Object.values(e))
    .filter((e) => !("public" in e));
  const allowed = [...checked.map((c) => c.key), ...acts.map((a) => (a as { useCase: string }).useCase)].reduce(
    (n, key) => n + EXPECTED[key].filter((a) => a === "ok").length,
    0,
  );
  console.log(
    `[authorization-matrix] ${checked.length} use cases × 6 actors = ${calls.useCases} calls; ${acts.length} server actions × 6 actors = ${calls.actions} calls; ${calls.succeeded} of ${allowed} allowed cells succeeded`,
  );
  // (each test already failed its own refused or failed cells; a run filtered with -t calls fewer)
  if (calls.useCases === checked.length * WHO.length && calls.actions === acts.length * WHO.length) expect(calls.succeeded).toBe(allowed);
});
