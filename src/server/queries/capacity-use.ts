import { Prisma } from "@/generated/prisma/client";

// What is already committed of a producer's medical supply on a day (src/domain/request.ts,
// capacityCommittedKg): allocations from that day's supply, allocations from its pledges on that
// day, and trips against its pledge tranches dispatched that WIB day without an allocation —
// summed in "SupplyDayCommitted", kept by triggers on "Allocation" and "Delivery" (decision 0049).
// One SQL expression, used by the allocation form, the dispatch use case and the capacity form,
// so that all of them count the same oxygen once (the allocation use case reads the row locked).

/** SQL: kilograms committed of `supplierId`'s medical supply on the DATE `day`. */
export function capacityCommittedSql(supplierId: Prisma.Sql | string, day: Prisma.Sql | Date): Prisma.Sql {
  const s = typeof supplierId === "string" ? Prisma.sql`${supplierId}` : supplierId;
  const d = day instanceof Date ? Prisma.sql`${day}::date` : day;
  return Prisma.sql`COALESCE((SELECT k."committedKg" FROM "SupplyDayCommitted" k WHERE k."supplierId" = ${s} AND k.day = ${d}), 0)`;
}
