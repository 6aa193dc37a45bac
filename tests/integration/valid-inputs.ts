import { addDays } from "@/domain/day";
import { now, today } from "@/server/clock";
import { prisma } from "@/server/db";
import { clearFailures } from "@/server/login";
import { hashPassword } from "@/server/passwords";
import type { Actor } from "@/server/permissions";
import { allocate } from "@/server/use-cases/allocations";
import { createDispatch } from "@/server/use-cases/dispatches";
import { createHospital } from "@/server/use-cases/hospitals";
import { createPledge } from "@/server/use-cases/pledges";
import { approveRequest } from "@/server/use-cases/requests";
import { actor as actorOf } from "./supply-helpers";

// A valid input for every use case, built from the database as it is when the call is made:
// each builder first creates what the call needs (a request approved before it is allocated,
// an allocation before it is dispatched, a pledge before it is edited…) so that the call
// succeeds whatever ran before it, in any order. Used by the authorization matrix (every
// allowed cell must succeed) and by the fuzz (valid inputs mixed with hostile ones).
// Setup goes through the use cases as the seeded admin, so the records are ones the app itself
// could have written.

export type World = {
  admin: Actor;
  staff: Actor;
  official: Actor;
  rs1: Actor;
  rs2: Actor;
  province: string;
  /** a producer of this world's own, with ample capacity on `day`: allocations draw on it */
  producer: string;
  /** another producer, for capacity saves (nothing is allocated from it, so any figure may be saved) */
  capacityProducer: string;
  /** a vendor for pledges */
  vendor: string;
  /** the supply day allocations draw on */
  day: string;
  /** the known password `changeOwnPassword`'s actor is given before the call, and its hash */
  knownPassword: string;
  knownHash: string;
};

export const NEW_PASSWORD = "kerbau nila tumbuh pagi";
const KNOWN_PASSWORD = "elang biru di atas sawah";

/**
 * Rows the builders insert straight into the database (not through a use case, so without an
 * audit event): the fuzz's "every write was audited" check leaves these out.
 */
export const insertedDirectly = new Set<string>();
const direct = <T extends { id: string }>(row: T): T => {
  insertedDirectly.add(row.id);
  return row;
};

let seq = 0;
const run = Math.random().toString(36).slice(2, 7);
/** A value no other call of this run produced. */
export const unique = (prefix: string) => `${prefix}-${run}-${seq++}`;

export async function prepareWorld(): Promise<World> {
  const [admin, staff, official, rs1, rs2] = await Promise.all(
    ["admin@satgas.test", "staff@satgas.test", "official@satgas.test", "rs1@satgas.test", "rs2@satgas.test"].map(actorOf),
  );
  const province = (await prisma.region.findFirstOrThrow({ where: { parentId: null } })).id;
  const supplier = async (name: string, kind: "PRODUCER" | "VENDOR") =>
    direct(await prisma.supplier.create({ data: { name: unique(name), kind, regionId: province } }));
  const producer = await supplier("PT Valid Producer", "PRODUCER");
  const capacityProducer = await supplier("PT Valid Capacity", "PRODUCER");
  const vendor = await supplier("PT Valid Vendor", "VENDOR");
  const day = "2021-07-26";
  // 100,000 t of medical supply on the day: far more than any run allocates.
  await prisma.dailyCapacity.create({
    data: { supplierId: producer.id, day: new Date(day), producedKg: 100_000_000, medicalKg: 100_000_000, industrialKg: 0 },
  });
  return {
    admin,
    staff,
    official,
    rs1,
    rs2,
    province,
    producer: producer.id,
    capacityProducer: capacityProducer.id,
    vendor: vendor.id,
    day,
    knownPassword: KNOWN_PASSWORD,
    knownHash: await hashPassword(KNOWN_PASSWORD),
  };
}

/** Fails the setup loudly: a builder that cannot build is a broken test, not a refused call. */
function must<T>(r: { ok: true; value: T } | { ok: false; error: string; fieldErrors?: unknown }, what: string): T {
  if (!r.ok) throw new Error(`setup failed (${what}): ${r.error} ${JSON.stringify(r.fieldErrors ?? {})}`);
  return r.value;
}

// ---- records the calls need -------------------------------------------------------------------

const neededBy = () => addDays(today(), 30);

export async function submittedRequest(w: World, hospitalId = w.rs1.hospitalId!) {
  const r = direct(
    await prisma.supplyRequest.create({
      data: {
        hospitalId,
        requestedKg: 5000,
        neededBy: new Date(neededBy()),
        urgency: "ROUTINE",
        reason: "valid-input setup",
        idempotencyKey: unique("req"),
        createdById: w.rs1.id,
      },
    }),
  );
  return r.id;
}

export async function approvedRequest(w: World, hospitalId?: string) {
  const id = await submittedRequest(w, hospitalId);
  must(await approveRequest(w.admin, { id, approvedKg: "5", confirmUnusual: "1" }), "approve");
  return id;
}

/** An allocation of 2 t from the world's producer, nothing dispatched yet. */
export async function plannedAllocation(w: World) {
  const requestId = await approvedRequest(w);
  const [row] = must(await allocate(w.admin, { day: w.day, lines: [{ requestId, sourceId: `supply:${w.producer}`, kg: "2" }] }), "allocate");
  return row.id;
}

/** A 2 t truck on its way to rs1's hospital for one of its requests. */
export async function deliveryToRs1(w: World) {
  const allocationId = await plannedAllocation(w);
  const d = must(
    await createDispatch(w.admin, { idempotencyKey: unique("dispatch"), allocationId, vehiclePlate: "A 1234 BC", amount: "2", unit: "TONNE_LIQUID" }),
    "dispatch",
  );
  return d.delivery.id;
}

/** A pledge of 2 t in one tranche due today (its supplier: the world's vendor). */
export async function pledge(w: World) {
  return must(await createPledge(w.admin, pledgeInput(w, "2")), "pledge");
}

function pledgeInput(w: World, tonnes: string) {
  const t = today();
  return { supplierId: w.vendor, total: tonnes, startsOn: addDays(t, -1), endsOn: addDays(t, 7), earmark: "NONE", tranches: [{ dueOn: t, tonnes }] };
}

/** A 2 t tranche trip, without an allocation, on its way to rs2's hospital. */
export async function trancheDelivery(w: World) {
  const p = await pledge(w);
  const d = must(
    await createDispatch(w.admin, {
      idempotencyKey: unique("tranche"),
      trancheId: p.tranches[0].id,
      hospitalId: w.rs2.hospitalId!,
      vehiclePlate: "B 42 XY",
      amount: "2",
      unit: "TONNE_LIQUID",
    }),
    "tranche dispatch",
  );
  return d.delivery.id;
}

/** A trip in transit with one 2 t leg to rs1's hospital (a dispatch rides on a new trip). */
export async function tripToRs1(w: World) {
  const id = await deliveryToRs1(w);
  return (await prisma.delivery.findUniqueOrThrow({ where: { id } })).tripId!;
}

/** A vehicle of the world's producer, inserted directly. */
async function vehicle(w: World) {
  return direct(await prisma.vehicle.create({ data: { plate: unique("V").toUpperCase(), kind: "ROAD_TANKER", capacity: 10_000, operatorId: w.producer } }));
}

let reportDay = 0;
/** A stock report of rs1's hospital held for review, on a day no other report of this run uses. */
export async function flaggedReport(w: World) {
  const r = await prisma.stockReport
    .create({
      data: { hospitalId: w.rs1.hospitalId!, day: new Date(addDays("2020-01-01", reportDay++ % 500)), stockKg: 100, usedKg: 100, flaggedForReview: true },
    })
    .catch(async () => null);
  if (r) return r.id;
  // that day already holds a report (from the seed, or an earlier run): flag a fresh one elsewhere
  return flaggedReport(w);
}

async function user(active = true) {
  return direct(
    await prisma.user.create({ data: { email: `${unique("valid")}@satgas.test`, name: "Valid Target", role: "OFFICIAL", passwordHash: "x", active } }),
  );
}

async function hospital(w: World) {
  return must(await createHospital(w.admin, hospitalInput(w)), "hospital");
}

function hospitalInput(w: World) {
  return { name: unique("RS Valid"), regionId: w.province, beds: "10", covidBeds: "1", icuBeds: "1", tankCapacityKg: "1", tankResidualKg: "0" };
}

const supplierInput = (w: World) => ({ name: unique("PT Valid"), kind: "VENDOR", regionId: w.province, contactPhone: "+62 812 3456 7890" });

// ---- one valid input per use case, for the actor who will make the call ---------------------------

type Builder = (w: World, actor: Actor | null) => Promise<Record<string, unknown>>;

/** A distributor of this run's own holding `full` and `empty` 6 m³ cylinders (set straight in the ledger). */
export async function cylinderDistributor(w: World, full: number, empty: number) {
  const s = direct(await prisma.supplier.create({ data: { name: unique("PT Valid Cylinders"), kind: "DISTRIBUTOR", regionId: w.province } }));
  direct(await prisma.cylinderMovement.create({ data: { kind: "count", typeId: "cyl_6m3", supplierId: s.id, fullDelta: full, emptyDelta: empty, at: now() } }));
  return s.id;
}

const onBehalfNote = "phone call with the duty pharmacist";

export const VALID: Record<string, Builder> = {
  "alert-settings.setAlertThresholds": async (w) => ({
    hospitalId: w.rs1.hospitalId!,
    redBelowHours: String(4 + (seq++ % 4)),
    amberBelowHours: "20",
    missedReportHours: "",
  }),
  "alert-settings.setOwnAlertChannels": async () => ({ alertByEmail: "on", alertByWebhook: "on", phone: "+62 812 1111 2222" }),
  "cylinders.recordCylinderCount": async () => ({ lines: [{ typeId: "cyl_6m3", full: String(5 + (seq++ % 5)), empty: "2" }] }),
  "cylinders.recordCylinderCountOnBehalf": async (w) => ({
    hospitalId: w.rs1.hospitalId!,
    lines: [{ typeId: "cyl_2m3", full: String(3 + (seq++ % 5)), empty: "1", used: "1" }],
    onBehalfNote,
  }),
  "cylinders.refillCylinders": async (w) => ({ supplierId: await cylinderDistributor(w, 0, 10), typeId: "cyl_6m3", count: "4" }),
  "cylinders.moveCylinders": async (w) => ({
    kind: "delivery",
    supplierId: await cylinderDistributor(w, 10, 0),
    hospitalId: w.rs1.hospitalId!,
    typeId: "cyl_6m3",
    count: "3",
  }),
  "receipts.recordReceiptOnBehalf": async (w) => ({ id: await deliveryToRs1(w), receivedKg: "2", receivedAt: now().toISOString(), onBehalfNote }),
  "stock.submitStockReportOnBehalf": async (w) => ({
    hospitalId: w.rs1.hospitalId!,
    day: addDays(today(), -(seq++ % 20)),
    unit: "KG",
    stockKg: "900",
    usedKg: "100",
    severePatients: "2",
    criticalPatients: "1",
    bedsOccupied: "3",
    confirmUnusual: "1",
    onBehalfNote,
  }),
  "alerts.acknowledgeAlert": async (w) => ({
    id: direct(await prisma.alert.create({ data: { hospitalId: w.rs1.hospitalId!, kind: "amber", raisedAt: now(), clearedAt: now() } })).id,
  }),
  "allocations.allocate": async (w) => ({ day: w.day, lines: [{ requestId: await approvedRequest(w), sourceId: `supply:${w.producer}`, kg: "1" }] }),
  "allocations.approveAndAllocate": async (w) => {
    const id = await submittedRequest(w); // 5 t: the proposal covers it all
    return { id, day: w.day, lines: [{ requestId: id, sourceId: `supply:${w.producer}`, kg: "5" }], confirmUnusual: "1" };
  },
  "allocations.cancelAllocation": async (w) => ({ id: await plannedAllocation(w), reason: "valid input" }),
  "capacity.saveCapacityDay": async (w) => {
    const t = String(10 + (seq++ % 90));
    return { day: w.day, rows: [{ supplierId: w.capacityProducer, produced: t, medical: t, industrial: "0" }] };
  },
  "capacity.importCapacityCsv": async (w) => {
    const t = 10 + (seq++ % 90);
    return { csv: `day,supplier,produced_t,medical_t,industrial_t\n${w.day},${w.capacityProducer},${t},${t - 4},4` };
  },
  "dispatches.createDispatch": async (w) => ({
    idempotencyKey: unique("dispatch"),
    allocationId: await plannedAllocation(w),
    vehiclePlate: "A 1234 BC",
    amount: "1",
    unit: "TONNE_LIQUID",
  }),
  "forecast.saveScenario": async () => ({
    name: unique("scenario"),
    rateSet: (await prisma.flowRateSet.findFirstOrThrow()).key,
    basis: "patients",
    waveMultiplier: "1.5",
    shiftPercentagePoints: "10",
    extraPledgedTonnes: "100",
  }),
  "fleet.createVehicle": async (w) => ({ plate: unique("B").toUpperCase(), kind: "ROAD_TANKER", capacity: "12000", operatorId: w.producer }),
  "fleet.updateVehicle": async (w) => {
    const v = await vehicle(w);
    return { id: v.id, plate: v.plate, kind: "ISO_CONTAINER", capacity: "18000", operatorId: w.producer, active: true };
  },
  "fleet.createDriver": async (w) => ({ name: unique("Driver Valid"), phone: "0812 1234 5678", operatorId: w.producer }),
  "fleet.updateDriver": async (w) => {
    const d = direct(await prisma.driver.create({ data: { name: unique("Driver Before"), operatorId: w.producer } }));
    return { id: d.id, name: unique("Driver After"), phone: "", operatorId: w.producer, active: true };
  },
  "trips.moveTrip": async (w) => ({ id: await tripToRs1(w), step: "arrive" }),
  "trips.divertTrip": async (w) => ({ id: await tripToRs1(w), hospitalId: w.rs2.hospitalId!, reason: "SOS: valid input" }),
  "forecast.setDefaultRateSet": async () => ({ key: (await prisma.flowRateSet.findFirstOrThrow({ orderBy: { key: "asc" } })).key }),
  "forecast.updateRateSet": async () => ({
    key: (await prisma.flowRateSet.findFirstOrThrow({ orderBy: { key: "asc" } })).key,
    severeLpm: "15",
    criticalLpm: "40",
  }),
  "hospitals.createHospital": async (w) => hospitalInput(w),
  "hospitals.updateHospital": async (w) => ({ ...hospitalInput(w), id: (await hospital(w)).id, beds: "20", active: true }),
  "notifications.markNotificationsRead": async () => ({}),
  "pledges.createPledge": async (w) => pledgeInput(w, "3"),
  "pledges.updatePledge": async (w) => {
    const p = await pledge(w);
    return { ...pledgeInput(w, "3"), id: p.id, tranches: [{ id: p.tranches[0].id, dueOn: today(), tonnes: "3" }] };
  },
  "policy.setDailyTarget": async (w) => ({ regionId: w.province, validFrom: addDays("2020-01-01", seq++ % 300), dailyTarget: "2500" }),
  "policy.savePriorityPeriod": async (w) => ({
    regionId: w.province,
    startsOn: "2020-01-01",
    endsOn: "2020-01-02",
    minMedicalSharePct: "80",
    note: unique("period"),
  }),
  "receipts.confirmReceipt": async (w) => ({ id: await deliveryToRs1(w), receivedKg: "2", receivedAt: now().toISOString() }),
  "receipts.recordTrancheReceipt": async (w) => ({ id: await trancheDelivery(w), receivedKg: "2", receivedAt: now().toISOString() }),
  "requests.createRequest": async () => ({
    requestedKg: "1",
    neededBy: neededBy(),
    urgency: "ROUTINE",
    reason: "valid input",
    idempotencyKey: unique("create"),
    confirmUnusual: "1",
  }),
  "requests.cancelRequest": async (w) => ({ id: await submittedRequest(w), reason: "valid input" }),
  "requests.approveRequest": async (w) => ({ id: await submittedRequest(w), approvedKg: "4", note: "all we have", confirmUnusual: "1" }),
  "requests.rejectRequest": async (w) => ({ id: await submittedRequest(w), reason: "valid input" }),
  "requests.closeRequestShort": async (w) => ({ id: await approvedRequest(w), reason: "valid input" }),
  "stock.submitStockReport": async () => ({
    day: addDays(today(), -(seq++ % 20)),
    // in kilograms: a whole number reads the same in every language (decision 0017)
    unit: "KG",
    stockKg: "900",
    usedKg: "100",
    severePatients: "2",
    criticalPatients: "1",
    bedsOccupied: "3",
    confirmUnusual: "1",
  }),
  "stock.confirmStockReview": async (w) => ({ id: await flaggedReport(w) }),
  "suppliers.createSupplier": async (w) => supplierInput(w),
  "suppliers.updateSupplier": async (w) => {
    const s = direct(await prisma.supplier.create({ data: { name: unique("PT Before"), kind: "VENDOR", regionId: w.province } }));
    return { ...supplierInput(w), id: s.id };
  },
  "suppliers.setSupplierActive": async (w) => ({
    id: direct(await prisma.supplier.create({ data: { name: unique("PT Active"), kind: "VENDOR", regionId: w.province } })).id,
    active: false,
  }),
  "tokens.issueToken": async () => ({ name: unique("token"), userId: (await user()).id }),
  "tokens.revokeToken": async () => ({
    id: (await prisma.apiToken.create({ data: { name: "valid", userId: (await user()).id, tokenHash: unique("hash") } })).id,
  }),
  "users.createUser": async () => ({ email: `${unique("new")}@satgas.test`, name: "Nurul Valid", role: "OFFICIAL", password: NEW_PASSWORD }),
  "users.setUserActive": async () => ({ id: (await user()).id, active: false }),
  "users.updateUser": async () => ({ id: (await user()).id, name: unique("Renamed"), role: "STAFF", hospitalId: "" }),
  "users.resetUserPassword": async () => ({ id: (await user()).id }),
  "account.signOutEverywhere": async () => ({}),
  // The caller's password is set to a known one first (the call must know it), and failed
  // attempts made before are forgotten (a throttled account is refused whatever it sends).
  "account.changeOwnPassword": async (w, actor) => {
    if (actor) {
      await prisma.user.update({ where: { id: actor.id }, data: { passwordHash: w.knownHash, mustChangePassword: false } });
      await clearFailures(actor.email);
    }
    return { current: w.knownPassword, password: NEW_PASSWORD, confirm: NEW_PASSWORD };
  },
};

/** The use case `key` ("module.name") called with its valid input as an actor allowed to make it: staff's admin, else the hospital. */
export async function writeAsAllowed(w: World, key: string): Promise<void> {
  const [mod, name] = key.split(".");
  const m = (await import(`../../src/server/use-cases/${mod}.ts`)) as Record<string, (a: Actor, input: unknown) => Promise<{ ok: boolean; error?: string }>>;
  for (const actor of [w.admin, w.rs1]) {
    const r = await m[name](actor, await VALID[key](w, actor));
    if (r.ok) return;
    if (r.error !== "forbidden") throw new Error(`${key}: ${JSON.stringify(r)}`);
  }
  throw new Error(`${key}: nobody may`);
}
