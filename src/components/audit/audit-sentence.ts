import { formatDateTime, formatDay, formatNumber, formatTonnes } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { Translator } from "@/i18n/translator";
import type { AuditEventInput, AuditNames } from "@/domain/audit-events";
import { wibDayOf } from "@/domain/day";

export { AUDIT_ACTIONS } from "@/domain/audit-events";

// One audit event as a sentence in the reader's language: who (name and role) did what (the
// action's verb) to which record (by its human name), with the changed fields as before → after
// and links to the records. The database keeps raw snapshots (ids, kilograms, UTC instants); the
// names come in batch from the audit query (auditNames), so this module only reads and formats.

/** Where a link goes; the page shows it only when the matrix lets the reader open that page. */
export type LinkKind =
  "hospital" | "request" | "supplier" | "pledge" | "capacity" | "policy" | "forecast" | "users" | "tokens" | "alerts" | "trip" | "fleet" | "cylinders";
export type AuditLink = { kind: LinkKind; href: string; label: string };
export type AuditChange = { field: string; label: string; before: string; after: string };
export type AuditLine = { sentence: string; subject: string; changes: AuditChange[]; links: AuditLink[] };

type Snap = Record<string, unknown>;

const obj = (v: unknown): Snap => (v && typeof v === "object" && !Array.isArray(v) ? (v as Snap) : {});
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown): number | undefined =>
  typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && !Number.isNaN(Number(v)) ? Number(v) : undefined;
/** A stored @db.Date ("2021-08-25T00:00:00.000Z") as its WIB day. */
const dayOf = (v: unknown): string | undefined => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);

/** The growth from one number to another, when both are numbers. */
const diff = (before: unknown, after: unknown): number | undefined =>
  num(before) !== undefined && num(after) !== undefined ? num(after)! - num(before)! : undefined;
/** A change of a count with its sign (+3, −2, 0). */
const signed = (n: number, locale: Locale): string => (n > 0 ? "+" : n < 0 ? "−" : "") + formatNumber(Math.abs(n), locale);

/** What an event is about: its record's human name and the records it belongs to. */
type Subject = {
  object: string;
  hospitalId?: string;
  requestId?: string;
  supplierId?: string;
  pledgeId?: string;
  mass?: number;
  day?: string;
  until?: string;
  detail?: string;
  /** Where a diverted trip now goes (its hospital's name). */
  target?: string;
  /** A cylinder movement: the type's name, how many cylinders, and whose counts the row changed. */
  cylinderType?: string;
  count?: number;
  side?: "hospital" | "supplier";
  fullChange?: string;
  emptyChange?: string;
  page?: { kind: LinkKind; href: string };
};

function subjectOf(e: AuditEventInput, names: AuditNames, t: Translator, locale: Locale): Subject {
  const s = { ...obj(e.before), ...obj(e.after) };
  const unknown = t("audit.unknown");
  const hospital = (id: string | undefined) => (id ? (names.hospitals.get(id) ?? unknown) : unknown);
  const supplier = (id: string | undefined) => (id ? (names.suppliers.get(id) ?? unknown) : unknown);
  switch (e.entity) {
    case "Hospital":
      return { object: str(s.name) ?? hospital(e.entityId), hospitalId: e.entityId };
    case "Supplier":
      return { object: str(s.name) ?? supplier(e.entityId), supplierId: e.entityId };
    case "DailyCapacity": {
      const day = dayOf(s.day);
      return {
        object: supplier(str(s.supplierId)),
        supplierId: str(s.supplierId),
        mass: num(s.producedKg),
        day,
        page: { kind: "capacity", href: day ? `/capacity?day=${day}` : "/capacity" },
      };
    }
    case "Policy":
      return {
        object: names.regions.get(str(s.regionId) ?? "") ?? unknown,
        mass: num(s.dailyTargetKg),
        day: dayOf(s.validFrom),
        page: { kind: "policy", href: "/policy" },
      };
    case "MedicalPriorityPeriod":
      return {
        object: names.regions.get(str(s.regionId) ?? "") ?? unknown,
        day: dayOf(s.startsOn),
        until: dayOf(s.endsOn),
        detail: num(s.minMedicalSharePct) !== undefined ? formatNumber(num(s.minMedicalSharePct)!, locale) : undefined,
        page: { kind: "policy", href: "/policy" },
      };
    case "Pledge":
      return {
        object: supplier(str(s.supplierId)),
        supplierId: str(s.supplierId),
        pledgeId: e.entityId,
        mass: num(s.totalKg),
        day: dayOf(s.startsOn),
        until: dayOf(s.endsOn),
      };
    case "Delivery": {
      const allocation = names.allocations.get(str(s.allocationId) ?? "");
      const hospitalId = str(s.hospitalId);
      const receipt = e.action === "receipt.confirm" || e.action === "receipt.confirm_on_behalf";
      const tripId = str(s.tripId);
      return {
        object: hospitalId ? hospital(hospitalId) : supplier(str(s.depotId)),
        hospitalId,
        requestId: allocation?.requestId,
        supplierId: str(s.supplierId),
        mass: receipt ? num(s.receivedKg) : num(s.dispatchedKg),
        detail: e.action === "receipt.confirm_on_behalf" ? str(s.onBehalfNote) : (str(s.vehiclePlate) ?? names.trips.get(tripId ?? "")?.vehiclePlate),
        page: tripId ? { kind: "trip", href: `/trips/${tripId}` } : undefined,
      };
    }
    case "Allocation": {
      const requestId = str(s.requestId) ?? names.allocations.get(e.entityId)?.requestId;
      const hospitalId = names.requests.get(requestId ?? "")?.hospitalId;
      // A diversion takes the diverted leg's kilograms off the allocation: the growth of its cancelled sum.
      const divertedKg = e.action === "allocation.divert" ? diff(obj(e.before).cancelledKg, obj(e.after).cancelledKg) : undefined;
      const mass = e.action === "allocation.cancel" || e.action === "allocation.cancel_remainder" ? num(s.cancelledNowKg) : (divertedKg ?? num(s.kg));
      const detail = e.action === "allocation.create_by_diversion" ? str(s.reason) : str(s.cancelReason);
      return { object: hospital(hospitalId), hospitalId, requestId, supplierId: str(s.supplierId), mass, day: dayOf(s.day), detail };
    }
    case "SupplyRequest": {
      const hospitalId = str(s.hospitalId) ?? names.requests.get(e.entityId)?.hospitalId;
      const mass = e.action === "request.approve" ? num(s.approvedKg) : e.action === "request.close_short" ? num(s.releasedKg) : num(s.requestedKg);
      const detail =
        e.action === "request.reject"
          ? str(s.rejectionReason)
          : e.action === "request.close_short"
            ? str(s.closedShortReason)
            : e.action === "request.cancel"
              ? str(s.cancelReason)
              : e.action === "request.create_by_diversion"
                ? str(s.reason)
                : undefined;
      return { object: hospital(hospitalId), hospitalId, requestId: e.entityId, mass, day: dayOf(s.neededBy), detail };
    }
    case "StockReport":
      return {
        object: hospital(str(s.hospitalId)),
        hospitalId: str(s.hospitalId),
        mass: num(s.stockKg),
        day: dayOf(s.day),
        detail: e.action === "stock.report_on_behalf" ? str(s.onBehalfNote) : undefined,
      };
    case "FlowRateSet":
      return { object: str(s.name) ?? names.rateSets.get(e.entityId) ?? str(s.defaultKey) ?? unknown, page: { kind: "forecast", href: "/forecast" } };
    case "Scenario":
      return { object: str(s.name) ?? unknown, page: { kind: "forecast", href: "/forecast" } };
    case "User": {
      const u = names.users.get(e.entityId);
      return { object: u?.name ?? str(s.name) ?? str(s.email) ?? unknown, page: { kind: "users", href: "/admin/users" } };
    }
    case "ApiToken": {
      // expiresAt is the midnight WIB after the last day the token works: the sentence names that day.
      const expires = typeof s.expiresAt === "string" ? Date.parse(s.expiresAt) : NaN;
      return {
        object: str(s.name) ?? names.tokens.get(e.entityId) ?? unknown,
        until: Number.isNaN(expires) ? undefined : wibDayOf(new Date(expires - 1)),
        page: { kind: "tokens", href: "/admin/tokens" },
      };
    }
    case "Alert": {
      const hospitalId = str(s.hospitalId) ?? names.alerts.get(e.entityId)?.hospitalId;
      return { object: hospital(hospitalId), hospitalId, page: { kind: "alerts", href: "/alerts" } };
    }
    case "Trip": {
      const trip = names.trips.get(e.entityId);
      const sourceId = str(s.sourceId) ?? trip?.sourceId;
      const toHospitalId = str(s.toHospitalId);
      return {
        object: str(s.vehiclePlate) ?? trip?.vehiclePlate ?? unknown,
        supplierId: sourceId,
        hospitalId: toHospitalId,
        target: toHospitalId ? hospital(toHospitalId) : undefined,
        detail: e.action === "trip.divert" ? str(s.divertReason) : str(s.driverName),
        page: { kind: "trip", href: `/trips/${e.entityId}` },
      };
    }
    case "Vehicle":
      return {
        object: str(s.plate) ?? names.vehicles.get(e.entityId) ?? unknown,
        supplierId: str(s.operatorId),
        page: { kind: "fleet", href: "/fleet" },
      };
    case "Driver":
      return {
        object: str(s.name) ?? names.drivers.get(e.entityId) ?? unknown,
        supplierId: str(s.operatorId),
        page: { kind: "fleet", href: "/fleet" },
      };
    case "CylinderMovement": {
      const hospitalId = str(s.hospitalId);
      const supplierId = str(s.supplierId);
      const full = num(s.fullDelta) ?? 0;
      const empty = num(s.emptyDelta) ?? 0;
      return {
        object: hospitalId ? hospital(hospitalId) : supplier(supplierId),
        hospitalId,
        supplierId,
        cylinderType: names.cylinderTypes.get(str(s.typeId) ?? "") ?? unknown,
        count: Math.max(Math.abs(full), Math.abs(empty)),
        side: hospitalId ? "hospital" : "supplier",
        fullChange: signed(full, locale),
        emptyChange: signed(empty, locale),
        detail: str(s.note),
        page: { kind: "cylinders", href: "/cylinders" },
      };
    }
    default:
      return { object: unknown };
  }
}

/** How a changed field's value is shown. Fields not listed here (ids, hashes, keys) are not shown. */
type FieldKind =
  "mass" | "day" | "instant" | "flag" | "number" | "text" | "status" | "urgency" | "role" | "kind" | "earmark" | "unit" | "hospital" | "supplier" | "region";

export const FIELD_KINDS: Record<string, FieldKind> = {
  requestedKg: "mass",
  approvedKg: "mass",
  kg: "mass",
  dispatchedKg: "mass",
  receivedKg: "mass",
  rejectedKg: "mass",
  cancelledKg: "mass",
  stockKg: "mass",
  usedKg: "mass",
  producedKg: "mass",
  medicalKg: "mass",
  industrialKg: "mass",
  totalKg: "mass",
  dailyTargetKg: "mass",
  tankCapacityKg: "mass",
  tankResidualKg: "mass",
  operatingMinimumKg: "mass",
  day: "day",
  neededBy: "day",
  startsOn: "day",
  endsOn: "day",
  validFrom: "day",
  receivedAt: "instant",
  decidedAt: "instant",
  fulfilledAt: "instant",
  closedAt: "instant",
  reviewedAt: "instant",
  revokedAt: "instant",
  expiresAt: "instant",
  clearedAt: "instant",
  acknowledgedAt: "instant",
  escalatedAt: "instant",
  active: "flag",
  isReferral: "flag",
  isAssociationMember: "flag",
  flaggedForReview: "flag",
  mustChangePassword: "flag",
  isDefault: "flag",
  beds: "number",
  covidBeds: "number",
  icuBeds: "number",
  severePatients: "number",
  criticalPatients: "number",
  bedsOccupied: "number",
  minMedicalSharePct: "number",
  alertRedBelowHours: "number",
  alertAmberBelowHours: "number",
  level: "number",
  severeLpm: "number",
  criticalLpm: "number",
  name: "text",
  email: "text",
  phone: "text",
  reason: "text",
  rejectionReason: "text",
  approvalNote: "text",
  closedShortReason: "text",
  cancelReason: "text",
  shortReason: "text",
  note: "text",
  address: "text",
  contactName: "text",
  contactPhone: "text",
  vehiclePlate: "text",
  driverName: "text",
  defaultKey: "text",
  status: "status",
  urgency: "urgency",
  role: "role",
  kind: "kind",
  earmark: "earmark",
  unit: "unit",
  hospitalId: "hospital",
  supplierId: "supplier",
  regionId: "region",
  operatorId: "supplier",
  sourceId: "supplier",
  toHospitalId: "hospital",
  plate: "text",
  capacity: "number",
  divertReason: "text",
  onBehalfNote: "text",
  divertedAt: "instant",
  departedAt: "instant",
  plannedArrivalAt: "instant",
  etaAt: "instant",
  arrivedAt: "instant",
  returnedAt: "instant",
  alertMissedReportHours: "number",
  alertByEmail: "flag",
  alertByWebhook: "flag",
  onDutyUntil: "instant",
  cylinderSupply: "flag",
  receivedOnBehalf: "flag",
  onBehalf: "flag",
  latitude: "number",
  longitude: "number",
};

function formatValue(field: string, v: unknown, entity: string, names: AuditNames, t: Translator, locale: Locale): string {
  if (v === null || v === undefined || v === "") return "—";
  const kind = FIELD_KINDS[field];
  const key = (k: string) => k as Parameters<Translator>[0];
  const label = (k: string, fallback: string) => (t.has(key(k)) ? t(key(k)) : fallback);
  switch (kind) {
    case "mass":
      return num(v) !== undefined ? formatTonnes(num(v)!, locale) : "—";
    case "day":
      return dayOf(v) ? formatDay(dayOf(v)!, locale) : "—";
    case "instant":
      return typeof v === "string" && !Number.isNaN(Date.parse(v)) ? t("audit.wib", { time: formatDateTime(new Date(v), locale) }) : "—";
    case "flag":
      return t(v === true ? "audit.yes" : "audit.no");
    case "number":
      return num(v) !== undefined ? formatNumber(num(v)!, locale, 2) : "—";
    case "status":
      return label(
        entity === "Allocation" ? `hospital.allocationStatus.${String(v)}` : entity === "Trip" ? `fleet.statuses.${String(v)}` : `hospital.status.${String(v)}`,
        String(v),
      );
    case "urgency":
      return label(`hospital.urgency.${String(v)}`, String(v));
    case "role":
      return label(`shell.roles.${String(v)}`, String(v));
    case "kind":
      return label(
        entity === "Alert" ? `audit.alertKinds.${String(v)}` : entity === "Vehicle" ? `fleet.kinds.${String(v)}` : `supply.kinds.${String(v)}`,
        String(v),
      );
    case "earmark":
      return label(`supply.earmarks.${String(v)}`, String(v));
    case "unit":
      return label(`hospital.stock.units.${String(v)}`, String(v));
    case "hospital":
      return names.hospitals.get(String(v)) ?? t("audit.unknown");
    case "supplier":
      return names.suppliers.get(String(v)) ?? t("audit.unknown");
    case "region":
      return names.regions.get(String(v)) ?? t("audit.unknown");
    default:
      return typeof v === "string" ? v : String(v);
  }
}

/** The fields an update changed, labelled and formatted (only fields with a label; never ids or JSON). */
export function readableChanges(e: Pick<AuditEventInput, "entity" | "before" | "after">, names: AuditNames, t: Translator, locale: Locale): AuditChange[] {
  if (!e.before || !e.after) return [];
  const b = obj(e.before);
  const a = obj(e.after);
  const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
  return Object.keys(FIELD_KINDS)
    .filter((f) => (f in b || f in a) && !same(b[f], a[f]))
    .map((f) => ({
      field: f,
      label: t(`audit.fields.${f}` as Parameters<Translator>[0]),
      before: formatValue(f, b[f], e.entity, names, t, locale),
      after: formatValue(f, a[f], e.entity, names, t, locale),
    }));
}

/** Whether an action has a sentence in this translator's language. */
export function hasSentence(action: string, t: Translator): boolean {
  return t.has(`audit.actions.${action}` as Parameters<Translator>[0]);
}

/** The event as a sentence with its changes and links. */
export function auditLine(e: AuditEventInput, names: AuditNames, t: Translator, locale: Locale): AuditLine {
  const subject = subjectOf(e, names, t, locale);
  const roleKey = `shell.roles.${e.actor?.role}` as Parameters<Translator>[0];
  const actor = e.actor ? t("audit.actor", { name: e.actor.name, role: t.has(roleKey) ? t(roleKey) : "" }) : t("audit.system");
  const s = { ...obj(e.before), ...obj(e.after) };
  const values = {
    actor,
    object: subject.object,
    mass: subject.mass !== undefined ? formatTonnes(subject.mass, locale) : "—",
    day: subject.day ? formatDay(subject.day, locale) : "—",
    until: subject.until ? formatDay(subject.until, locale) : "—",
    untilGiven: subject.until ? "yes" : "no",
    detail: subject.detail ?? "",
    detailGiven: subject.detail ? "yes" : "no",
    supplier: subject.supplierId ? (names.suppliers.get(subject.supplierId) ?? t("audit.unknown")) : t("audit.unknown"),
    status: formatValue("status", s.status, e.entity, names, t, locale),
    role: formatValue("role", s.role, e.entity, names, t, locale),
    level: num(s.level) ?? 0,
    alertKind: formatValue("kind", s.kind, "Alert", names, t, locale),
    target: subject.target ?? t("audit.unknown"),
    cylinderType: subject.cylinderType ?? t("audit.unknown"),
    count: subject.count ?? 0,
    side: subject.side ?? "hospital",
    fullChange: subject.fullChange ?? "0",
    emptyChange: subject.emptyChange ?? "0",
  };
  const what = hasSentence(e.action, t) ? t(`audit.actions.${e.action}` as Parameters<Translator>[0], values) : t("audit.otherAction", values);
  const sentence = t("audit.sentence", { what, time: formatDateTime(e.at, locale) });
  const links: AuditLink[] = [];
  if (subject.requestId) links.push({ kind: "request", href: `/requests/${subject.requestId}`, label: t("audit.links.request") });
  if (subject.pledgeId) links.push({ kind: "pledge", href: `/pledges/${subject.pledgeId}`, label: t("audit.links.pledge") });
  if (subject.hospitalId && names.hospitals.has(subject.hospitalId))
    links.push({ kind: "hospital", href: `/hospitals/${subject.hospitalId}`, label: names.hospitals.get(subject.hospitalId)! });
  if (subject.supplierId && names.suppliers.has(subject.supplierId))
    links.push({ kind: "supplier", href: `/suppliers/${subject.supplierId}`, label: names.suppliers.get(subject.supplierId)! });
  if (subject.page) links.push({ ...subject.page, label: t(`audit.links.${subject.page.kind}` as Parameters<Translator>[0]) });
  return { sentence, subject: subject.object, changes: readableChanges(e, names, t, locale), links };
}
