// The audit trail's vocabulary: every action recordAudit writes, and the records an event's
// snapshots point at (looked up in batch by the audit query, then named in the reader's language
// by src/components/audit/audit-sentence.ts).

/**
 * Every action recordAudit writes. tests/unit/audit-sentence.test.ts reads the server's source
 * for the actions it records and fails when one is missing here or has no sentence.
 */
export const AUDIT_ACTIONS = [
  "alert.acknowledge",
  "alert.clear",
  "alert.escalate",
  "alert.raise",
  "allocation.cancel",
  "allocation.cancel_remainder",
  "allocation.create",
  "allocation.create_by_diversion",
  "allocation.deliver",
  "allocation.dispatch",
  "allocation.divert",
  "allocation.status",
  "capacity.create",
  "capacity.import",
  "capacity.update",
  "cylinder.count",
  "cylinder.delivery",
  "cylinder.refill",
  "cylinder.return",
  "dispatch.create",
  "dispatch.divert",
  "driver.create",
  "driver.update",
  "hospital.alert_thresholds",
  "hospital.create",
  "hospital.update",
  "pledge.create",
  "pledge.update",
  "policy.create",
  "policy.update",
  "priority.create",
  "priority.update",
  "rateset.default",
  "rateset.update",
  "receipt.confirm",
  "receipt.confirm_on_behalf",
  "request.allocate",
  "request.approve",
  "request.cancel",
  "request.close_short",
  "request.create",
  "request.create_by_diversion",
  "request.dispatch",
  "request.fulfil",
  "request.receive",
  "request.reject",
  "request.status",
  "scenario.create",
  "stock.report",
  "stock.report_on_behalf",
  "stock.review",
  "stock.update",
  "supplier.create",
  "supplier.deactivate",
  "supplier.reactivate",
  "supplier.update",
  "token.issue",
  "token.revoke",
  "trip.arrive",
  "trip.create",
  "trip.depart",
  "trip.divert",
  "trip.receive",
  "trip.return",
  "user.alert_channels",
  "user.create",
  "user.disable",
  "user.duty",
  "user.enable",
  "user.password_change",
  "user.password_reset",
  "user.role_change",
  "user.sign_in",
  "user.sign_in_delayed",
  "user.sign_in_failed",
  "user.sign_out",
  "user.update",
  "vehicle.create",
  "vehicle.update",
] as const;

export type AuditEventInput = {
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: Date;
  actor: { name: string; role: string } | null;
};

/** Human names of the records events point at, looked up in batch (src/server/queries/audit.ts). */
export type AuditNames = {
  hospitals: Map<string, string>;
  suppliers: Map<string, string>;
  regions: Map<string, string>;
  users: Map<string, { name: string; role: string }>;
  tokens: Map<string, string>;
  rateSets: Map<string, string>;
  requests: Map<string, { hospitalId: string }>;
  allocations: Map<string, { requestId: string; supplierId: string }>;
  alerts: Map<string, { hospitalId: string }>;
  vehicles: Map<string, string>;
  drivers: Map<string, string>;
  trips: Map<string, { vehiclePlate: string; sourceId: string }>;
  cylinderTypes: Map<string, string>;
};

/** The ids an event refers to, by kind: what auditNames looks up. */
export type AuditRefs = { [K in keyof AuditNames]: Set<string> };

type Snap = Record<string, unknown>;

const obj = (v: unknown): Snap => (v && typeof v === "object" && !Array.isArray(v) ? (v as Snap) : {});

/** The ids an event's snapshots name (both sides, and its own record). */
export function referencesOf(events: Pick<AuditEventInput, "entity" | "entityId" | "before" | "after">[]): AuditRefs {
  const refs: AuditRefs = {
    hospitals: new Set(),
    suppliers: new Set(),
    regions: new Set(),
    users: new Set(),
    tokens: new Set(),
    rateSets: new Set(),
    requests: new Set(),
    allocations: new Set(),
    alerts: new Set(),
    vehicles: new Set(),
    drivers: new Set(),
    trips: new Set(),
    cylinderTypes: new Set(),
  };
  const add = (set: Set<string>, v: unknown) => {
    if (typeof v === "string" && v) set.add(v);
  };
  for (const e of events) {
    for (const s of [obj(e.before), obj(e.after)]) {
      add(refs.hospitals, s.hospitalId);
      add(refs.suppliers, s.supplierId);
      add(refs.suppliers, s.depotId);
      add(refs.regions, s.regionId);
      add(refs.requests, s.requestId);
      add(refs.allocations, s.allocationId);
      add(refs.users, s.userId);
      add(refs.hospitals, s.toHospitalId);
      add(refs.suppliers, s.operatorId);
      add(refs.suppliers, s.sourceId);
      add(refs.vehicles, s.vehicleId);
      add(refs.drivers, s.driverId);
      add(refs.trips, s.tripId);
      add(refs.cylinderTypes, s.typeId);
    }
    const own: Partial<Record<string, keyof AuditNames>> = {
      Hospital: "hospitals",
      Supplier: "suppliers",
      User: "users",
      ApiToken: "tokens",
      FlowRateSet: "rateSets",
      SupplyRequest: "requests",
      Allocation: "allocations",
      Alert: "alerts",
      Vehicle: "vehicles",
      Driver: "drivers",
      Trip: "trips",
    };
    const kind = own[e.entity];
    if (kind) refs[kind].add(e.entityId);
  }
  return refs;
}
